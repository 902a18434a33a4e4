//! Search results: ranked, each with its snippet and highlighted matches.

use crate::components::article_meta::article_meta;
use crate::components::marked::marked;
use crate::components::show_more::show_more;
use crate::data::data;
use crate::route::Route;
use readingroom_core::snippet::Highlighter;
use readingroom_core::{search, Hit, Sort};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub q: AttrValue,
    pub sort: Sort,
}

/// Results shown at first, and added by "Show more": a page of them paints between keystrokes.
const PAGE: usize = 20;

#[function_component(SearchView)]
pub fn search_view(props: &Props) -> Html {
    let d = data();
    let results =
        use_memo((props.q.clone(), props.sort), |(q, sort)| search(&d.index, &d.analyzer, q, *sort));
    // `_eq`: resetting to the first page when already there must not render again.
    let shown = use_state_eq(|| PAGE);
    {
        // A new query starts again from the first page.
        let shown = shown.clone();
        use_effect_with((props.q.clone(), props.sort), move |_| shown.set(PAGE));
    }
    let hl = Highlighter::new(&d.index, &d.analyzer, &results);
    let q = props.q.to_string();
    let shown_q = q.trim().to_string();
    let count = results.hits.len();
    let sort_link = |s: Sort, label: &str| {
        let href = Route::Search { q: q.clone(), sort: s }.to_hash();
        let current = (s == props.sort).then_some("true");
        html! { <a href={ href } aria-current={ current }>{ label.to_string() }</a> }
    };
    let item = |hit: &Hit| {
        let a = &d.index.articles[hit.doc as usize];
        let href = Route::Article { slug: a.slug.clone(), q: q.clone() }.to_hash();
        html! {
            <li class="rr-item">
                <a class="rr-title" href={ href }>{ marked(&hl.highlight(&a.title)) }</a>
                { article_meta(a) }
                <p class="rr-snippet">{ marked(&hl.snippet(hit.doc, a, 32)) }</p>
            </li>
        }
    };
    html! {
        <section class="rr-results" aria-labelledby="rr-results-h">
            <div class="rr-results-bar">
                <h1 id="rr-results-h" class="rr-count" aria-live="polite">
                    { match count { 0 => "No results".to_string(), 1 => "1 result".to_string(), n => format!("{n} results") } }
                    { format!(" for “{shown_q}”") }
                </h1>
                <nav class="rr-sort" aria-label="Sort results">
                    { sort_link(Sort::Relevance, "Best match") }
                    { sort_link(Sort::Newest, "Newest") }
                    { sort_link(Sort::Oldest, "Oldest") }
                </nav>
            </div>
            if count == 0 {
                <div class="rr-empty">
                    <p>{ "No article contains all of these words." }</p>
                    if let Some(suggestion) = &results.suggestion {
                        <p class="rr-suggestion">
                            { "Did you mean " }
                            <a href={ Route::Search { q: suggestion.clone(), sort: props.sort }.to_hash() }>{ suggestion }</a>
                            { "?" }
                        </p>
                    }
                    <p><a href="#/">{ "Browse all articles" }</a></p>
                </div>
                if !results.partial.is_empty() {
                    <h2 class="rr-section-title">{ "Articles with some of these words" }</h2>
                    <ol class="rr-list rr-partial">{ for results.partial.iter().take(PAGE).map(item) }</ol>
                }
            } else {
                <ol class="rr-list rr-hits">{ for results.hits.iter().take(*shown).map(item) }</ol>
                { show_more(count, &shown, PAGE) }
            }
        </section>
    }
}
