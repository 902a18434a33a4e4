//! The reader's ways on from an article: the original, the related articles (computed at build
//! time), and the previous and next articles by date.

use crate::components::article_meta::article_meta;
use crate::data::data;
use crate::route::Route;
use readingroom_core::Article;
use yew::prelude::*;

/// "Read the original at CTC Sentinel", when the corpus knows where it was published.
pub fn original_link(a: &Article) -> Html {
    let Some(url) = a.url.as_deref().filter(|u| u.starts_with("https://") || u.starts_with("http://")) else {
        return html! {};
    };
    let at = if a.outlet.is_empty() { String::new() } else { format!(" at {}", a.outlet) };
    html! {
        <p class="rr-original"><a href={ url.to_string() } rel="noopener">{ format!("Read the original{at}") }</a></p>
    }
}

pub fn related_list(a: &Article) -> Html {
    let d = data();
    let items: Vec<Html> = a
        .related
        .iter()
        .filter_map(|slug| d.index.article(slug))
        .map(|(_, r)| {
            html! {
                <li class="rr-item">
                    <a class="rr-title" href={ Route::article(&r.slug).href() }>{ &r.title }</a>
                    { article_meta(r) }
                </li>
            }
        })
        .collect();
    if items.is_empty() {
        return html! {};
    }
    html! {
        <section class="rr-related" aria-labelledby="rr-related-h">
            <@{crate::heading::h(2)} id="rr-related-h">{ "Related articles" }</@>
            <ol class="rr-list">{ for items }</ol>
        </section>
    }
}

/// Older and newer neighbours in publication order (the index lists articles newest first).
pub fn prev_next(doc: u32) -> Html {
    let d = data();
    let link = |doc: Option<u32>, rel: &'static str, label: &'static str| match doc
        .and_then(|i| d.index.articles.get(i as usize))
    {
        Some(a) => html! {
            <a class={ format!("rr-{rel}") } rel={ rel } href={ Route::article(&a.slug).href() }>
                <span class="rr-pn-label">{ label }</span>
                <span class="rr-pn-title">{ &a.title }</span>
            </a>
        },
        None => html! { <span /> },
    };
    html! {
        <nav class="rr-prevnext" aria-label="Older and newer articles">
            { link(Some(doc + 1), "prev", "← Older") }
            { link(doc.checked_sub(1), "next", "Newer →") }
        </nav>
    }
}
