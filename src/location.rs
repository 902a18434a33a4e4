//! Where the route lives. On its own page, in the URL's hash (`#/search?q=…`): it works from
//! file:// and under any sub-path. Embedded in a host page (`data-routing="query"`), in one
//! query parameter (`?rr=/search?q=…`), so that the host keeps its own hash and its own other
//! parameters; links are then intercepted and followed without a page load. Either way the
//! route is in the URL: reload, back/forward and a pasted link restore the view.

use crate::route::Route;
use gloo::events::EventListener;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// The query parameter that holds the route when embedded.
const PARAM: &str = "rr";
/// Dispatched on the window when a view navigates by pushState or replaceState, which fire no
/// event (in query mode, and in place in either mode).
const NAVIGATE: &str = "readingroom:navigate";

struct State {
    root: Element,
    query_mode: bool,
    /// The route to open with when the URL names none (`data-start`).
    start: Route,
}

thread_local! {
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
    /// The route a link just followed or the app's own navigation is going to: the route
    /// change that arrives at it was made by the reader or the app, not by back or forward.
    static FOLLOWED: RefCell<Option<Route>> = const { RefCell::new(None) };
    static STARTED: Cell<bool> = const { Cell::new(false) };
}

/// Whether `route`, now shown, was reached by a link followed or by the app itself rather than
/// by back or forward (whose scroll the browser restores). Reading it forgets it.
pub fn take_followed(route: &Route) -> bool {
    FOLLOWED.with(|f| f.borrow_mut().take()).is_some_and(|to| to == *route)
}

/// Whether `route`, about to be drawn, was reached by a link followed or by the app itself (as
/// [`take_followed`], without forgetting it).
pub fn followed_to(route: &Route) -> bool {
    FOLLOWED.with(|f| f.borrow().as_ref() == Some(route))
}

/// Whether the app has drawn a view before the one being drawn: the page's first view is where a
/// load or reload landed, not somewhere the reader went.
pub fn started() -> bool {
    STARTED.with(Cell::get)
}

/// Called once the first view is drawn.
pub fn mark_started() {
    STARTED.with(|s| s.set(true));
}

fn note_followed(route: Route) {
    FOLLOWED.with(|f| *f.borrow_mut() = Some(route));
}

/// The route a link of the app's leads to: `#/…` on its own page, the `rr=` parameter of the
/// host page's URL when embedded; none for any other link (an article's source, a download).
pub(crate) fn route_of_link(href: &str) -> Option<Route> {
    if href.starts_with('#') {
        return (!query_mode()).then(|| Route::parse(href));
    }
    if !query_mode() {
        return None;
    }
    let (_, query) = href.split_once('?')?;
    let query = query.split('#').next().unwrap_or_default();
    let (_, route) = form_urlencoded::parse(query.as_bytes()).find(|(k, _)| k == PARAM)?;
    Some(Route::parse(&format!("#{route}")))
}

/// The route a primary click on one of the app's own links (not in a new tab, not a download)
/// will open.
fn followed_link(event: &web_sys::Event) -> Option<Route> {
    let e = event.dyn_ref::<web_sys::MouseEvent>()?;
    if e.button() != 0 || e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() {
        return None;
    }
    let anchor = e.target()?.dyn_into::<Element>().ok()?.closest("a[href]").ok()??;
    if anchor.has_attribute("download") || anchor.get_attribute("target").is_some_and(|t| t != "_self") {
        return None;
    }
    route_of_link(&anchor.get_attribute("href")?)
}

/// Reads the options of the element the app mounts into.
pub fn init(root: &Element) {
    let query_mode = root.get_attribute("data-routing").is_some_and(|m| m == "query");
    let start = root
        .get_attribute("data-start")
        .map(|s| Route::parse(&format!("#/{}", s.trim_start_matches('#').trim_start_matches('/'))))
        .unwrap_or(Route::Home);
    STATE.with(|s| *s.borrow_mut() = Some(State { root: root.clone(), query_mode, start }));
}

fn with<T>(f: impl FnOnce(&State) -> T) -> T {
    STATE.with(|s| f(s.borrow().as_ref().expect("location::init runs before the app")))
}

