//! Whether the window is narrow enough that the stylesheet folds the facets away behind the
//! Filters button, followed as the window is resized or turned.

use gloo::events::EventListener;
use yew::prelude::*;

/// The stylesheet's breakpoint for the folded facets (`@media (max-width: 52rem)` in
/// `assets/reading-room.css`): the two must say the same.
const FOLDED: &str = "(max-width: 52rem)";

fn query() -> Option<web_sys::MediaQueryList> {
    gloo::utils::window().match_media(FOLDED).ok().flatten()
}

/// True while the facets column is folded away. A hidden column's lists need not be rendered:
/// on a phone they were a third of the app's first render, and work on every keystroke.
#[hook]
pub fn use_facets_folded() -> bool {
    let folded = use_state_eq(|| query().is_some_and(|q| q.matches()));
    {
        let folded = folded.clone();
        use_effect_with((), move |_| {
            let listener =
                query().map(|q| EventListener::new(&q.clone(), "change", move |_| folded.set(q.matches())));
            move || drop(listener)
        });
    }
    *folded
}
