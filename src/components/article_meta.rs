//! The line under a title: date, outlet, kind; and, where a list counts something per article
//! (an entity's mentions), that count.

use readingroom_core::Article;
use yew::prelude::*;

pub fn article_meta(a: &Article) -> Html {
    counted_meta(a, None)
}

/// The line with `count` at its end ("27 mentions").
pub fn counted_meta(a: &Article, count: Option<String>) -> Html {
    html! {
        <p class="rr-meta">
            <time datetime={ a.date.iso() }>{ a.date.to_string() }</time>
            if !a.outlet.is_empty() { <span class="rr-outlet">{ &a.outlet }</span> }
            if !a.kind.is_empty() { <span class="rr-kind">{ &a.kind }</span> }
            if let Some(count) = count { <span class="rr-count-of">{ count }</span> }
        </p>
    }
}
