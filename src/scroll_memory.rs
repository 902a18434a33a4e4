//! A reload, or back to the page from another site, keeps the reader's place. Browsers restore
//! the scroll of a page loaded again only if it is already tall enough when it loads; this app
//! draws its views once the wasm has started, so the browser finds a short page and leaves the
//! reader at the top (3,000 px into an article, a reload came back at 0). So the scroll is kept
//! per URL in sessionStorage as the page is left, and after such a load put back once the view
//! is tall enough (a body shard may come later). Back and forward between the app's own views
//! put back the scroll each entry had when the app left it (kept in its history state), the same
//! way: the browser's own restoring came too early, while the view was still short.

use gloo::events::EventListener;
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsCast;

const KEY: &str = "readingroom-scroll";
/// Tries, 100 ms apart, while the view grows tall enough: a shard's body can take a moment.
const TRIES: u32 = 30;

thread_local! {
    /// The scroll to put back after this reload, until it is put back or the reader moves.
    static PENDING: Cell<Option<f64>> = const { Cell::new(None) };
    static LISTENERS: RefCell<Vec<EventListener>> = const { RefCell::new(Vec::new()) };
}

fn session() -> Option<web_sys::Storage> {
    gloo::utils::window().session_storage().ok().flatten()
}

fn here() -> String {
    gloo::utils::window().location().href().unwrap_or_default()
}

/// A reload, or a page loaded anew by back or forward (not kept whole in the back/forward cache).
fn is_return() -> bool {
    let entries = gloo::utils::window().performance().map(|p| p.get_entries_by_type("navigation"));
    entries
        .and_then(|e| js_sys::Reflect::get(&e.get(0), &"type".into()).ok())
        .and_then(|t| t.as_string())
        .is_some_and(|t| t == "reload" || t == "back_forward")
}

/// Before the first render: whether this load returns to a page the app had scrolled, and
/// from now on, keeping the scroll as the page is left.
pub fn init() {
    if let Some(s) = session() {
        let saved = s.get_item(KEY).ok().flatten();
        let _ = s.remove_item(KEY);
        let y = saved
            .as_deref()
            .and_then(|v| v.split_once(' '))
            .filter(|(_, url)| *url == here())
            .map(|(y, _)| js_sys::Number::parse_float(y))
            .filter(|y| y.is_finite() && *y > 0.0);
        if is_return() {
            // Back to a page loaded anew: the place its history entry kept, if the session's
            // is another page's (the reader left from a later one).
            PENDING.with(|p| p.set(y.or_else(crate::location::saved_scroll)));
        }
    }
    EventListener::new(&gloo::utils::window(), "pagehide", |_| {
        let y = gloo::utils::window().scroll_y().unwrap_or(0.0);
        if let Some(s) = session() {
            let _ = s.set_item(KEY, &format!("{y} {}", here()));
        }
    })
    .forget();
}

/// Back or forward to an entry the app left at `y`: put back once the view is drawn (see
/// [`restore`]), as after a reload.
pub fn expect(y: f64) {
    PENDING.with(|p| p.set(Some(y)));
}

/// No scroll to put back: the reader went somewhere else before the last was put back.
pub fn cancel() {
    if pending() {
        done();
    }
}

/// Whether a reload's scroll is still to be put back: a view must not scroll to its own start.
pub fn pending() -> bool {
    PENDING.with(Cell::get).is_some()
}

/// After the first view has rendered: puts the scroll back, trying again while the page is too
/// short, and giving up as soon as the reader scrolls, clicks or types.
pub fn restore() {
    if !pending() {
        return;
    }
    let window = gloo::utils::window();
    LISTENERS.with(|l| {
        *l.borrow_mut() = ["wheel", "touchstart", "keydown", "mousedown"]
            .iter()
            .map(|&e| EventListener::new(&window, e, |_| done()))
            .collect();
    });
    attempt(TRIES);
}

fn done() {
    PENDING.with(|p| p.set(None));
    // Not dropped from inside one of their own callbacks: a task later.
    crate::later(|| LISTENERS.with(|l| l.borrow_mut().clear()));
}

fn attempt(left: u32) {
    let Some(y) = PENDING.with(Cell::get) else { return };
    let window = gloo::utils::window();
    window.scroll_to_with_x_and_y(0.0, y);
    if (window.scroll_y().unwrap_or(0.0) - y).abs() < 2.0 || left == 0 {
        done();
        return;
    }
    let again = wasm_bindgen::closure::Closure::once_into_js(move || attempt(left - 1));
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(again.unchecked_ref(), 100);
}
