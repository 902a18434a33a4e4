//! Keyboard use across the app: "/" focuses the search box, the arrow keys move from the box
//! through the results and back, Enter opens (a link's own behaviour), Esc clears the box (and
//! elsewhere folds the search tips or the phone's filters), "?" shows the search tips, "n" and
//! "p" step to the next and previous match in an article.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

const RESULT_LINKS: &str = ".rr-results .rr-list > li > a.rr-title";

/// Whether keys pressed on `target` are text being typed: not on a checkbox, a slider or a
/// button, where "/" and "?" are still the app's.
fn typing_in(target: &HtmlElement) -> bool {
    match target.tag_name().as_str() {
        "INPUT" => {
            let kind = target.get_attribute("type").unwrap_or_default().to_ascii_lowercase();
            !matches!(
                kind.as_str(),
                "checkbox" | "radio" | "range" | "button" | "submit" | "reset" | "color" | "file" | "image"
            )
        }
        "TEXTAREA" | "SELECT" => true,
        _ => target.is_content_editable(),
    }
}

fn result_links() -> Vec<HtmlElement> {
    let Ok(list) = crate::location::root().query_selector_all(RESULT_LINKS) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into().ok()).collect()
}

/// The Filters button of a narrow layout, when the filters it shows stand open.
fn open_filters_toggle() -> Option<HtmlElement> {
    crate::location::root()
        .query_selector(".rr-filters-toggle[aria-expanded=\"true\"]")
        .ok()??
        .dyn_into()
        .ok()
}

fn search_box() -> Option<HtmlElement> {
    crate::location::root().query_selector("#rr-q").ok()??.dyn_into().ok()
}

/// Installs the listener; it lives as long as the returned guard. On its own page it listens to
/// the whole document ("/" from anywhere); embedded, only to keys pressed inside the app.
pub fn install() -> EventListener {
    let embedded = crate::location::query_mode();
    let target: web_sys::EventTarget =
        if embedded { crate::location::root().into() } else { gloo::utils::document().into() };
    // Not passive: the listener must be able to keep "/" out of the page and arrows from scrolling.
    let options = gloo::events::EventListenerOptions::enable_prevent_default();
    EventListener::new_with_options(&target, "keydown", options, move |event| {
        let Some(e) = event.dyn_ref::<KeyboardEvent>() else { return };
        if e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        let Some(target) = e.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) else { return };
        if embedded && typing_in(&target) && e.key().chars().count() == 1 {
            // Out of the shadow root a key press seems to come from the host's element, not a
            // text field, so a host's own shortcut ("/" to its site search) would take the
            // reader's typing: a character typed in the app stays in the app. Esc, Tab, Enter
            // and the arrows still reach the host (its dialog's Esc, its focus trap).
            e.stop_propagation();
        }
        let in_box = target.id() == "rr-q";
        match e.key().as_str() {
            "/" if !typing_in(&target) => {
                if let Some(input) = search_box() {
                    e.prevent_default();
                    // Pressed in the app, it is the app's: not the host's shortcut as well.
                    e.stop_propagation();
                    let _ = input.focus();
                }
            }
            // Esc folds what "?" or the Filters button opened: the tips, the phone's filters.
            "Escape" if !in_box => {
                if crate::components::search_tips::hide() {
                    e.prevent_default();
                } else if let Some(toggle) = open_filters_toggle() {
                    e.prevent_default();
                    toggle.click();
                    let _ = toggle.focus();
                }
            }
            // Next and previous match in an article, as the buttons of its match navigator.
            "n" | "p"
                if !typing_in(&target)
                    && crate::components::match_nav::step_from_keyboard(e.key() == "n") =>
            {
                e.prevent_default();
                e.stop_propagation();
            }
            "?" if !typing_in(&target) => {
                e.prevent_default();
                e.stop_propagation();
                crate::components::search_tips::show();
            }
            "ArrowDown" | "ArrowUp" => {
                let links = result_links();
                let down = e.key() == "ArrowDown";
                if in_box {
                    if down {
                        if let Some(first) = links.first() {
                            e.prevent_default();
                            let _ = first.focus();
                        }
                    }
                    return;
                }
                let Some(i) = links.iter().position(|l| l == &target) else { return };
                e.prevent_default();
                match (down, i) {
                    (true, i) if i + 1 < links.len() => {
                        let _ = links[i + 1].focus();
                    }
                    (false, 0) => {
                        if let Some(input) = search_box() {
                            let _ = input.focus();
                        }
                    }
                    (false, i) => {
                        let _ = links[i - 1].focus();
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    })
}
