//! "Show 10 more of 340": the pager of long lists, which render a page at a time.

use yew::prelude::*;

/// The button that adds `page` more items to `shown`; nothing once all `total` are shown.
pub fn show_more(total: usize, shown: &UseStateHandle<usize>, page: usize) -> Html {
    let left = total.saturating_sub(**shown);
    if left == 0 {
        return html! {};
    }
    let onclick = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + page))
    };
    html! {
        <button type="button" class="rr-more" {onclick}>{ format!("Show {} more of {}", page.min(left), left) }</button>
    }
}
