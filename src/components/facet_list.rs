//! One facet: its values with live counts as checkboxes, the most frequent first; a long list
//! collapses, with a box to filter it.

use crate::data::data;
use crate::nav::go;
use crate::route::Latest;
use readingroom_core::analyze::fold;
use readingroom_core::facets::Facet;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub facet: Facet,
    /// `(value id, count)`, in display order.
    pub counts: Rc<Vec<(u32, u32)>>,
    /// The values of this facet chosen.
    pub chosen: Vec<String>,
    /// The exploration a click toggles a value of: not compared, so a list renders again
    /// only when its counts or choices change, not at every keystroke.
    pub latest: Latest,
}

/// Values shown before "Show more", and added by each press.
const FIRST: usize = 8;
const MORE: usize = 50;

#[function_component(FacetList)]
pub fn facet_list(props: &Props) -> Html {
    let filter = use_state(String::new);
    let shown = use_state_eq(|| FIRST);
    // Each value's names folded, once, the first time the box filters: not again at each
    // keystroke of a search while a filter stands.
    let folded = use_mut_ref(|| None::<Vec<Vec<String>>>);
    let d = data();
    let f = props.facet;
    let names = &d.facets.values[f as usize];
    if props.counts.is_empty() {
        return html! {};
    }
    let chosen = &props.chosen;
    // Without its box (a list grown short as the query narrowed) the filter is not applied:
    // there would be no way to clear it.
    let needle = if props.counts.len() > FIRST { fold(filter.trim()) } else { String::new() };
    let matching: Vec<(u32, u32)> = if needle.is_empty() {
        props.counts.to_vec()
    } else {
        // An entity's value is found by any of its names: "Daesh" finds Islamic State.
        let mut folded = folded.borrow_mut();
        let forms = folded.get_or_insert_with(|| {
            let entities = &d.facets.value_entity[f as usize];
            (0..names.len())
                .map(|v| {
                    let aliases =
                        entities.get(v).map_or(&[][..], |&e| &d.index.entities[e as usize].aliases[..]);
                    std::iter::once(fold(&names[v])).chain(aliases.iter().map(|a| fold(&a.text))).collect()
                })
                .collect()
        });
        props
            .counts
            .iter()
            .copied()
            .filter(|&(v, _)| forms[v as usize].iter().any(|n| n.contains(&needle)))
            .collect()
    };
    // A value chosen is in view, in its place, however far down the list it falls (unless the
    // filter typed leaves it out).
    let visible: Vec<(u32, u32)> = matching
        .iter()
        .enumerate()
        .filter(|&(i, &(v, _))| i < *shown || chosen.contains(&names[v as usize]))
        .map(|(_, &vc)| vc)
        .collect();
    let id = format!("rr-facet-{}", f.key());
    let oninput = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            filter.set(input.value());
        })
    };
    let item = |&(v, count): &(u32, u32)| {
        let name = names[v as usize].clone();
        let checked = chosen.contains(&name);
        let latest = props.latest.clone();
        let toggled = name.clone();
        let onchange = Callback::from(move |_: Event| go(&latest.get().toggled(f, &toggled).route()));
        html! {
            <li>
                <label class={ classes!("rr-facet-value", (count == 0).then_some("rr-zero")) }>
                    <input type="checkbox" {checked} {onchange} />
                    <span class="rr-facet-name">{ &name }</span>
                    <span class="rr-n">{ count }</span>
                </label>
            </li>
        }
    };
    let left = matching.len() - visible.len();
    let more = {
        let shown = shown.clone();
        crate::components::show_more::focusing_added(Callback::from(move |_: MouseEvent| {
            shown.set(*shown + MORE)
        }))
    };
    // Folding a grown list back keeps the focus in the facet, on its "Show more" (or, where
    // every value still fits, on its filter box), not on a button that is gone.
    let fewer = {
        let shown = shown.clone();
        Callback::from(move |e: MouseEvent| {
            let section =
                e.target_dyn_into::<web_sys::Element>().and_then(|b| b.closest(".rr-facet").ok().flatten());
            shown.set(FIRST);
            if let Some(section) = section {
                gloo::timers::callback::Timeout::new(0, move || {
                    let find = |selector: &str| section.query_selector(selector).ok().flatten();
                    let target = find(".rr-facet-more").or_else(|| find(".rr-facet-filter"));
                    if let Some(target) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                        let _ = target.focus();
                    }
                })
                .forget();
            }
        })
    };
    let grown = *shown > FIRST && visible.len() > FIRST;
    html! {
        <section class="rr-facet" aria-labelledby={ id.clone() } data-facet={ f.key() }>
            <@{crate::heading::h(2)} class="rr-label" id={ id }>{ f.label() }</@>
            if props.counts.len() > FIRST {
                <input class="rr-facet-filter" type="search" placeholder="Filter…" value={ (*filter).clone() }
                    aria-label={ format!("Filter {}", f.label().to_lowercase()) } {oninput} />
            }
            if matching.is_empty() {
                <p class="rr-facet-none">{ format!("None match {}.", crate::quote::quoted(filter.trim())) }</p>
            }
            <ul>{ for visible.iter().map(item) }</ul>
            if left > 0 || grown {
                <div class="rr-facet-pager">
                    if left > 0 {
                        <button type="button" class="rr-more rr-facet-more" onclick={ more }>
                            { format!("Show {} more", left.min(MORE)) }
                        </button>
                    }
                    if grown {
                        <button type="button" class="rr-more rr-facet-fewer" onclick={ fewer }
                            aria-label={ format!("Show fewer {}", f.label().to_lowercase()) }>{ "Show fewer" }</button>
                    }
                </div>
            }
        </section>
    }
}
