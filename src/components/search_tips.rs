//! Search tips: what the search box understands, each with an example from this archive that
//! opens its results (`readingroom_core::tips` picks them, and keeps only those that find
//! something). Folded beside the heading of the home page and of results; open where a search
//! found nothing.

use crate::data::data;
use crate::route::{Explore, Route};
use readingroom_core::tips::{tips, Example, Tips};
use std::cell::{Cell, OnceCell};
use wasm_bindgen::JsCast;
use yew::prelude::*;

thread_local! {
    /// Worked out once, shortly after start-up or when the tips first show: a few searches.
    static TIPS: OnceCell<Tips> = const { OnceCell::new() };
    /// "?" was pressed where there were no tips: the search view opens them when it comes.
    static ASKED: Cell<bool> = const { Cell::new(false) };
}

/// How long after start-up the tips' examples are worked out, if nothing has asked for them.
const PREPARE_AFTER_MS: u32 = 1500;

/// Works out the tips' examples a moment after start-up, while the reader is still reading the
/// page: a dozen searches, 11 ms at 20,000 articles, that had otherwise fallen on the first
/// keystroke to find nothing, whose search is already the slowest kind.
pub fn prepare_soon() {
    gloo::timers::callback::Timeout::new(PREPARE_AFTER_MS, || {
        // Not between the keystrokes of a reader typing: later, once they pause.
        if crate::location::typing() {
            prepare_soon();
            return;
        }
        with_examples(|_| ());
    })
    .forget();
}

/// Runs `f` on this archive's examples, working them out the first time.
fn with_examples<R>(f: impl FnOnce(&Tips) -> R) -> R {
    TIPS.with(|t| {
        let d = data();
        f(t.get_or_init(|| tips(&d.index, &d.facets, &d.analyzer)))
    })
}

/// Shows the tips ("?"): those on the page, opened (the home page's and the results'), else
/// those of the search an article was opened from, or the home page's; the focus goes to their
/// summary, where a screen reader starts reading them.
pub fn show() {
    let on_page = crate::location::root()
        .query_selector(".rr-tips")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlDetailsElement>().ok());
    match on_page {
        Some(details) => {
            details.set_open(true);
            focus_summary(&details);
        }
        None => {
            // Over an article, the search it came from (query and filters) with the tips open;
            // else the home page's.
            let now = crate::location::current();
            let explore = now.explore();
            let to = if explore == Explore::default() { Route::Home } else { explore.route() };
            // A search with filters that found nothing has no tips, and goes nowhere: a flag
            // left set would open the next tips to come, and take the focus from typing.
            if to != now {
                ASKED.with(|a| a.set(true));
                crate::nav::go(&to);
            }
        }
    }
}

/// Folds the tips if they stand open (Esc), the focus back on their summary. Whether it did.
pub fn hide() -> bool {
    let open = crate::location::root()
        .query_selector(".rr-tips[open]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlDetailsElement>().ok());
    let Some(details) = open else { return false };
    details.set_open(false);
    focus_summary(&details);
    true
}

fn focus_summary(details: &web_sys::Element) {
    if let Some(summary) = details.query_selector("summary").ok().flatten() {
        if let Ok(summary) = summary.dyn_into::<web_sys::HtmlElement>() {
            let _ = summary.focus();
        }
    }
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
    // Closed, the tips are a summary line; their examples are worked out once, shortly after
    // start-up (`prepare_soon`) or when first opened, whichever comes first.
    let asked = use_state(|| ASKED.with(Cell::take));
    let open = use_state_eq(|| props.open || *asked);
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(*asked, move |&asked| {
            if let Some(details) = node.cast::<web_sys::Element>().filter(|_| asked) {
                focus_summary(&details);
            }
        });
    }
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            open.set(details.open());
        })
    };
    let body = (*open).then(|| {
        // Worked out already by `prepare_soon`, unless they are wanted sooner.
        with_examples(|t| {
            let d = data();
            html! {
                <ul>
                    <li>{ "Every word must be in the article; the last is completed as you type." }</li>
                    { tip("Quotes find a phrase", &t.phrase, |ex| format!(" ({})", ex.finds)) }
                    { tip("OR finds either word", &t.either, |_| String::new()) }
                    { tip("A minus leaves a word out", &t.exclude, |_| String::new()) }
                    // Only where a gazetteer names someone: without one, no name has spellings.
                    if !d.index.entities.is_empty() {
                        { tip("Any spelling of a name finds them all", &t.spelling, |ex| format!(" finds {}", ex.finds)) }
                    }
                    { tip("Capitals and accents do not matter", &t.accents, |ex| format!(" finds {}", ex.finds)) }
                    { tip("Longer words forgive a typo", &t.typo, |ex| format!(" finds {}", ex.finds)) }
                    <li><kbd>{ "/" }</kbd>{ " goes to the search box, " }<kbd>{ "↓" }</kbd>{ " " }<kbd>{ "↑" }</kbd>
                        { " move through the results, " }<kbd>{ "n" }</kbd>{ " " }<kbd>{ "p" }</kbd>
                        { " step through the matches in an article, " }<kbd>{ "Esc" }</kbd>{ " clears the box, " }<kbd>{ "?" }</kbd>
                        { " shows these tips." }</li>
                </ul>
            }
        })
    });
    html! {
        <details class="rr-tips" ref={ node } open={ *open } {ontoggle}>
            <summary>{ "Search tips" }</summary>
            // In an element of its own: as a sibling, the list arriving made Yew replace the
            // summary, and the focus "?" gave it was lost.
            <div>{ for body }</div>
        </details>
    }
}
