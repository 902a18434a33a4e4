//! Whether the app is narrow enough that the stylesheet folds the facets away behind the
//! Filters button. The stylesheet asks its container, the app's root, not the window: a host
//! page may give the app a column of its own. Followed as the root is resized.

use std::cell::Cell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The stylesheet's fold, `@container rr-root (max-width: 46em)` in `assets/reading-room.css`:
/// in em of the root's font size, the reader's default (16px unless they changed it).
const FOLD_EM: f64 = 46.0;

fn folded(width: f64) -> bool {
    width <= FOLD_EM * ROOT_FONT_PX.with(Cell::get)
}

/// Looks up the root's font size in CSS pixels, when the observer reports a new width (until
/// the first report, the usual 16px). Never while a view renders: a style lookup then made the
/// browser drop the reader's scroll position between views.
fn look_up_root_font() {
    let px = gloo::utils::window()
        .get_computed_style(&crate::location::root())
        .ok()
        .flatten()
        .and_then(|style| style.get_property_value("font-size").ok())
        // JavaScript's parseFloat ("16px" → 16): Rust's float parsing would add 19 KB of wasm.
        .map(|v| js_sys::Number::parse_float(&v))
        .filter(|&v| v > 0.0)
        .unwrap_or(16.0);
    ROOT_FONT_PX.with(|f| f.set(px));
}

thread_local! {
    /// The root's font size in CSS pixels, as last looked up.
    static ROOT_FONT_PX: Cell<f64> = const { Cell::new(16.0) };
    /// The root's content width as last observed, as a container query measures it.
    static LAST_WIDTH: Cell<Option<f64>> = const { Cell::new(None) };
}

/// A first answer, without asking for layout: measuring the root while a view is being
/// replaced would lay out a page momentarily emptied of it, and the browser would drop the
/// reader's scroll position. The width last observed, else the window's (the root is no wider);
/// the observer corrects it once the page is laid out.
fn guessed_width() -> f64 {
    LAST_WIDTH.with(Cell::get).unwrap_or_else(|| {
        gloo::utils::window().inner_width().ok().and_then(|w| w.as_f64()).unwrap_or(f64::INFINITY)
    })
}

/// True while the facets column is folded away. A hidden column's lists need not be rendered:
/// on a phone they were a third of the app's first render, and work on every keystroke.
#[hook]
pub fn use_facets_folded() -> bool {
    let state = use_state_eq(|| folded(guessed_width()));
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let shown = Cell::new(*state);
            let on_resize = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
                if let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
                    let width = entry.content_rect().width();
                    // The height changes with every keystroke's results: only a new width can
                    // move the fold.
                    if LAST_WIDTH.with(|w| w.replace(Some(width))) == Some(width) {
                        return;
                    }
                    // Looked up again: embedded, the stylesheet may have come since.
                    look_up_root_font();
                    // `*state` is the value when the effect ran: keep the last one set here.
                    let now = folded(width);
                    if now != shown.replace(now) {
                        // Rendering inside the observer's callback would resize the root
                        // again within the same frame: browsers report that as an error on
                        // the window, which a host page's error monitoring would log.
                        let state = state.clone();
                        crate::later(move || state.set(now));
                    }
                }
            });
            let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
            if let Some(o) = &observer {
                o.observe(&crate::location::root());
            }
            move || {
                if let Some(o) = observer {
                    o.disconnect();
                }
                drop(on_resize);
            }
        });
    }
    *state
}
