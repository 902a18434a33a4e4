//! Navigation from inside a view: the route is the URL, so a view changes the URL and the app
//! follows it, as it does for links. Within a view, buttons move the focus instead: the hash
//! holds the route, so a `#fragment` link cannot.

pub use crate::location::go;

/// Focuses the element with this id in the app (inside the shadow root when embedded) and
/// scrolls it to the top of the view, below a sticky header (`scroll-padding-top`): the focus
/// alone scrolled it only as far as to be in view, a question the reader jumped to left
/// mid-screen.
pub fn focus_on(id: String) -> yew::Callback<web_sys::MouseEvent> {
    yew::Callback::from(move |_: web_sys::MouseEvent| focus_element(&id))
}

/// As [`focus_on`], at once.
pub fn focus_element(id: &str) {
    use wasm_bindgen::JsCast;
    let target = crate::location::root().query_selector(&format!("#{id}")).ok().flatten();
    if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
        let to = web_sys::ScrollIntoViewOptions::new();
        to.set_block(web_sys::ScrollLogicalPosition::Start);
        el.scroll_into_view_with_scroll_into_view_options(&to);
    }
}
