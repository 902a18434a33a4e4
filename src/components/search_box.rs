//! The search box. It lives in the header, outside the routed views, so it keeps focus while
//! the reader types and the results change under it.

use gloo::render::{request_animation_frame, AnimationFrame};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The first keystroke after a frame is searched at once, in its input event, so its results
/// are rendered while the page waits for the next frame and paint in it. Keystrokes that
/// follow within the same frame only leave their text here: the newest is searched once, in
/// the frame's animation callbacks, so typing faster than the page can render never queues
/// renders of texts already typed over. (Searching every keystroke in the frame's callbacks
/// instead started each search only when the next frame began, a frame late.)
#[derive(Default)]
struct Pending {
    text: Option<String>,
    /// Set while a frame is awaited after a search; the frame searches what was typed since.
    frame: Option<AnimationFrame>,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub value: AttrValue,
    pub oninput: Callback<String>,
}

#[function_component(SearchBox)]
pub fn search_box(props: &Props) -> Html {
    let pending = use_mut_ref(Pending::default);
    // The frame calls the newest callback: the one it was scheduled with may be stale by then.
    let latest = use_mut_ref(|| props.oninput.clone());
    *latest.borrow_mut() = props.oninput.clone();
    let oninput = {
        let (pending, latest) = (pending.clone(), latest.clone());
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let text = input.value();
            // A hidden page gets no frames: search at once.
            if gloo::utils::document().hidden() {
                // Text stored before the page was hidden must not be searched after this.
                *pending.borrow_mut() = Pending::default();
                latest.borrow().emit(text);
                return;
            }
            let mut p = pending.borrow_mut();
            if p.frame.is_some() {
                p.text = Some(text);
                return;
            }
            let frame = {
                let (pending, latest) = (pending.clone(), latest.clone());
                request_animation_frame(move |_| flush(&pending, &latest))
            };
            p.frame = Some(frame);
            drop(p);
            latest.borrow().emit(text);
        })
    };
    // Enter searches nothing more (results follow typing), but puts the search in the URL at
    // once rather than after the pause: the reader may be about to copy or bookmark it.
    let onsubmit = Callback::from(|e: SubmitEvent| {
        e.prevent_default();
        crate::location::flush_typed();
    });
    // Esc clears the box (on the results, and so returns to all articles); on an empty box it
    // leaves it.
    let onkeydown = {
        let cb = props.oninput.clone();
        let pending = pending.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                e.prevent_default();
                if input.value().is_empty() {
                    let _ = input.blur();
                } else {
                    input.set_value("");
                    // Text typed just before Esc must not come back on the next frame.
                    *pending.borrow_mut() = Pending::default();
                    cb.emit(String::new());
                }
            }
        })
    };
    html! {
        <form class="rr-search" role="search" {onsubmit}>
            <label for="rr-q" class="rr-visually-hidden">{ "Search the archive" }</label>
            <input id="rr-q" type="search" name="q" autocomplete="off" spellcheck="false"
                placeholder={ crate::data::data().index.search_placeholder() } aria-keyshortcuts="/" value={ props.value.clone() } {oninput} {onkeydown} />
        </form>
    }
}

/// Searches the newest text typed since the last search, if any; the next keystroke searches at
/// once again.
fn flush(pending: &Rc<RefCell<Pending>>, latest: &Rc<RefCell<Callback<String>>>) {
    let text = {
        let mut p = pending.borrow_mut();
        p.frame = None;
        p.text.take()
    };
    if let Some(text) = text {
        latest.borrow().emit(text);
    }
}
