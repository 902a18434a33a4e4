//! The article: the piece itself, with the blogger's note set apart, interview turns, notes,
//! and the matches of the query that led here highlighted.

use crate::components::article_links::{date_chips, entity_chips};
use crate::components::marked::marked;
use crate::components::match_nav::MatchNav;
use crate::components::outline::{part_id, parts, Outline};
use crate::components::reader_links::{original_link, prev_next, related_list};
use crate::data::data;
use crate::nav::focus_on;
use crate::route::{Explore, Route};
use crate::shards::{BodyState, ShardsLoaded};
use readingroom_core::facets::Facet;
use readingroom_core::snippet::Highlighter;
use readingroom_core::{Article, Block, NoteRef, Results, Role, Sort};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub slug: AttrValue,
    /// The exploration that led here: its query is highlighted, and "back" returns to it.
    pub from: Explore,
    /// A date mention whose sentence is highlighted on arrival (from the timeline).
    pub at: Option<u32>,
    /// The entity's page or the timeline the reader opened the article from, if so: the way
    /// back leads there.
    #[prop_or_default]
    pub came_from: Option<Route>,
}

#[function_component(ArticleView)]
pub fn article_view(props: &Props) -> Html {
    let d = data();
    let q = props.from.q.clone();
    let results = use_memo(q.clone(), |q| {
        if q.trim().is_empty() {
            Results::default()
        } else {
            d.search(q, Sort::Relevance)
        }
    });
    // Renders again when a shard arrives.
    let _ = use_context::<ShardsLoaded>();
    let Some((doc, _)) = d.index.article(&props.slug) else {
        return html! { <crate::views::not_found::NotFound path={ format!("/article/{}", props.slug) } /> };
    };
    let (full, body_state) = crate::shards::article(doc);
    let a: &Article = &full;
    let highlighter = Highlighter::new(&d.index, &d.analyzer, &results);
    let hl = |text: &str| marked(&highlighter.highlight(text));
    let came_from = props.came_from.as_ref().and_then(|r| match r {
        Route::Entity { kind, slug } => {
            crate::views::entity::find(kind, slug).map(|(_, e)| (format!("← {}", e.name), r.href()))
        }
        Route::Timeline { .. } => Some(("← Timeline".to_string(), r.href())),
        _ => None,
    });
    let (back_label, back_href) = came_from.unwrap_or_else(|| {
        let asks = readingroom_core::query::asks_for_something(&q);
        let label = if !asks && props.from.sel.is_empty() {
            "← All articles".to_string()
        } else if !asks {
            "← Back to the results".to_string()
        } else {
            format!("← Results for {}", crate::quote::quoted(&q))
        };
        (label, props.from.clone().route().href())
    });
    // The sentence to highlight: (paragraph, start, end) in body_texts order.
    let at = props
        .at
        .and_then(|i| a.dates.get(i as usize))
        .map(|m| (m.paragraph as usize, m.sentence_start as usize, m.sentence_end as usize));
    let mut paragraph = 0usize;
    let mut called = std::collections::HashSet::new();
    let mut text = |t: &str| {
        let i = paragraph;
        paragraph += 1;
        let calls: Vec<&NoteRef> = a
            .note_refs
            .iter()
            .filter(|r| r.paragraph as usize == i && t.is_char_boundary(r.offset as usize))
            .collect();
        // `t[from..to]` highlighted, with the note calls that stand in it (one at the very end
        // of the paragraph goes with the last piece).
        let mut piece = |from: usize, to: usize| -> Html {
            let mut out = Vec::new();
            let mut pos = from;
            for r in calls.iter().filter(|r| {
                let o = r.offset as usize;
                (from..to).contains(&o) || (o == to && to == t.len())
            }) {
                let o = r.offset as usize;
                out.push(hl(&t[pos..o]));
                out.push(note_call(&r.label, called.insert(r.label.clone())));
                pos = o;
            }
            out.push(hl(&t[pos..to]));
            out.into_iter().collect()
        };
        match at {
            Some((p, s, e))
                if p == i && s <= e && e <= t.len() && t.is_char_boundary(s) && t.is_char_boundary(e) =>
            {
                html! {
                    <>
                        { piece(0, s) }
                        <span class="rr-at" id="rr-at">{ piece(s, e) }</span>
                        { piece(e, t.len()) }
                    </>
                }
            }
            _ => piece(0, t.len()),
        }
    };
    // An interview's questions, or the sections of a long piece: what the outline goes to,
    // each focusable (tabindex -1: not a tab stop of its own).
    let outlined = parts(&a.body);
    let questions = outlined.first().is_some_and(|&(i, _)| matches!(a.body[i], Block::Turn { .. }));
    let target = |i: usize| outlined.iter().any(|&(b, _)| b == i).then(|| part_id(i));
    let tabindex = |i: usize| target(i).map(|_| "-1");
    let body: Vec<Html> = a
        .body
        .iter()
        .enumerate()
        .map(|(i, b)| match b {
            Block::Paragraph(t) => html! { <p>{ text(t) }</p> },
            Block::Heading(t) => html! { <@{crate::heading::h(2)} id={ target(i) } tabindex={ tabindex(i) }>{ text(t) }</@> },
            Block::Turn { role, speaker, paragraphs } => {
                let class = match role {
                    Role::Question => "rr-turn rr-question",
                    Role::Answer => "rr-turn rr-answer",
                };
                html! {
                    <div class={ class } id={ target(i) } tabindex={ tabindex(i) }>
                        { paragraphs.iter().enumerate().map(|(i, p)| html! {
                            <p>
                                if i == 0 { <strong class="rr-speaker">{ format!("{speaker}: ") }</strong> }
                                { text(p) }
                            </p>
                        }).collect::<Html>() }
                    </div>
                }
            }
            Block::Note { label, text: note } => {
                let called = a.note_refs.iter().any(|r| &r.label == label);
                html! {
                    // Focusable from its call (tabindex -1: not a tab stop of its own).
                    <p class="rr-footnote" id={ format!("rr-note-{label}") } tabindex="-1">
                        <span class="rr-note-label">{ format!("[{label}]") }</span>{ " " }{ text(note) }
                        if called {
                            { " " }
                            <button type="button" class="rr-note-back" aria-label={ format!("Back to where note {label} is called") }
                                onclick={ focus_on(format!("rr-call-{label}")) }>{ "↩" }</button>
                        }
                    </p>
                }
            }
        })
        .collect();
    // A picture's caption and its credit are one item, as the source prints them: a credit
    // listed on its own read as another picture.
    let credits: Vec<Html> = a
        .media
        .iter()
        .filter_map(|m| match (m.caption.as_deref(), m.credit.as_deref()) {
            (Some(caption), Some(credit)) => Some(html! {
                <>{ caption }{ " " }<span class="rr-credit">{ format!("Credit: {credit}") }</span></>
            }),
            (Some(text), None) | (None, Some(text)) => Some(html! { { text } }),
            (None, None) => None,
        })
        .collect();
    html! {
        <article class="rr-article">
            <nav class="rr-crumbs" aria-label="Back"><a class="rr-back" href={ back_href }>{ back_label }</a></nav>
            // Keyed on the body's arrival too: matches in a body loaded from a shard count.
            <MatchNav key_for={ format!("{}?{}&{:?}&{}", props.slug, q, props.at, matches!(body_state, BodyState::Ready)) } />
            <header class="rr-article-head">
                <p class="rr-kicker">
                    if !a.kind.is_empty() { <a class="rr-kind" href={ facet_href(Facet::Kind, &a.kind) }>{ &a.kind }</a> }
                    if !a.outlet.is_empty() { <a class="rr-outlet" href={ facet_href(Facet::Outlet, &a.outlet) }>{ &a.outlet }</a> }
                </p>
                <@{crate::heading::h(1)} class="rr-article-title">{ hl(&a.title) }</@>
                if let Some(s) = &a.summary { <p class="rr-standfirst">{ hl(s) }</p> }
                <p class="rr-byline">
                    // Each author leads to everything they wrote (the Author facet).
                    if !a.authors.is_empty() {
                        <span>{ "By " }{ for a.authors.iter().enumerate().map(|(i, name)| html! {
                            <>
                                { match i { 0 => "", i if i + 1 == a.authors.len() => " and ", _ => ", " } }
                                <a class="rr-author" href={ facet_href(Facet::Author, name) }>{ name }</a>
                            </>
                        }) }</span>
                    }
                    <a href={ facet_href(Facet::Year, &a.date.year.to_string()) }><time datetime={ a.date.iso() }>{ a.date.to_string() }</time></a>
                    <span>{ format!("{} min read", a.reading_minutes()) }</span>
                </p>
                if let Some(issue) = &a.issue { <p class="rr-issue">{ issue }</p> }
            </header>
            if !a.note.is_empty() {
                <section class="rr-note" aria-label="The blogger's note">
                    <@{crate::heading::h(2)}>{ "From the blog" }</@>
                    { for a.note.iter().map(|p| html! { <p>{ hl(p) }</p> }) }
                </section>
            }
            { match &body_state {
                BodyState::Ready => html! {
                    <>
                        <Outline parts={ outlined.clone() } { questions } />
                        <div class="rr-body">{ for body }</div>
                    </>
                },
                BodyState::Loading => html! {
                    <div class="rr-body"><p class="rr-shard-loading" role="status">{ "Loading the text…" }</p></div>
                },
                BodyState::Failed(why) => shard_failed(why),
            } }
            if let Some(bio) = &a.bio { <p class="rr-bio">{ hl(bio) }</p> }
            if !credits.is_empty() {
                <section class="rr-credits" aria-label="Images and credits">
                    <@{crate::heading::h(2)}>{ "Images and credits" }</@>
                    // The archive keeps the words, not the pictures (a comic's panels among
                    // them): say so, or the captions read as if the pictures were missing by fault.
                    <p class="rr-credits-note">{ "The pictures are not in this archive; their captions and credits are:" }</p>
                    <ul>{ for credits.into_iter().map(|c| html! { <li>{ c }</li> }) }</ul>
                </section>
            }
            { original_link(a) }
            <crate::components::cite_box::CiteBox slug={ a.slug.clone() } />
            <footer class="rr-article-foot">
                if !a.topics.is_empty() {
                    <section class="rr-topics-box" aria-labelledby="rr-topics-h">
                        <@{crate::heading::h(2)} class="rr-label" id="rr-topics-h">{ "Topics" }</@>
                        <ul class="rr-topics">
                            { for a.topics.iter().map(|t| html! {
                                <li><a class="rr-chip" href={ Explore::default().toggled(Facet::Topic, t).route().href() }>{ t }</a></li>
                            }) }
                        </ul>
                    </section>
                }
                { entity_chips(doc) }
                { date_chips(a) }
            </footer>
            { related_list(a) }
            { prev_next(doc) }
        </article>
    }
}

/// In place of a body whose shard is missing or damaged: what happened, and that the rest works.
fn shard_failed(why: &str) -> Html {
    html! {
        <div class="rr-body rr-shard-error" role="alert">
            <p><strong>{ "The text of this article could not be loaded." }</strong></p>
            <p class="rr-shard-why">{ format!("{why}.") }</p>
            <p>{ "Search, filters and the other articles still work. Copying the archive’s shards folder again, or rebuilding the archive, brings this text back." }</p>
        </div>
    }
}

fn facet_href(f: Facet, value: &str) -> String {
    Explore::default().toggled(f, value).route().href()
}

/// A note's call in the text: a superscript button that takes the reader (and the focus) to the
/// note. Buttons, not `#fragment` links: the hash holds the route. The first call of each note
/// carries the id its note's back button returns to.
fn note_call(label: &str, first: bool) -> Html {
    html! {
        <sup class="rr-call">
            <button type="button" id={ first.then(|| format!("rr-call-{label}")) }
                aria-label={ format!("Note {label}") } onclick={ focus_on(format!("rr-note-{label}")) }>{ label }</button>
        </sup>
    }
}
