//! The chosen facet values and date range as removable chips, with "Clear all".

use crate::components::histogram::range_label;
use crate::route::Explore;
use readingroom_core::facets::{Facet, Selection};
use yew::prelude::*;

pub fn selection_chips(e: &Explore) -> Html {
    if e.sel.is_empty() {
        return html! {};
    }
    let chip = |label: String, next: Explore| {
        html! {
            <li>
                <a class="rr-chip" href={ next.route().href() } aria-label={ format!("Remove {label}") }>
                    { label }<span class="rr-chip-x" aria-hidden="true">{ "×" }</span>
                </a>
            </li>
        }
    };
    let values = Facet::ALL.iter().flat_map(|&f| {
        e.sel.values[f as usize].iter().map(move |v| chip(format!("{}: {v}", f.label()), e.toggled(f, v)))
    });
    let range = (e.sel.from.is_some() || e.sel.to.is_some()).then(|| {
        let mut next = e.clone();
        next.sel.from = None;
        next.sel.to = None;
        chip(format!("Dates: {}", range_label(e.sel.from, e.sel.to)), next)
    });
    let cleared = Explore { sel: Selection::default(), ..e.clone() };
    html! {
        <div class="rr-chips">
            <ul aria-label="Filters chosen">{ for values }{ for range }</ul>
            <a class="rr-clear" href={ cleared.route().href() }>{ "Clear all" }</a>
        </div>
    }
}
