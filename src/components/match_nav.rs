//! Where an article opens, and "Match 3 of 12 ‹ ›": moves between the highlighted matches of the query that led to an
//! article. On arrival it scrolls to the first. It reads the marks the view rendered; the
//! matches themselves come from the search core.

use web_sys::{Element, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

const MARKS: &str =
    ".rr-article .rr-note mark, .rr-article .rr-standfirst mark, .rr-article .rr-body mark, .rr-article .rr-bio mark";

fn marks() -> Vec<Element> {
    let Ok(list) = crate::location::root().query_selector_all(MARKS) else { return Vec::new() };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| wasm_bindgen::JsCast::dyn_into(n).ok())
        .collect()
}

fn focus(all: &[Element], current: usize) {
    for (i, m) in all.iter().enumerate() {
        let _ = if i == current {
            m.class_list().add_1("rr-current")
        } else {
            m.class_list().remove_1("rr-current")
        };
    }
    if let Some(m) = all.get(current) {
        let opts = ScrollIntoViewOptions::new();
        opts.set_block(ScrollLogicalPosition::Center);
        opts.set_behavior(ScrollBehavior::Instant);
        m.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Changes when the article or the query changes: the count is taken anew.
    pub key_for: AttrValue,
}

#[function_component(MatchNav)]
pub fn match_nav(props: &Props) -> Html {
    let count = use_state(|| 0usize);
    let current = use_state(|| 0usize);
    {
        let (count, current) = (count.clone(), current.clone());
        use_effect_with(props.key_for.clone(), move |_| {
            let all = marks();
            count.set(all.len());
            current.set(0);
            if let Ok(Some(at)) = crate::location::root().query_selector("#rr-at") {
                // Arriving from the timeline: at the sentence that mentions the date.
                let opts = ScrollIntoViewOptions::new();
                opts.set_block(ScrollLogicalPosition::Center);
                opts.set_behavior(ScrollBehavior::Instant);
                at.scroll_into_view_with_scroll_into_view_options(&opts);
            } else if all.is_empty() {
                // An article opens at its top; with matches, at the first match.
                if crate::location::query_mode() {
                    crate::location::root().scroll_into_view();
                } else {
                    gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
                }
            } else {
                focus(&all, 0);
            }
        });
    }
    if *count == 0 {
        return html! {};
    }
    let step = |delta: isize| {
        let (count, current) = (*count, current.clone());
        Callback::from(move |_: MouseEvent| {
            let next = ((*current as isize + delta).rem_euclid(count as isize)) as usize;
            focus(&marks(), next);
            current.set(next);
        })
    };
    html! {
        <div class="rr-matchnav-dock">
            <div class="rr-matchnav" role="group" aria-label="Matches in this article">
                <span aria-live="polite">{ format!("Match {} of {}", *current + 1, *count) }</span>
                <button type="button" onclick={ step(-1) } aria-label="Previous match">{ "‹" }</button>
                <button type="button" onclick={ step(1) } aria-label="Next match">{ "›" }</button>
            </div>
        </div>
    }
}
