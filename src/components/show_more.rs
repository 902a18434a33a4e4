//! "Show 10 more of 340": the pager of long lists, which render a page at a time.

use yew::prelude::*;

/// The button that adds `page` more items to `shown`; nothing once all `total` are shown.
pub fn show_more(total: usize, shown: &UseStateHandle<usize>, page: usize) -> Html {
    let onclick = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + page))
    };
    let left = total.saturating_sub(**shown);
    more_button(left, more_label(left, page), onclick)
}

/// "Show 10 more of 340": `page` more of the `left` not shown yet.
pub fn more_label(left: usize, page: usize) -> String {
    format!("Show {} more of {left}", page.min(left))
}

/// The same button with its own words, for a list whose count is kept elsewhere: nothing when
/// `left`, the items not yet shown, is none.
pub fn more_button(left: usize, label: String, onclick: Callback<MouseEvent>) -> Html {
    if left == 0 {
        return html! {};
    }
    html! { <button type="button" class="rr-more" {onclick}>{ label }</button> }
}
