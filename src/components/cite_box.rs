//! "Cite this": the article in Chicago, APA, BibTeX and RIS, each with a copy button.

use crate::route::Route;
use readingroom_core::cite;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// Copies `text`, then tells `done` whether it worked: the async Clipboard API where the page
/// may use it, else (or when it refuses) a selection and the older copy command.
pub fn copy_text(text: &str, done: Callback<bool>) {
    let window = gloo::utils::window();
    let clipboard =
        js_sys::Reflect::get(&window.navigator(), &"clipboard".into()).ok().filter(|c| !c.is_undefined());
    let write = clipboard
        .as_ref()
        .and_then(|c| js_sys::Reflect::get(c, &"writeText".into()).ok()?.dyn_into::<js_sys::Function>().ok());
    if let (Some(clipboard), Some(write)) = (clipboard, write) {
        if let Ok(promise) =
            write.call1(&clipboard, &JsValue::from_str(text)).and_then(|p| p.dyn_into::<js_sys::Promise>())
        {
            let ok = {
                let done = done.clone();
                Closure::once_into_js(move |_: JsValue| done.emit(true))
            };
            let text = text.to_string();
            let failed = Closure::once_into_js(move |_: JsValue| done.emit(copy_by_selection(&text)));
            // `then2` wants owned Closures; calling `then` with the JS functions lets each one free
            // itself once it runs.
            let then =
                js_sys::Reflect::get(&promise, &"then".into()).and_then(|f| f.dyn_into::<js_sys::Function>());
            if let Ok(then) = then {
                let _ = then.call2(&promise, &ok, &failed);
            }
            return;
        }
    }
    done.emit(copy_by_selection(text));
}

fn copy_by_selection(text: &str) -> bool {
    let document = gloo::utils::document();
    let Ok(area) = document.create_element("textarea") else { return false };
    area.set_text_content(Some(text));
    let _ = crate::location::root().append_child(&area);
    let area: web_sys::HtmlElement = area.unchecked_into();
    let call = |target: &JsValue, name: &str, arg: Option<&JsValue>| {
        js_sys::Reflect::get(target, &name.into()).and_then(|f| f.dyn_into::<js_sys::Function>()).and_then(
            |f| match arg {
                Some(a) => f.call1(target, a),
                None => f.call0(target),
            },
        )
    };
    let _ = call(&area, "select", None);
    let copied = call(&document, "execCommand", Some(&"copy".into())).is_ok_and(|v| v.is_truthy());
    area.remove();
    copied
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub slug: AttrValue,
}

#[function_component(CiteBox)]
pub fn cite_box(props: &Props) -> Html {
    let copied = use_state(|| None::<&'static str>);
    let Some((_, a)) = crate::data::data().index.article(&props.slug) else { return html! {} };
    let url = Route::article(&a.slug).absolute_url();
    let url = url.as_deref();
    let styles: [(&'static str, String); 4] = [
        ("Chicago", cite::chicago(a, url)),
        ("APA", cite::apa(a, url)),
        ("BibTeX", cite::bibtex(a, url)),
        ("RIS", cite::ris(a, url)),
    ];
    let block = |(name, text): &(&'static str, String)| {
        let onclick = {
            let (copied, text, name) = (copied.clone(), text.clone(), *name);
            Callback::from(move |_: MouseEvent| {
                let copied = copied.clone();
                copy_text(&text, Callback::from(move |ok: bool| copied.set(ok.then_some(name))));
            })
        };
        let done = *copied == Some(*name);
        html! {
            <div class="rr-cite-style">
                <@{crate::heading::h(3)}>{ *name }</@>
                <pre>{ text }</pre>
                <button type="button" {onclick} aria-label={ format!("Copy the {name} citation") }>
                    { if done { "Copied" } else { "Copy" } }
                </button>
            </div>
        }
    };
    html! {
        <details class="rr-cite">
            <summary>{ "Cite this article" }</summary>
            { for styles.iter().map(block) }
            <p class="rr-visually-hidden" role="status">{ copied.map(|n| format!("{n} citation copied")).unwrap_or_default() }</p>
        </details>
    }
}
