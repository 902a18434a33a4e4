//! Search tips: what the search box understands, each with an example from this archive that
//! opens its results (`readingroom_core::tips` picks them, and keeps only those that find
//! something). Folded on the home page; open where a search found nothing.

use crate::data::data;
use crate::route::Explore;
use readingroom_core::tips::{tips, Example, Tips};
use std::cell::OnceCell;
use yew::prelude::*;

thread_local! {
    /// Worked out the first time the tips show: a few searches, once.
    static TIPS: OnceCell<Tips> = const { OnceCell::new() };
}

/// One tip: what it says, then its example if this archive has one ("…: `query` finds …").
fn tip(says: &str, ex: &Option<Example>, finds: impl Fn(&Example) -> String) -> Html {
    match ex {
        Some(ex) => html! {
            <li>
                { format!("{says}: ") }
                <a class="rr-tip-example" href={ Explore { q: ex.query.clone(), ..Explore::default() }.route().href() }>
                    <code>{ &ex.query }</code>
                </a>
                { finds(ex) }
            </li>
        },
        None => html! { <li>{ format!("{says}.") }</li> },
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Open at first (the reader's search found nothing).
    #[prop_or_default]
    pub open: bool,
}

#[function_component(SearchTips)]
pub fn search_tips(props: &Props) -> Html {
    // Closed, the tips are a summary line: their examples are worked out when first opened.
    let open = use_state_eq(|| props.open);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            open.set(details.open());
        })
    };
    let body = (*open).then(|| {
        TIPS.with(|t| {
            let d = data();
            let t = t.get_or_init(|| tips(&d.index, &d.facets, &d.analyzer));
            html! {
                <ul>
                    <li>{ "Every word must be in the article; the last is completed as you type." }</li>
                    { tip("Quotes find a phrase", &t.phrase, |ex| format!(" ({})", ex.finds)) }
                    { tip("OR finds either word", &t.either, |_| String::new()) }
                    { tip("A minus leaves a word out", &t.exclude, |_| String::new()) }
                    { tip("Any spelling of a name finds them all", &t.spelling, |ex| format!(" finds {}", ex.finds)) }
                    { tip("Capitals and accents do not matter", &t.accents, |ex| format!(" finds {}", ex.finds)) }
                    { tip("Longer words forgive a typo", &t.typo, |ex| format!(" finds {}", ex.finds)) }
                    <li><kbd>{ "/" }</kbd>{ " goes to the search box, " }<kbd>{ "↓" }</kbd>{ " " }<kbd>{ "↑" }</kbd>
                        { " move through the results, " }<kbd>{ "Esc" }</kbd>{ " clears it." }</li>
                </ul>
            }
        })
    });
    html! {
        <details class="rr-tips" open={ *open } {ontoggle}>
            <summary>{ "Search tips" }</summary>
            { for body }
        </details>
    }
}
