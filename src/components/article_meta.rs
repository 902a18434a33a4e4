//! The line under a title: date, outlet, kind.

use readingroom_core::Article;
use yew::prelude::*;

pub fn article_meta(a: &Article) -> Html {
    html! {
        <p class="rr-meta">
            <time datetime={ a.date.iso() }>{ a.date.to_string() }</time>
            if !a.outlet.is_empty() { <span class="rr-outlet">{ &a.outlet }</span> }
            if !a.kind.is_empty() { <span class="rr-kind">{ &a.kind }</span> }
        </p>
    }
}
