//! "Show 10 more of 340": the pager of long lists, which render a page at a time.

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The button that adds `page` more items to `shown`; nothing once all `total` are shown.
pub fn show_more(total: usize, shown: &UseStateHandle<usize>, page: usize) -> Html {
    let onclick = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + page))
    };
    let left = total.saturating_sub(**shown);
    more_button(left, more_label(left, page), None, onclick)
}

/// "Show 10 more of 340": `page` more of the `left` not shown yet.
pub fn more_label(left: usize, page: usize) -> String {
    format!("Show {} more of {left}", page.min(left))
}

/// The same button with its own words, for a list whose count is kept elsewhere: nothing when
/// `left`, the items not yet shown, is none. It stands right after its list. `name`, when given,
/// is what a screen reader hears instead: where several such buttons share a page, it says
/// which list each one grows.
pub fn more_button(left: usize, label: String, name: Option<String>, onclick: Callback<MouseEvent>) -> Html {
    if left == 0 {
        return html! {};
    }
    html! {
        <button type="button" class="rr-more" aria-label={ name } onclick={ focusing_added(onclick) }>{ label }</button>
    }
}

/// `onclick` for a "Show more" button that stands right after its list, which, once the list has
/// grown, moves the focus to the first item added: a keyboard or screen reader user goes on
/// where the new items begin, and is not left on a button that may be gone.
pub fn focusing_added(onclick: Callback<MouseEvent>) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        // The list is the button's sibling, or its row's where the button shares a row.
        let list = e.target_dyn_into::<web_sys::Element>().and_then(|b| {
            b.previous_element_sibling().or_else(|| b.parent_element()?.previous_element_sibling())
        });
        let before = list.as_ref().map_or(0, web_sys::Element::child_element_count);
        onclick.emit(e);
        if let Some(list) = list {
            // After the render the click scheduled.
            gloo::timers::callback::Timeout::new(0, move || focus_item(&list, before + 1)).forget();
        }
    })
}

/// Focuses the first link, button or checkbox of the `nth` item (from 1) of `list`, if any.
fn focus_item(list: &web_sys::Element, nth: u32) {
    let item = format!(":scope > :nth-child({nth})");
    let selector = format!("{item} a[href], {item} button, {item} input");
    if let Ok(Some(target)) = list.query_selector(&selector) {
        if let Ok(target) = target.dyn_into::<web_sys::HtmlElement>() {
            let _ = target.focus();
        }
    }
}
