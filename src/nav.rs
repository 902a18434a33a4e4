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
        focus_in_place(&el);
        let to = web_sys::ScrollIntoViewOptions::new();
        to.set_block(web_sys::ScrollLogicalPosition::Start);
        el.scroll_into_view_with_scroll_into_view_options(&to);
    }
}

/// Where a link the reader followed re-drew the view it stood in (a zoom of the timeline, "Clear
/// all", the last chip removed), the focus went with it, to the page's body: a keyboard or
/// screen reader user is put at the view's heading instead, not at the top of the document.
/// Focus the reader (or a host page) put elsewhere is left alone.
pub fn refocus_if_lost() {
    use wasm_bindgen::JsCast;
    if !focus_lost() {
        return;
    }
    // The heading of where the view put the reader: the period a timeline opened at, the
    // results (the filters stand above them on a phone), else the view's first heading (its
    // level follows the host page's when embedded).
    let root = crate::location::root();
    let heading =
        ["#rr-tl-at :is(h2, h3, h4, h5, h6)", "#rr-results-h", ".rr-main :is(h1, h2, h3, h4, h5, h6)"]
            .iter()
            .find_map(|selector| root.query_selector(selector).ok().flatten());
    if let Some(h) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
        if !h.has_attribute("tabindex") {
            let _ = h.set_attribute("tabindex", "-1");
        }
        focus_in_place(&h);
    }
}

/// Back (or forward) from an article to a view that lists it: the focus, gone to the page's
/// body with the article, goes to the link the reader opened it by, without scrolling (the
/// place is put back apart), so that the arrow keys and Tab go on from there and not from the
/// top of the page. Focus the reader (or a host page) put elsewhere is left alone.
pub fn focus_link_to_article(slug: &str) {
    use wasm_bindgen::JsCast;
    if !focus_lost() {
        return;
    }
    let Ok(links) = crate::location::root().query_selector_all(".rr-main a[href]") else { return };
    let link = (0..links.length())
        .filter_map(|i| links.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|a| {
            let href = a.get_attribute("href").unwrap_or_default();
            matches!(crate::location::route_of_link(&href), Some(crate::route::Route::Article { slug: s, .. }) if s == slug)
        });
    if let Some(link) = link {
        focus_in_place(&link);
    }
}

/// Whether the focus is nowhere a reader or a host page put it: on the page's body (where it
/// goes with an element removed), or on nothing.
pub fn focus_lost() -> bool {
    let body = gloo::utils::document().body().map(web_sys::Element::from);
    crate::location::focused().is_none_or(|e| Some(&e) == body.as_ref())
}

/// Focuses `el` without scrolling to it: the view places itself.
pub fn focus_in_place(el: &web_sys::HtmlElement) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = el.focus_with_options(&options);
}
