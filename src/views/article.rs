//! The article: the piece itself, with the blogger's note set apart, interview turns, notes,
//! and the matches of the query that led here highlighted.

use crate::components::marked::marked;
use crate::components::match_nav::MatchNav;
use crate::data::data;
use crate::route::Route;
use readingroom_core::snippet::Highlighter;
use readingroom_core::{search, Block, Results, Role, Sort};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub slug: AttrValue,
    pub q: AttrValue,
}

#[function_component(ArticleView)]
pub fn article_view(props: &Props) -> Html {
    let d = data();
    let results = use_memo(props.q.clone(), |q| {
        if q.trim().is_empty() {
            Results::default()
        } else {
            search(&d.index, &d.analyzer, q, Sort::Relevance)
        }
    });
    let Some((_, a)) = d.index.article(&props.slug) else {
        return html! { <crate::views::not_found::NotFound path={ format!("/article/{}", props.slug) } /> };
    };
    let highlighter = Highlighter::new(&d.index, &d.analyzer, &results);
    let hl = |text: &str| marked(&highlighter.highlight(text));
    let (back_href, back_label) = if props.q.is_empty() {
        (Route::Home.to_hash(), "← All articles".to_string())
    } else {
        (
            Route::Search { q: props.q.to_string(), sort: Sort::Relevance }.to_hash(),
            format!("← Results for “{}”", props.q),
        )
    };
    let body = a.body.iter().map(|b| match b {
        Block::Paragraph(t) => html! { <p>{ hl(t) }</p> },
        Block::Heading(t) => html! { <h2>{ hl(t) }</h2> },
        Block::Turn { role, speaker, paragraphs } => {
            let class = match role {
                Role::Question => "rr-turn rr-question",
                Role::Answer => "rr-turn rr-answer",
            };
            html! {
                <div class={ class }>
                    { for paragraphs.iter().enumerate().map(|(i, p)| html! {
                        <p>
                            if i == 0 { <strong class="rr-speaker">{ format!("{speaker}: ") }</strong> }
                            { hl(p) }
                        </p>
                    }) }
                </div>
            }
        }
        Block::Note { label, text } => html! {
            <p class="rr-footnote" id={ format!("rr-note-{label}") }>
                <span class="rr-note-label">{ format!("[{label}]") }</span>{ " " }{ hl(text) }
            </p>
        },
    });
    let credits: Vec<&str> =
        a.media.iter().flat_map(|m| [m.caption.as_deref(), m.credit.as_deref()]).flatten().collect();
    html! {
        <article class="rr-article">
            <nav class="rr-crumbs" aria-label="Back"><a class="rr-back" href={ back_href }>{ back_label }</a></nav>
            <MatchNav key_for={ format!("{}?{}", props.slug, props.q) } />
            <header class="rr-article-head">
                <p class="rr-kicker">
                    if !a.kind.is_empty() { <span class="rr-kind">{ &a.kind }</span> }
                    if !a.outlet.is_empty() { <span class="rr-outlet">{ &a.outlet }</span> }
                </p>
                <h1 class="rr-article-title">{ hl(&a.title) }</h1>
                if let Some(s) = &a.summary { <p class="rr-standfirst">{ hl(s) }</p> }
                <p class="rr-byline">
                    if !a.authors.is_empty() { <span>{ format!("By {}", a.authors.join(" and ")) }</span> }
                    <time datetime={ a.date.iso() }>{ a.date.to_string() }</time>
                    <span>{ format!("{} min read", a.reading_minutes()) }</span>
                </p>
                if let Some(issue) = &a.issue { <p class="rr-issue">{ issue }</p> }
            </header>
            if !a.note.is_empty() {
                <aside class="rr-note" aria-label="The blogger's note">
                    <h2>{ "From the blog" }</h2>
                    { for a.note.iter().map(|p| html! { <p>{ hl(p) }</p> }) }
                </aside>
            }
            <div class="rr-body">{ for body }</div>
            if let Some(bio) = &a.bio { <p class="rr-bio">{ hl(bio) }</p> }
            if !credits.is_empty() {
                <section class="rr-credits" aria-label="Images and credits">
                    <h2>{ "Images and credits" }</h2>
                    <ul>{ for credits.iter().map(|c| html! { <li>{ *c }</li> }) }</ul>
                </section>
            }
            if !a.topics.is_empty() {
                <ul class="rr-topics" aria-label="Topics">
                    { for a.topics.iter().map(|t| html! { <li>{ t }</li> }) }
                </ul>
            }
        </article>
    }
}
