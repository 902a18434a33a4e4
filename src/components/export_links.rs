//! Export of the current result set, every result (not only those shown), as CSV, JSON or
//! BibTeX: a file made in the page and downloaded, no server involved.

use crate::data::data;
use crate::route::Route;
use readingroom_core::{export, Article};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Where an export links an article without a URL of its own: its page in the explorer, as
/// the cite box links it (on the host page when embedded; nothing from file://).
fn own_url(a: &Article) -> Option<String> {
    Route::article(&a.slug).absolute_url()
}

fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&text.into());
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(a) = gloo::utils::document().create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        let root = crate::location::root();
        let _ = root.append_child(&a);
        a.click();
        a.remove();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The results, in their order.
    pub docs: Rc<Vec<u32>>,
}

#[function_component(ExportLinks)]
pub fn export_links(props: &Props) -> Html {
    let button = |label: &'static str,
                  file: &'static str,
                  mime: &'static str,
                  make: fn(&[&Article], &export::OwnUrl) -> String| {
        let docs = props.docs.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let d = data();
            let articles: Vec<&Article> = docs.iter().map(|&i| &d.index.articles[i as usize]).collect();
            download(file, mime, &make(&articles, &own_url));
        });
        html! { <button type="button" class="rr-export-button" {onclick}>{ label }</button> }
    };
    html! {
        <div class="rr-export" role="group" aria-label={ format!("Export these {} results", props.docs.len()) }>
            <span>{ "Export" }</span>
            { button("CSV", "reading-room-results.csv", "text/csv;charset=utf-8", export::csv) }
            { button("JSON", "reading-room-results.json", "application/json", export::json) }
            { button("BibTeX", "reading-room-results.bib", "application/x-bibtex;charset=utf-8", export::bibtex) }
        </div>
    }
}
