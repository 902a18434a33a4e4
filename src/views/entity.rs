//! An entity's page: the articles that mention it, each with the passage that names it most,
//! a page at a time; its mentions over time; and the entities it appears with most often.

use crate::components::article_links::{entity_route, KINDS};
use crate::components::article_meta::counted_meta;
use crate::components::marked::marked;
use crate::components::show_more::show_more;
use crate::data::data;
use crate::route::{Explore, Route};
use readingroom_core::facets::Facet;
use readingroom_core::search::PAGE;
use readingroom_core::snippet::Highlighter;
use readingroom_core::Results;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub kind: AttrValue,
    pub slug: AttrValue,
}

/// Companions listed.
const COMPANIONS: usize = 12;

/// The entity of that type and slug, else the one entity of that slug under another type:
/// the page shows it, and the page's title names it.
pub(crate) fn find(kind: &str, slug: &str) -> Option<(usize, &'static readingroom_core::entities::Entity)> {
    let entities = &data().index.entities;
    let all = entities.iter().enumerate();
    all.clone().find(|(_, e)| e.kind == kind && e.slug() == slug).or_else(|| {
        let mut same = all.filter(|(_, e)| e.slug() == slug);
        same.next().filter(|_| same.next().is_none())
    })
}

#[function_component(EntityView)]
pub fn entity_view(props: &Props) -> Html {
    let d = data();
    // Snippets render again when a shard arrives.
    let _ = use_context::<crate::shards::ShardsLoaded>();
    // A common name is in thousands of articles: they list a page at a time, as results do.
    // (Another entity is another view: the app keys this one by its route.)
    let shown = use_state_eq(|| PAGE);
    let found = find(&props.kind, &props.slug);
    {
        // A link made before the gazetteer retyped its entity (say, from organisation to
        // group) still opens it; the address bar then shows where it lives now.
        let canonical = found.map(|(id, _)| entity_route(id as u32));
        let asked = Route::Entity { kind: props.kind.to_string(), slug: props.slug.to_string() };
        use_effect_with(canonical, move |canonical| {
            if let Some(to) = canonical.as_ref().filter(|to| **to != asked) {
                crate::location::correct(to);
            }
        });
    }
    // Once per entity, not again for "Show more" or a shard arriving.
    let profile = use_memo(found.map(|(id, _)| id as u32), |&id| {
        id.map(|id| readingroom_core::profile::profile(&d.index, &d.facets, id, COMPANIONS))
            .unwrap_or_default()
    });
    {
        // The shown articles' bodies, for their passages (an archive in shards).
        let docs: Vec<u32> = profile.articles.iter().take(*shown).map(|&(doc, _)| doc).collect();
        use_effect_with(docs, |docs| crate::shards::prefetch(docs.iter().copied()));
    }
    let Some((id, entity)) = found else {
        return html! { <crate::views::not_found::NotFound path={ format!("/entity/{}/{}", props.kind, props.slug) } /> };
    };
    let kind_label = KINDS.iter().find(|(k, _)| *k == entity.kind).map(|(_, l)| *l).unwrap_or("");

    // The passage of each article that names it most, every name marked.
    let named = Results { entities: vec![id as u32], ..Results::default() };
    let hl = Highlighter::new(&d.index, &d.analyzer, &named);
    let passage = |doc: u32| match crate::shards::peek(doc) {
        (full, crate::shards::BodyState::Ready) => {
            html! { <p class="rr-snippet">{ marked(&hl.snippet(doc, &full, 32)) }</p> }
        }
        _ => html! {},
    };
    // Opening an article from here highlights every name of this entity.
    let from = Explore { q: entity.name.clone(), ..Explore::default() };

    let years = &profile.per_year;
    // An entity the gazetteer knows that no article names: its page says so, and no more.
    let nothing = profile.articles.is_empty();
    let chart = (!years.is_empty() && !nothing).then(|| {
        let max = years.iter().map(|y| y.1).max().unwrap_or(1).max(1) as f64;
        let (w, h) = (20.0 * years.len() as f64, 60.0);
        html! {
            <figure class="rr-entity-chart">
                // Left-aligned under the heading and above its caption, whatever the span's width.
                <svg viewBox={ format!("0 0 {w} {}", h + 12.0) } preserveAspectRatio="xMinYMax meet" role="img"
                    aria-label={ format!("Mentions of {} per year of publication", entity.name) }>
                    { for years.iter().enumerate().map(|(i, &(y, c))| {
                        let bh = c as f64 / max * h;
                        html! {
                            <g>
                                <rect class="rr-bar rr-in" x={ (i as f64 * 20.0 + 3.0).to_string() } y={ (h - bh).to_string() } width="14" height={ bh.to_string() }>
                                    <title>{ format!("{y}: {}", counted(c as usize, "mention")) }</title>
                                </rect>
                                <text x={ (i as f64 * 20.0 + 10.0).to_string() } y={ (h + 10.0).to_string() } text-anchor="middle">{ format!("’{:02}", y.rem_euclid(100)) }</text>
                            </g>
                        }
                    }) }
                </svg>
                <figcaption>{ "Mentions per year of publication" }</figcaption>
            </figure>
        }
    });

    // In the explorer, as a facet where it is one, else as a search for its names.
    let explore = match Facet::ALL.into_iter().find(|f| f.entity_kinds().contains(&entity.kind.as_str())) {
        Some(f) => Explore::default().toggled(f, &entity.name),
        None => from.clone(),
    };
    let aliases = entity.spellings();
    let (total, articles, companions) = (profile.mentions, &profile.articles, &profile.companions);
    html! {
        <article class="rr-entity">
            <header>
                <p class="rr-kicker"><span class="rr-kind">{ kind_label.trim_end_matches('s') }</span></p>
                <@{crate::heading::h(1)} class="rr-article-title">{ &entity.name }</@>
                if !aliases.is_empty() { <p class="rr-aliases">{ format!("Also written {}", aliases.join(", ")) }</p> }
                if let Some(date) = entity.date {
                    <p><a href={ Route::Timeline { by: crate::route::Zoom::Month, from: Some(date.year), to: Some(date.year), at: Some((date.year, date.month.unwrap_or(0))) }.href() }>
                        <time datetime={ date.iso() }>{ date.to_string() }</time></a></p>
                }
                if nothing {
                    <p class="rr-lede">{ "No article in this archive names it or is tagged with it." }</p>
                } else {
                    <p class="rr-lede">
                        { lede(total, articles) }
                        <a href={ explore.route().href() }>{ "Explore them" }</a>
                    </p>
                }
            </header>
            { for chart }
            if !nothing {
                <section aria-labelledby="rr-entity-articles">
                    <@{crate::heading::h(2)} class="rr-label" id="rr-entity-articles">{ "Articles" }</@>
                    <ol class="rr-list rr-entity-articles">
                        { for articles.iter().take(*shown).map(|&(doc, count)| {
                            let a = &d.index.articles[doc as usize];
                            let href = Route::Article { slug: a.slug.clone(), from: from.clone(), at: None }.href();
                            html! {
                                <li class="rr-item">
                                    <a class="rr-title" href={ href }>{ &a.title }</a>
                                    { counted_meta(a, Some(mentions_label(count))) }
                                    { passage(doc) }
                                </li>
                            }
                        }) }
                    </ol>
                    { show_more(articles.len(), &shown, PAGE) }
                </section>
            }
            if !companions.is_empty() {
                <section aria-labelledby="rr-entity-with">
                    <@{crate::heading::h(2)} class="rr-label" id="rr-entity-with">{ "Appears most often with" }</@>
                    <ul class="rr-topics rr-companions">
                        { for companions.iter().map(|&(e, c)| html! {
                            <li><a class="rr-chip" href={ entity_route(e).href() }>
                                { &d.index.entities[e as usize].name }<span class="rr-n">{ c }</span>
                            </a></li>
                        }) }
                    </ul>
                </section>
            }
        </article>
    }
}

/// "1 mention", "3 articles": `n` and its noun, plural unless one.
fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// "1 mention", "3 mentions"; "tagged" for an article whose topics name the entity and whose
/// text does not.
pub fn mentions_label(count: u32) -> String {
    match count {
        0 => "tagged".to_string(),
        n => counted(n as usize, "mention"),
    }
}

/// "5 mentions in 3 articles. ", with the articles only tagged with it counted apart.
fn lede(total: u32, articles: &[(u32, u32)]) -> String {
    let tagged = articles.iter().filter(|a| a.1 == 0).count();
    let named = articles.len() - tagged;
    let mentions = counted(total as usize, "mention");
    match (named, tagged) {
        (_, 0) => format!("{mentions} in {}. ", counted(named, "article")),
        (0, t) => format!("Not named in the text; {} tagged with it. ", counted(t, "article")),
        (n, t) => format!(
            "{mentions} in {}, and {} tagged with it. ",
            counted(n, "article"),
            counted(t, "more article")
        ),
    }
}