/// The element the app is mounted in: views look things up inside it, never in the whole
/// document, which the app may not own (or see, inside a shadow root).
pub fn root() -> Element {
    with(|s| s.root.clone())
}

/// The element with the focus, as the app sees it: embedded, the one inside its shadow root
/// (the document's `activeElement` is then the host page's element); else the document's.
pub fn focused() -> Option<Element> {
    let shadow = root().get_root_node().dyn_into::<web_sys::ShadowRoot>().ok();
    shadow.and_then(|s| s.active_element()).or_else(|| gloo::utils::document().active_element())
}

pub fn query_mode() -> bool {
    with(|s| s.query_mode)
}

fn search_pairs() -> Vec<(String, String)> {
    let search = gloo::utils::window().location().search().unwrap_or_default();
    form_urlencoded::parse(search.trim_start_matches('?').as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// The route the URL names now.
pub fn current() -> Route {
    let named = if query_mode() {
        search_pairs().into_iter().find(|(k, _)| k == PARAM).map(|(_, v)| format!("#{v}"))
    } else {
        Some(gloo::utils::window().location().hash().unwrap_or_default()).filter(|h| h.len() > 1)
    };
    match named {
        Some(h) => Route::parse(&h),
        None => with(|s| s.start.clone()),
    }
}

impl Route {
    /// The link to this route: `#/…` on its own page; the host page's URL with `rr=` replaced
    /// when embedded.
    pub fn href(&self) -> String {
        let hash = self.to_hash();
        if !query_mode() {
            return hash;
        }
        let location = gloo::utils::window().location();
        let path = location.pathname().unwrap_or_default();
        format!("{path}?{}{}", self.host_query(false), location.hash().unwrap_or_default())
    }

    /// The route as a link another reader can open: absolute, on the host page when embedded;
    /// none from file://, where a path on one reader's disk would mean nothing to another.
    /// A citation's link is for keeping: embedded, it drops the host page's hash (where the
    /// reader last jumped to, "#comments") and the tracking parameters of the link they came by.
    pub fn absolute_url(&self) -> Option<String> {
        let location = gloo::utils::window().location();
        if location.protocol().ok()? == "file:" {
            return None;
        }
        let origin = location.origin().ok()?;
        let path = location.pathname().ok()?;
        Some(if query_mode() {
            format!("{origin}{path}?{}", self.host_query(true))
        } else {
            format!("{origin}{path}{}", self.to_hash())
        })
    }

    /// The host page's query with `rr=` set to this route. The host's own parameters are kept
    /// as written (`?preview`, `%20`), not decoded and written again, which would change them.
    fn host_query(&self, untracked: bool) -> String {
        let search = gloo::utils::window().location().search().unwrap_or_default();
        let name = |part: &str| {
            form_urlencoded::parse(part.as_bytes()).next().map(|(k, _)| k.into_owned()).unwrap_or_default()
        };
        let route = form_urlencoded::Serializer::new(String::new())
            .append_pair(PARAM, self.to_hash().trim_start_matches('#'))
            .finish();
        let kept = search.trim_start_matches('?').split('&').filter(|part| {
            let key = name(part);
            !part.is_empty() && key != PARAM && !(untracked && is_tracking(&key))
        });
        kept.chain(std::iter::once(route.as_str())).collect::<Vec<_>>().join("&")
    }
}

/// Parameters that say how a reader came (campaigns, ads, newsletters), not what they read.
fn is_tracking(key: &str) -> bool {
    const EXACT: [&str; 20] = [
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "li_fat_id",
        "twclid",
        "ttclid",
        "yclid",
        "srsltid",
        "igshid",
        "mkt_tok",
        "oly_enc_id",
    ];
    let key = key.to_ascii_lowercase();
    key.starts_with("utm_") || EXACT.contains(&key.as_str())
}

/// Work that must not delay a frame: `f` runs in a task just after the next frame has painted
/// (queued from that frame's animation callbacks). A hidden page gets no frames, so a fallback
/// runs it after [`FALLBACK_MS`] if no frame came first. Dropping the handle first cancels it.
pub struct AfterPaint {
    _frame: Option<gloo::render::AnimationFrame>,
    _fallback: gloo::timers::callback::Timeout,
    task: Rc<RefCell<Option<gloo::timers::callback::Timeout>>>,
    f: Once,
}

/// Work to run at most once, from whichever of two callbacks comes first.
type Once = Rc<RefCell<Option<Box<dyn FnOnce()>>>>;

const FALLBACK_MS: u32 = 100;

impl Drop for AfterPaint {
    fn drop(&mut self) {
        self.f.borrow_mut().take();
        self.task.borrow_mut().take();
    }
}

pub fn after_paint(f: impl FnOnce() + 'static) -> AfterPaint {
    let f: Once = Rc::new(RefCell::new(Some(Box::new(f))));
    // Whichever comes first runs it, once.
    let run = {
        let f = f.clone();
        move || {
            let once = f.borrow_mut().take();
            if let Some(once) = once {
                once();
            }
        }
    };
    let task = Rc::new(RefCell::new(None));
    let frame = (!gloo::utils::document().hidden()).then(|| {
        let (task, run) = (task.clone(), run.clone());
        gloo::render::request_animation_frame(move |_| {
            *task.borrow_mut() = Some(gloo::timers::callback::Timeout::new(0, run));
        })
    });
    let fallback = gloo::timers::callback::Timeout::new(FALLBACK_MS, run);
    AfterPaint { _frame: frame, _fallback: fallback, task, f }
}

/// A typed route not yet in the URL, and the route the URL named when it was typed.
struct Typed {
    route: Route,
    before: Route,
}

/// How long typing must pause before the URL (and the title) follow it.
pub const TYPING_PAUSE_MS: u32 = 400;

thread_local! {
    static TYPED: RefCell<Option<Typed>> = const { RefCell::new(None) };
    /// When the typed route is to be written (see [`replace_after_pause`]).
    static TYPED_WRITE: RefCell<Option<gloo::timers::callback::Timeout>> = const { RefCell::new(None) };
}

/// Writes a typed route into the URL in place once typing pauses, not at every keystroke:
/// Safari throws on the 101st `history.replaceState` within 30 seconds (a reader typing fast
/// gets there in a minute), other browsers throttle it, and each call took about a millisecond
/// of every keystroke. Each keystroke pushes the write back. Any navigation writes it first
/// (see [`flush_typed`]), so that back from a result opened at once returns to what was typed.
/// If the route in the URL changed in between (back pressed), the write is dropped: it must
/// never overwrite where the reader went. A host page's own URL changes (its hash, when
/// embedded) do not drop it.
pub fn replace_after_pause(route: &Route) {
    TYPED.with(|t| {
        let mut t = t.borrow_mut();
        // Typed over a route not yet written: that one's "before" still holds.
        let before = t.take().map_or_else(current, |old| old.before);
        *t = Some(Typed { route: route.clone(), before });
    });
    let write = gloo::timers::callback::Timeout::new(TYPING_PAUSE_MS, flush_typed);
    TYPED_WRITE.with(|w| *w.borrow_mut() = Some(write));
}

/// Whether the reader is typing: a typed route waits for the pause to be written.
pub fn typing() -> bool {
    TYPED.with(|t| t.borrow().is_some())
}

/// Whether `route` was typed and waits for the pause to be written, with its title.
pub fn typed_pending(route: &Route) -> bool {
    TYPED.with(|t| t.borrow().as_ref().is_some_and(|t| t.route == *route))
}

/// Writes the typed route now, if the URL still names the route it was typed over, and its
/// title with it: the history entry keeps the title it has when the reader leaves it.
pub fn flush_typed() {
    TYPED_WRITE.with(|w| w.borrow_mut().take());
    let Some(typed) = TYPED.with(|t| t.borrow_mut().take()) else { return };
    if current() != typed.before {
        return;
    }
    set_url(&typed.route, true);
    crate::title::set(&typed.route);
}

/// Writes `route` into the URL without a page load; `replace` keeps the history entry (typing).
pub fn write(route: &Route, replace: bool) {
    // A typed route still waiting goes first, or it would land after this one.
    flush_typed();
    note_followed(route.clone());
    set_url(route, replace);
}

/// The state of every history entry the app has written or seen: an entry without it was
/// made by something else (the address bar edited, a bookmark's or another page's link to a
/// hash of this page, a host page's script).
const SEEN: &str = "readingroom";

/// Marks the entry the page loaded in as seen: back to it is back, not a new page. A host
/// page's own state on it is left alone (it is not null, so it reads as seen too).
pub fn mark_first_entry() {
    let history = gloo::utils::history();
    if history.state().is_ok_and(|s| s.is_null() || s.is_undefined()) {
        let _ = history.replace_state(&JsValue::from_str(SEEN), "");
    }
}

/// Whether the entry now shown is one the app never saw: reached by a new navigation that was
/// not the app's, which then starts at its top as a link followed does. Marks it seen, so that
/// back or forward to it later reads as such (the browser restores its scroll).
fn new_entry() -> bool {
    let history = gloo::utils::history();
    let unseen = history.state().is_ok_and(|s| s.is_null() || s.is_undefined());
    if unseen {
        let _ = history.replace_state(&JsValue::from_str(SEEN), "");
    }
    unseen
}

/// The scroll the entry now shown had when the app left it for another. The browser restores it
/// on back too, but at once, while the view it returns to is still being drawn and too short:
/// a reader 1,400 px down a phone's results came back at 1,035.
/// Read once: the entry's state is then plain again, so that a later back to it, left by back
/// or forward (which cannot write the entry they leave), finds no stale place to jump to.
pub(crate) fn saved_scroll() -> Option<f64> {
    let history = gloo::utils::history();
    let state = history.state().ok()?.as_string()?;
    let y = state.strip_prefix(SEEN)?.trim().parse::<f64>().ok()?;
    let _ = history.replace_state(&JsValue::from_str(SEEN), "");
    (y.is_finite() && y > 0.0).then_some(y)
}

/// Writes the scroll into the entry now shown, as it is left for another.
fn keep_scroll() {
    let y = gloo::utils::window().scroll_y().unwrap_or(0.0);
    let state = if y > 0.0 { format!("{SEEN} {y}") } else { SEEN.to_string() };
    let history = gloo::utils::history();
    let Ok(now) = history.state() else { return };
    // A host page's own state (its router's) is left alone: no scroll kept for that entry.
    let ours = now.is_null() || now.is_undefined() || now.as_string().is_some_and(|s| s.starts_with(SEEN));
    // Not written again as it is: browsers limit how often a page may write its history.
    if ours && now.as_string().as_deref() != Some(state.as_str()) {
        let _ = history.replace_state(&JsValue::from_str(&state), "");
    }
}

/// Puts `route` in the URL, in a new history entry or in place of the current one.
fn set_url(route: &Route, replace: bool) {
    let history = gloo::utils::history();
    let url = route.href();
    let seen = JsValue::from_str(SEEN);
    let result = if replace {
        history.replace_state_with_url(&seen, "", Some(&url))
    } else {
        keep_scroll();
        history.push_state_with_url(&seen, "", Some(&url))
    };
    if let Err(e) = result {
        gloo::console::error!("could not update the URL", e);
    }
}

/// Corrects the URL to `route`, the canonical address of the view already shown: no
/// navigation, no history entry.
pub fn correct(route: &Route) {
    flush_typed();
    set_url(route, true);
}

/// Navigation from inside a view: the URL changes and the app follows it.
pub fn go(route: &Route) {
    flush_typed();
    note_followed(route.clone());
    if query_mode() {
        write(route, false);
        let _ = gloo::utils::window().dispatch_event(&web_sys::Event::new(NAVIGATE).expect("an event"));
    } else {
        if *route != current() {
            keep_scroll();
        }
        if let Err(e) = gloo::utils::window().location().set_hash(&route.to_hash()) {
            gloo::console::error!("could not change the view", e);
        }
    }
}

/// Navigation that replaces the history entry rather than adding one: a control adjusted step
/// by step (a slider moved with the arrow keys) is one change for back to undo, not one a step.
pub fn go_in_place(route: &Route) {
    write(route, true);
    let _ = gloo::utils::window().dispatch_event(&web_sys::Event::new(NAVIGATE).expect("an event"));
}

/// Scrolls `element` into view at once (no smooth scrolling: the reader asked to be there),
/// at `block` of the window: the start, or the centre.
pub fn scroll_to(element: &Element, block: web_sys::ScrollLogicalPosition) {
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(block);
    opts.set_behavior(web_sys::ScrollBehavior::Instant);
    element.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// Brings a view just opened to its top: the window's, or the app's own when embedded and
/// scrolled past (the host page's scroll is otherwise left alone).
pub fn to_top() {
    if query_mode() {
        let root = root();
        // Under a host's fixed header (which `scroll-padding-top` on its page declares) the
        // app's top is hidden though inside the window.
        let window = gloo::utils::window();
        let padding = gloo::utils::document()
            .document_element()
            .and_then(|html| window.get_computed_style(&html).ok().flatten())
            .and_then(|style| style.get_property_value("scroll-padding-top").ok())
            .map(|v| js_sys::Number::parse_float(&v))
            .filter(|v| v.is_finite())
            .unwrap_or(0.0);
        if root.get_bounding_client_rect().top() < padding - 1.0 {
            root.scroll_into_view();
        }
    } else {
        gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Calls `f` whenever the URL's route may have changed (links, back/forward, views).
pub fn on_change(f: impl Fn() + Clone + 'static) -> Vec<EventListener> {
    let window = gloo::utils::window();
    let events: &[&'static str] =
        if query_mode() { &["popstate", NAVIGATE] } else { &["hashchange", "popstate", NAVIGATE] };
    let mut listeners: Vec<EventListener> = events
        .iter()
        .map(|&e| {
            EventListener::new(&window, e, {
                let f = f.clone();
                move |_| {
                    // A typed route still waiting goes into the URL first, if it still may: a
                    // host page's own hash change must not bring back what was typed before.
                    flush_typed();
                    let now = current();
                    // A hash changed by the address bar, a bookmark or a script opens a new
                    // page as a link does (back and forward come to entries already seen).
                    // Back or forward to an entry the app left puts its scroll back once drawn;
                    // any other change ends a wait for one.
                    let unseen = new_entry();
                    if unseen {
                        note_followed(now.clone());
                    }
                    // (A back in hash mode is two events, hashchange and popstate: the second
                    // finds the state read, and must not cancel.)
                    let followed = FOLLOWED.with(|f| f.borrow().as_ref() == Some(&now));
                    match saved_scroll().filter(|_| !unseen) {
                        Some(y) => crate::scroll_memory::expect(y),
                        None if followed => crate::scroll_memory::cancel(),
                        None => {}
                    }
                    // A link followed that led nowhere new (the page already shown) must not
                    // make a later back or forward look followed.
                    FOLLOWED.with(|f| {
                        let mut f = f.borrow_mut();
                        if f.as_ref().is_some_and(|to| *to != now) {
                            *f = None;
                        }
                    });
                    f()
                }
            })
        })
        .collect();
    // A link followed (a click, or Enter on it) leaves the typed route in the entry it leaves,
    // for back to return to: written in the capture phase, before the link's hash navigation.
    listeners.push(EventListener::new_with_options(
        &root(),
        "click",
        gloo::events::EventListenerOptions::run_in_capture_phase(),
        |event| {
            flush_typed();
            if let Some(to) = followed_link(event) {
                // The entry left keeps its scroll, for back to put back (see `saved_scroll`).
                if to != current() {
                    keep_scroll();
                }
                note_followed(to);
            }
        },
    ));
    // And a page left or reloaded while the write waits keeps it, where the browser allows.
    listeners.push(EventListener::new(&window, "pagehide", |_| flush_typed()));
    if query_mode() {
        // Our links are the host page's URL with another `rr=`: follow them without a reload.
        listeners.push(EventListener::new_with_options(
            &root(),
            "click",
            gloo::events::EventListenerOptions::enable_prevent_default(),
            |event| {
                if let Some(route) = followed_link(event) {
                    event.prevent_default();
                    go(&route);
                }
            },
        ));
    }
    listeners
}
