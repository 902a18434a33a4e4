//! Where an article opens, and "Match 3 of 12 ‹ ›": moves between the highlighted matches of the query that led to an
//! article. On arrival it scrolls to the first. It reads the marks the view rendered; the
//! matches themselves come from the search core.

use wasm_bindgen::JsCast;
use web_sys::{Element, ScrollLogicalPosition};
use yew::prelude::*;

const MARKS: &str =
    ".rr-article .rr-note mark, .rr-article .rr-standfirst mark, .rr-article .rr-body mark, .rr-article .rr-bio mark";

/// The blocks a match does not run across.
const BLOCKS: &str = "p, li, blockquote, .rr-turn, h1, h2, h3, h4, h5, h6, figcaption";

/// The matches, each the marks that stand side by side in one block with nothing but spaces
/// and punctuation between them: "lone actor" or "José María" is one match, not two, and
/// "next" does not stop on each word of it.
fn matches() -> Vec<Vec<Element>> {
    let Ok(list) = crate::location::root().query_selector_all(MARKS) else { return Vec::new() };
    let marks = (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<Element>().ok());
    let range = gloo::utils::document().create_range().ok();
    let mut out: Vec<Vec<Element>> = Vec::new();
    for m in marks {
        let joins = out.last().and_then(|group| group.last()).is_some_and(|prev| {
            let block = |e: &Element| e.closest(BLOCKS).ok().flatten();
            let between = range.as_ref().and_then(|r| {
                r.set_start_after(prev).ok()?;
                r.set_end_before(&m).ok()?;
                Some(String::from(r.to_string()))
            });
            block(prev) == block(&m)
                && between.is_some_and(|t| !t.chars().any(char::is_alphanumeric) && t.chars().count() <= 3)
        });
        match out.last_mut() {
            Some(group) if joins => group.push(m),
            _ => out.push(vec![m]),
        }
    }
    out
}

fn focus(all: &[Vec<Element>], current: usize) {
    mark_current(all, current);
    if let Some(m) = all.get(current).and_then(|g| g.first()) {
        crate::location::scroll_to(m, ScrollLogicalPosition::Center);
    }
}

/// Marks the current match, without moving to it.
fn mark_current(all: &[Vec<Element>], current: usize) {
    for (i, group) in all.iter().enumerate() {
        for m in group {
            let _ = if i == current {
                m.class_list().add_1("rr-current")
            } else {
                m.class_list().remove_1("rr-current")
            };
        }
    }
}

/// Where the keyboard goes on from, on arrival: the link that opened the article went with the
/// view it was in, and the focus with it to the page's body (the next Tab started from the top
/// of the page, or of the host's page), or stayed on a link of the article left (Older, Newer,
/// a related article) at the foot of the new one. The place the article opened at takes it,
/// without scrolling: the sentence a date led to, the first match's paragraph, else the title.
fn focus_arrival(at: Option<Element>) {
    let root = crate::location::root();
    let stale = crate::nav::focus_lost()
        || crate::location::focused().is_some_and(|e| {
            e.closest(".rr-article").ok().flatten().is_some_and(|a| root.contains(Some(&a)))
        });
    if stale {
        focus_block_of(at);
    }
}

/// Focuses the block `at` stands in (else the title) without scrolling: the keyboard goes on
/// from there.
fn focus_block_of(at: Option<Element>) {
    let root = crate::location::root();
    let block = at.and_then(|e| e.closest(BLOCKS).ok().flatten());
    let target = block.or_else(|| root.query_selector(".rr-article-title").ok().flatten());
    if let Some(target) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
        if !target.has_attribute("tabindex") {
            let _ = target.set_attribute("tabindex", "-1");
        }
        // Drawn without a focus ring (see the stylesheet): it is where reading starts, not a
        // control, and the ring boxed the title of every article opened.
        let _ = target.set_attribute("data-rr-arrival", "");
        crate::nav::focus_in_place(&target);
    }
}

