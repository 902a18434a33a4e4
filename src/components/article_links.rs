//! The ways out of an article into the rest of the archive: the entities it mentions, as chips
//! to their pages, and the dates it mentions, to the timeline.

use crate::data::data;
use crate::route::{Route, Zoom};
use readingroom_core::{Article, DateMention};
use yew::prelude::*;

/// Entity types in the order their chips are shown, with their headings.
pub const KINDS: [(&str, &str); 5] = [
    ("person", "People"),
    ("organisation", "Organisations"),
    ("group", "Groups"),
    ("place", "Places"),
    ("event", "Events"),
];

pub fn entity_route(e: u32) -> Route {
    let entity = &data().index.entities[e as usize];
    Route::Entity { kind: entity.kind.clone(), slug: entity.slug() }
}

/// The timeline zoomed on a date, opened at the date's month or year: its year month by month,
/// or its decade year by year.
pub fn timeline_route(m: &DateMention) -> Route {
    if m.from.month.is_some() && m.from.year == m.to.year {
        let at = Some((m.from.year, m.from.month.unwrap_or(0)));
        Route::Timeline { by: Zoom::Month, from: Some(m.from.year), to: Some(m.from.year), at }
    } else {
        let decade = m.from.year.div_euclid(10) * 10;
        let at = Some((m.from.year, 0));
        Route::Timeline { by: Zoom::Year, from: Some(decade), to: Some(m.to.year.max(decade + 9)), at }
    }
}

/// Chips for the entities article `doc` mentions, by type, the most mentioned first.
pub fn entity_chips(doc: u32) -> Html {
    let d = data();
    let mut mentioned: Vec<(u32, u32)> = d.facets.doc_entities[doc as usize]
        .iter()
        .map(|&e| {
            let list = &d.facets.entity_docs[e as usize];
            let count = list.binary_search_by_key(&doc, |&(doc, _)| doc).map(|i| list[i].1).unwrap_or(0);
            (e, count)
        })
        .collect();
    if mentioned.is_empty() {
        return html! {};
    }
    mentioned.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| d.index.entities[a.0 as usize].name.cmp(&d.index.entities[b.0 as usize].name))
    });
    let groups = KINDS.iter().filter_map(|&(kind, heading)| {
        let chips: Vec<Html> = mentioned
            .iter()
            .filter(|(e, _)| d.index.entities[*e as usize].kind == kind)
            .map(|&(e, count)| {
                let name = &d.index.entities[e as usize].name;
                html! {
                    <li><a class="rr-chip" href={ entity_route(e).href() }
                        title={ crate::views::entity::mentions_label(count) }>{ name }</a></li>
                }
            })
            .collect();
        (!chips.is_empty()).then(|| {
            html! {
                <div class="rr-chip-group">
                    <@{crate::heading::h(3)}>{ heading }</@>
                    <ul>{ for chips }</ul>
                </div>
            }
        })
    });
    html! {
        <section class="rr-entities" aria-labelledby="rr-entities-h">
            <@{crate::heading::h(2)} class="rr-label" id="rr-entities-h">{ "In this article" }</@>
            { for groups }
        </section>
    }
}

/// The dates the article mentions, in time order (the text's order jumps about: a review's
/// "2004" before its "Dec 2001"), each a link to the timeline around it.
pub fn date_chips(a: &Article) -> Html {
    if a.dates.is_empty() {
        return html! {};
    }
    let mut dates: Vec<_> = a.dates.iter().collect();
    // Stable: one time named twice keeps its first mention's place.
    dates.sort_by_key(|m| (m.from, m.to));
    let mut seen = Vec::new();
    let chips = dates.into_iter().filter_map(|m| {
        let label = match m.entity {
            Some(e) => format!("{} ({})", data().index.entities[e as usize].name, m.label),
            None => m.label.clone(),
        };
        if seen.contains(&label) {
            return None;
        }
        seen.push(label.clone());
        Some(html! { <li><a class="rr-chip rr-date-chip" href={ timeline_route(m).href() }>{ label }</a></li> })
    });
    html! {
        <section class="rr-dates" aria-labelledby="rr-dates-h">
            <@{crate::heading::h(2)} class="rr-label" id="rr-dates-h">{ "Dates mentioned" }</@>
            <ul>{ for chips }</ul>
        </section>
    }
}
