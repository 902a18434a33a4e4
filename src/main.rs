//! Reading Room, the app: mounts into the element the embed loader hands over
//! (`window.readingRoomMount`, inside a shadow root), else `#reading-room`, else the body, and
//! renders state.

mod api;
mod app;
mod components;
mod data;
mod keyboard;
mod location;
mod nav;
mod route;
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

fn main() {
    api::install();
    let root = mount_point();
    // Our styles are scoped under .rr-root: the mount point must carry it.
    let _ = root.class_list().add_1("rr-root");
    location::init(&root);
    // Drop the "Loading…" placeholder that shows until the wasm has started.
    root.set_inner_html("");
    yew::Renderer::<app::App>::with_root(root).render();
}