/// The match a step of `delta` (1 or -1) goes to from `current`. From the current match while it
/// is in the window; once the reader has scrolled it away, or where there is none yet (a reload
/// put back a place), from what the window shows, as a browser's find bar does: the next match at or below
/// the window's top, the previous one at or above its bottom.
fn stepped(all: &[Vec<Element>], current: Option<usize>, delta: isize) -> Option<usize> {
    let count = all.len();
    if count == 0 {
        return None;
    }
    let height = gloo::utils::window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    let rect = |i: usize| all[i][0].get_bounding_client_rect();
    let in_window = |i: usize| {
        let r = rect(i);
        r.bottom() > 0.0 && r.top() < height
    };
    if let Some(current) = current.filter(|&c| c < count && in_window(c)) {
        return Some((current as isize + delta).rem_euclid(count as isize) as usize);
    }
    Some(if delta > 0 {
        (0..count).find(|&i| rect(i).bottom() > 0.0).unwrap_or(0)
    } else {
        (0..count).rev().find(|&i| rect(i).top() < height).unwrap_or(count - 1)
    })
}

/// Steps to the next match ("n") or the previous ("p") from the keyboard, as the buttons do;
/// whether the article had matches to step through.
pub fn step_from_keyboard(next: bool) -> bool {
    let class = if next { ".rr-match-next" } else { ".rr-match-prev" };
    let button = crate::location::root().query_selector(class).ok().flatten();
    match button.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(b) => {
            b.click();
            // The keyboard goes on from the match, as it did from the first on arrival.
            focus_block_of(
                crate::location::root().query_selector(".rr-article mark.rr-current").ok().flatten(),
            );
            true
        }
        None => false,
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
    // None until the reader steps, where the article opened at a place put back (a reload, back
    // or forward) rather than at its first match: "Match 1 of 26" there had named a match
    // 2,000 px away.
    let current = use_state(|| None::<usize>);
    // The article last shown with marks, if the last one shown had any.
    let marked = use_mut_ref(|| None::<String>);
    {
        let (count, current) = (count.clone(), current.clone());
        use_effect_with(props.key_for.clone(), move |key| {
            let slug = key.split('?').next().unwrap_or_default().to_string();
            let all = matches();
            count.set(all.len());
            current.set(Some(0));
            let at = crate::location::root().query_selector("#rr-at").ok().flatten();
            // The search cleared over the article (Esc): its marks go, the reader stays put.
            let before =
                std::mem::replace(&mut *marked.borrow_mut(), (!all.is_empty()).then(|| slug.clone()));
            let cleared = all.is_empty() && before.as_deref() == Some(slug.as_str());
            if crate::scroll_memory::pending() || (cleared && at.is_none()) {
                // A reload, back or forward: the reader's place is put back, not the article's
                // start, and no match is the current one until the reader steps from there.
                mark_current(&all, usize::MAX);
                current.set(None);
            } else if let Some(at) = &at {
                // Arriving from the timeline: at the sentence that mentions the date.
                crate::location::scroll_to(at, ScrollLogicalPosition::Center);
            } else if all.is_empty() {
                // An article opens at its top (embedded: the app's top, if scrolled past);
                // with matches, at the first match.
                crate::location::to_top();
            } else {
                focus(&all, 0);
            }
            if crate::location::started() {
                focus_arrival(at.or_else(|| all.first().and_then(|g| g.first()).cloned()));
            }
        });
    }
    if *count == 0 {
        return html! {};
    }
    let step = |delta: isize| {
        let current = current.clone();
        Callback::from(move |_: MouseEvent| {
            let all = matches();
            if let Some(next) = stepped(&all, *current, delta) {
                focus(&all, next);
                current.set(Some(next));
            }
        })
    };
    html! {
        <div class="rr-matchnav-dock">
            <div class="rr-matchnav" role="group" aria-label="Matches in this article">
                <span aria-live="polite">{ match *current {
                    Some(i) => format!("Match {} of {}", i + 1, *count),
                    None if *count == 1 => "1 match".to_string(),
                    None => format!("{} matches", *count),
                } }</span>
                <button type="button" class="rr-match-prev" onclick={ step(-1) } aria-label="Previous match"
                    aria-keyshortcuts="p">{ "‹" }</button>
                <button type="button" class="rr-match-next" onclick={ step(1) } aria-label="Next match"
                    aria-keyshortcuts="n">{ "›" }</button>
            </div>
        </div>
    }
}
