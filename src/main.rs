//! Reading Room, the app: mounts into `#reading-room` (or the body) and renders state.

mod api;
mod app;
mod components;
mod data;
mod nav;
mod route;
mod views;

fn main() {
    api::install();
    let document = gloo::utils::document();
    match document.get_element_by_id("reading-room") {
        Some(root) => {
            // Drop the "Loading…" placeholder that shows until the wasm has started.
            root.set_inner_html("");
            yew::Renderer::<app::App>::with_root(root).render()
        }
        None => yew::Renderer::<app::App>::new().render(),
    };
}
