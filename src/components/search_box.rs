//! The search box. It lives in the header, outside the routed views, so it keeps focus while
//! the reader types and the results change under it.

use gloo::render::{request_animation_frame, AnimationFrame};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Keystrokes since the last frame: only the newest text is searched and rendered, once, just
/// before the frame paints, so typing faster than the page can render never queues renders of
/// texts already typed over. A keystroke still paints in the frame it lands in.
#[derive(Default)]
struct Pending {
    text: Option<String>,
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
                latest.borrow().emit(text);
                return;
            }
            let mut p = pending.borrow_mut();
            p.text = Some(text);
            if p.frame.is_none() {
                let (pending, latest) = (pending.clone(), latest.clone());
                p.frame = Some(request_animation_frame(move |_| flush(&pending, &latest)));
            }
        })
    };
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    // Esc clears the box (and so returns home); on an empty box it leaves it.
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
                placeholder="Search articles, people, places…" aria-keyshortcuts="/" value={ props.value.clone() } {oninput} {onkeydown} />
        </form>
    }
}

/// Searches the newest text typed since the last frame, if any.
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
