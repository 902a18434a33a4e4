//! The explorer: the query's results narrowed by facets and a date range, each result with its
//! snippet and highlighted matches; beside them the facets with live counts and the histogram.
//! With nothing typed or chosen it is the home page: every article, newest first.

use crate::components::article_meta::article_meta;
use crate::components::chips::selection_chips;
use crate::components::export_links::ExportLinks;
use crate::components::facet_list::FacetList;
use crate::components::histogram::Histogram;
use crate::components::marked::marked;
use crate::components::search_tips::SearchTips;
use crate::components::show_more::show_more;
use crate::data::data;
use crate::route::{Explore, Latest, Route};
use readingroom_core::facets::{named_first, narrow, tally, Facet, Tally};
use readingroom_core::search::PAGE;
use readingroom_core::snippet::{clip_query, clip_words, Highlighter};
use readingroom_core::Sort;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub explore: Explore,
}

/// How long the results must stand still before their shards are fetched for snippets.
const SHARD_PAUSE_MS: u32 = 200;

#[function_component(SearchView)]
pub fn search_view(props: &Props) -> Html {
    let d = data();
    let e = &props.explore;
    // Text that asks for nothing ("-", a lone quote, "OR") lists every article, as the home
    // page does, and says so, rather than call them results for "-".
    let typed = readingroom_core::query::asks_for_something(&e.q);
    let asked_nothing = !typed && !e.q.trim().is_empty();
    // Without words, "best match" has nothing to rank by: newest first.
    let sort = if typed {
        e.sort
    } else if e.sort == Sort::Relevance {
        Sort::Newest
    } else {
        e.sort
    };
    // Snippets render again when a shard arrives.
    let _ = use_context::<crate::shards::ShardsLoaded>();
    let results = use_memo((e.q.clone(), sort), |(q, sort)| d.search(q, *sort));
    // On a phone, or in a narrow column of a host page, the facets fold away behind a button
    // above the results, and render only while the reader has them open: folded, a keystroke
    // filters its hits without counting them for nobody.
    let filters_open = use_state(|| false);
    let folded = crate::narrow::use_facets_folded();
    let facets_shown = *filters_open || !folded;
    let tallied = {
        let results = results.clone();
        use_memo((e.q.clone(), sort, e.sel.clone(), facets_shown), move |(_, _, sel, shown)| {
            let hits = results.hits.iter().map(|h| h.doc);
            Rc::new(if *shown {
                tally(&d.facets, hits, sel)
            } else {
                Tally { docs: narrow(&d.facets, hits, sel), ..Tally::default() }
            })
        })
    };
    // `_eq`: resetting to the first page when already there must not render again.
    let shown = use_state_eq(|| PAGE);
    {
        // A new query or selection starts again from the first page.
        let shown = shown.clone();
        use_effect_with(e.clone(), move |_| shown.set(PAGE));
    }
    let latest = (*use_state(Latest::default)).clone();
    latest.set(e);
    let hl = Highlighter::new(&d.index, &d.analyzer, &results);
    // A pasted paragraph is named by its first words: written whole, 250 words had filled the
    // heading with a screen of capitals, and a screen reader's announcement with all of them.
    let shown_q = clip_query(&e.q);
    let count = tallied.docs.len();
    let sort_link = |s: Sort, label: &str| {
        let href = Explore { sort: s, ..e.clone() }.route().href();
        let current = (s == sort).then_some("true");
        html! { <a href={ href } aria-current={ current }>{ label.to_string() }</a> }
    };
    // A snippet needs the body: from a shard not yet loaded, the standfirst or note stands in
    // until it arrives (the view renders again then). Shards are asked for once the results
    // have stood still for a moment: fetching and decoding them for every keystroke's results
    // doubled the time a keystroke took to paint.
    {
        let docs: Vec<u32> = tallied.docs.iter().take(*shown).copied().collect();
        use_effect_with(docs, |docs| {
            let docs = docs.clone();
            let wait =
                gloo::timers::callback::Timeout::new(SHARD_PAUSE_MS, move || crate::shards::prefetch(docs));
            move || drop(wait)
        });
    }
    let snippet = |doc: u32, title_marked: bool| {
        let segments = match crate::shards::peek(doc) {
            (full, crate::shards::BodyState::Ready) => hl.snippet(doc, &full, 32),
            (light, _) => light
                .summary
                .as_ref()
                .or(light.note.first())
                .map(|s| hl.highlight(&clip_words(s, 32)))
                .unwrap_or_default(),
        };
        let a = &d.index.articles[doc as usize];
        // Found by its topics, its authors or its outlet alone, an article's snippet and title
        // show nothing marked: say why it is here, with what matched ("pantuci" finds the
        // pieces by Raffaello Pantucci that never name him).
        let unexplained = !title_marked && !segments.iter().any(|s| s.mark);
        let matching = |values: &[String]| -> Vec<Html> {
            values
                .iter()
                .map(|t| hl.highlight(t))
                .filter(|h| h.iter().any(|s| s.mark))
                .map(|h| html! { <span>{ marked(&h) }</span> })
                .collect()
        };
        let reason = if unexplained {
            [
                ("Tagged ", matching(&a.topics)),
                ("By ", matching(&a.authors)),
                ("In ", matching(std::slice::from_ref(&a.outlet))),
            ]
            .into_iter()
            .find(|(_, found)| !found.is_empty())
        } else {
            None
        };
        html! {
            <>
                if !segments.is_empty() { <p class="rr-snippet">{ marked(&segments) }</p> }
                if let Some((label, found)) = reason { <p class="rr-matched">{ label }{ for found }</p> }
            </>
        }
    };
    let item = |doc: u32| {
        let a = &d.index.articles[doc as usize];
        let href = Route::Article { slug: a.slug.clone(), from: e.clone(), at: None }.href();
        let title = hl.highlight(&a.title);
        let title_marked = title.iter().any(|s| s.mark);
        html! {
            <li class="rr-item">
                <a class="rr-title" href={ href }>{ marked(&title) }</a>
                { article_meta(a) }
                if typed {
                    { snippet(doc, title_marked) }
                } else if let Some(s) = a.summary.as_ref().or(a.note.first()) {
                    <p class="rr-snippet">{ crate::components::marked::clipped(s, 32) }</p>
                }
            </li>
        }
    };
    let home = !typed && e.sel.is_empty();
    let heading = match (count, typed) {
        _ if home && sort == Sort::Oldest => "Earliest articles".to_string(),
        _ if home => "Latest articles".to_string(),
        (0, _) => "No results".to_string(),
        (1, _) => "1 result".to_string(),
        (n, _) => format!("{n} results"),
    };
    let toggle_filters = {
        let open = filters_open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    // Open on a phone, the filters stand above the results, a screen or more of them: a button at
    // their foot, held at the window's, closes them onto the results they give.
    let show_results = {
        let open = filters_open.clone();
        Callback::from(move |_: MouseEvent| {
            open.set(false);
            // Once the filters have folded, where the heading then stands.
            gloo::timers::callback::Timeout::new(0, || crate::nav::focus_element("rr-results-h")).forget();
        })
    };
    let chosen = e.sel.values.iter().map(Vec::len).sum::<usize>()
        + usize::from(e.sel.from.is_some() || e.sel.to.is_some());
    let status = if home {
        format!("{} articles", d.index.articles.len())
    } else {
        format!(
            "{count} result{}{}",
            if count == 1 { "" } else { "s" },
            if typed { format!(" for {shown_q}") } else { String::new() }
        )
    };
    // The articles with some of the words, narrowed by the filters chosen as the results are.
    let partial: Vec<u32> = narrow(&d.facets, results.partial.iter().map(|h| h.doc), &e.sel);
    // Folded on a phone, the facets open above the results, and come before them in the
    // document too: the next Tab from "Filters" goes into them, not past them to the results
    // (and a screen or more down). Beside the results, they come after them: the results'
    // heading is the page's first.
    let facets = html! {
        <section id="rr-facets" class={ classes!("rr-facets", filters_open.then_some("rr-open")) } aria-label="Narrow the results">
            // Words nothing matches leave no dates to narrow: an empty chart and its range
            // would only be noise. A range already chosen keeps its controls, to widen it.
            if facets_shown && (!results.hits.is_empty() || e.sel.from.is_some() || e.sel.to.is_some()) {
                <Histogram months={ Rc::new(tallied.months.clone()) } in_range={ count as u32 } explore={ e.clone() } />
            }
            { for Facet::ALL.iter().filter(|_| facets_shown).map(|&f| html! {
                <FacetList facet={ f } counts={ Rc::new(named_first(&d.facets, f, &tallied.counts[f as usize], &results.entities)) }
                    chosen={ e.sel.values[f as usize].clone() } latest={ latest.clone() } />
            }) }
            if *filters_open && folded {
                <div class="rr-filters-done">
                    <button type="button" onclick={ show_results }>
                        { match count { 0 => "No results".to_string(), 1 => "Show 1 result".to_string(), n => format!("Show {n} results") } }
                    </button>
                </div>
            }
        </section>
    };
    let (facets_before, facets_after) =
        if folded { (facets, Html::default()) } else { (Html::default(), facets) };
    html! {
        <div class="rr-explore">
            // Words nothing matches leave nothing to narrow: no button to open an empty panel.
            if !results.hits.is_empty() || chosen > 0 {
                <button type="button" class="rr-filters-toggle" aria-controls="rr-facets"
                    aria-expanded={ filters_open.to_string() } onclick={ toggle_filters }>
                    { if chosen > 0 { format!("Filters ({chosen})") } else { "Filters".to_string() } }
                </button>
            }
            { facets_before }
            <section class="rr-results" aria-labelledby="rr-results-h">
                <div class="rr-results-bar">
                    <@{crate::heading::h(1)} id="rr-results-h" class="rr-count" tabindex="-1">
                        { heading }
                        // The query as typed, not in the heading's capitals: "or" is no "OR".
                        if typed { { " for " }<span class="rr-count-q">{ crate::quote::quoted(&shown_q) }</span> }
                    </@>
                    if count > 0 && (typed || !e.sel.is_empty()) {
                        <nav class="rr-sort" aria-label="Sort results">
                            if typed { { sort_link(Sort::Relevance, "Best match") } }
                            { sort_link(Sort::Newest, "Newest") }
                            { sort_link(Sort::Oldest, "Oldest") }
                        </nav>
                    }
                    // Folded beside the heading, on the home page and over results alike (where
                    // nothing was found they stand open below instead). Opened on the home page,
                    // they fold again once the reader searches (an example chosen, or typing):
                    // the results come first.
                    if home || count > 0 {
                        <SearchTips key={ if home { "home" } else { "results" } } />
                    }
                </div>
                // Announced to screen readers as the results change.
                <p class="rr-visually-hidden" role="status">{ status }</p>
                { selection_chips(e) }
                if asked_nothing {
                    <p class="rr-ignored">{ format!(
                        "{} has no words to search for: every article is listed.", crate::quote::quoted(&shown_q)
                    ) }</p>
                }
                if results.ignored > 0 {
                    <p class="rr-ignored">{ format!(
                        "Only the first {} words are searched for: the last {} were left out.",
                        readingroom_core::query::MAX_WORDS, results.ignored
                    ) }</p>
                }
                if count > 0 && !home {
                    <ExportLinks docs={ Rc::new(tallied.docs.clone()) } />
                }
                if count == 0 {
                    <div class="rr-empty">
                        if results.excluded > 0 {
                            <p>{ excluded_all(results.excluded, readingroom_core::query::without_exclusions(&e.q).is_some()) }</p>
                            if let Some(q) = readingroom_core::query::without_exclusions(&e.q) {
                                <p class="rr-unexclude">
                                    <a href={ Explore { q: q.clone(), ..e.clone() }.route().href() }>
                                        { format!("Search for {} instead", crate::quote::quoted(&q)) }
                                    </a>
                                </p>
                            }
                        } else if results.hits.is_empty() {
                            <p>{ nothing_contains(&e.q, &shown_q) }</p>
                            if let Some(suggestion) = &results.suggestion {
                                <p class="rr-suggestion">
                                    { "Did you mean " }
                                    <a href={ Explore { q: suggestion.clone(), ..e.clone() }.route().href() }>{ suggestion }</a>
                                    { "?" }
                                </p>
                            }
                        } else if typed {
                            <p>{ format!("{}, but none with the filters chosen.", match results.hits.len() {
                                1 => "1 article matches the words".to_string(),
                                n => format!("{n} articles match the words"),
                            }) }</p>
                        } else {
                            <p>{ "No article has all the filters chosen." }</p>
                        }
                        <p><a href={ crate::route::Route::Home.href() }>{ "Browse all articles" }</a></p>
                    </div>
                    if !partial.is_empty() {
                        <@{crate::heading::h(2)} class="rr-section-title">{ "Articles with some of these words" }</@>
                        <ol class="rr-list rr-partial">{ for partial.iter().take(PAGE).map(|&doc| item(doc)) }</ol>
                    }
                    // After the articles that came near: on a phone the tips, open, would push
                    // them below the fold.
                    if typed && e.sel.is_empty() { <div class="rr-empty-tips"><SearchTips open=true /></div> }
                } else {
                    <ol class={ classes!("rr-list", if home { "rr-articles" } else { "rr-hits" }) }>{ for tallied.docs.iter().take(*shown).map(|&doc| item(doc)) }</ol>
                    { show_more(count, &shown, PAGE) }
                }
            </section>
            { facets_after }
        </div>
    }
}

/// What no article contains: the word or phrase asked for, any of several ORed, or all of them.
/// `shown` is the query as the page shows it (clipped when long).
fn nothing_contains(q: &str, shown: &str) -> String {
    let query = readingroom_core::query::Query::parse(q);
    // A hyphenated word's joined form is the parser's alternative, not one the reader typed.
    let typed = |c: &readingroom_core::query::Clause| c.any.iter().filter(|t| !t.joined).count();
    match query.clauses.as_slice() {
        [one] if typed(one) == 1 => format!("No article contains {}.", crate::quote::quoted(shown.trim())),
        [one] if typed(one) > 1 => "No article contains any of these words.".to_string(),
        _ => "No article contains all of these words.".to_string(),
    }
}

/// Why nothing is shown when the exclusions removed every article the other words found (or,
/// with no other words, every article).
fn excluded_all(n: usize, other_words: bool) -> String {
    match (n, other_words) {
        (_, false) => "Every article contains what you excluded.".to_string(),
        (1, true) => "1 article matches the other words, but it contains what you excluded.".to_string(),
        (n, true) => format!("{n} articles match the other words, but each contains what you excluded."),
    }
}
