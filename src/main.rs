//! Reading Room, the app: mounts into the element the embed loader hands over
//! (`window.readingRoomMount`, inside a shadow root), else `#reading-room`, else the body, and
//! renders state.

mod api;
mod app;
mod components;
mod data;
mod heading;
mod keyboard;
mod location;
mod narrow;
mod nav;
mod quote;
mod route;
mod scroll_memory;
mod shards;
mod title;
mod views;

use wasm_bindgen::JsCast;

fn mount_point() -> web_sys::Element {
    let window = gloo::utils::window();
    let handed =
        js_sys::Reflect::get(&window, &"readingRoomMount".into()).ok().and_then(|v| v.dyn_into().ok());
    handed
        .or_else(|| gloo::utils::document().get_element_by_id("reading-room"))
        .unwrap_or_else(|| gloo::utils::body().into())
}

/// Runs `f` in a task of its own, after the browser has had a turn.
pub(crate) fn later(f: impl FnOnce() + 'static) {
    let f = wasm_bindgen::closure::Closure::once_into_js(f);
    let _ = gloo::utils::window().set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), 0);
}

/// What the reader typed into the pre-rendered page's search box (index.html carries the home
/// page as HTML before the wasm arrives), and whether it has the focus.
fn typed_early(root: &web_sys::Element) -> Option<(String, bool)> {
    let input: web_sys::HtmlInputElement = root.query_selector("#rr-q").ok()??.dyn_into().ok()?;
    let focused = gloo::utils::document().active_element().is_some_and(|e| e == **input);
    let q = input.value();
    (!q.trim().is_empty() || focused).then_some((q, focused))
}

fn main() {
    api::install();
    let root = mount_point();
    // Our styles are scoped under .rr-root: the mount point must carry it.
    let _ = root.class_list().add_1("rr-root");
    location::init(&root);
    location::mark_first_entry();
    scroll_memory::init();
    title::init(&root);
    heading::init(&root);
    // Decoding the index and the first render are each long tasks on a slow phone: run them
    // apart, so that the page (pre-rendered, or "Loading…") answers input in between.
    data::data();
    // Embedded in a page in another language, the archive still says what language it is in.
    if location::query_mode() && !root.has_attribute("lang") {
        let _ = root.set_attribute("lang", &data::data().index.language);
    }
    later(move || {
        let typed = typed_early(&root);
        if let Some((q, _)) = typed.as_ref().filter(|(q, _)| !q.trim().is_empty()) {
            location::write(&route::Explore { q: q.clone(), ..Default::default() }.route(), false);
        }
        // Replace the pre-rendered page (and its route mark) or the "Loading…" placeholder.
        let _ = root.class_list().remove_1("rr-route-other");
        root.set_inner_html("");
        yew::Renderer::<app::App>::with_root(root.clone()).render();
        components::search_tips::prepare_soon();
        if typed.is_some_and(|(_, focused)| focused) {
            // The search box the reader was typing in, once the app has rendered it.
            later(move || {
                if let Some(input) = root.query_selector("#rr-q").ok().flatten() {
                    let _ = input.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            });
        }
    });
}
