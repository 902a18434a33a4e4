//! The timeline: when the articles were published, and when the events they mention happened
//! (dates mined from the text and named events of the gazetteer), on one axis, by decade, year
//! or month. Each mention links to its sentence in the article. Periods list newest first, a
//! page at a time, and so do the mentions of a month: a large archive has centuries of mined
//! dates, and thousands of mentions of one month ("September 2001").

use crate::components::article_links::entity_route;
use crate::components::show_more::{more_button, more_label};
use crate::data::{data, Data};
use crate::route::{Explore, Route, Zoom};
use readingroom_core::date::MONTHS;
use readingroom_core::facets::month_of;
use readingroom_core::{DateMention, PartialDate};
use std::collections::{BTreeMap, HashMap};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub by: Zoom,
    pub from: Option<i32>,
    pub to: Option<i32>,
    /// The period to open at, marked: `(year, month)`, month 0 for a year.
    #[prop_or_default]
    pub at: Option<(i32, u8)>,
}

/// A bucket on the axis: (year, month); month 0 holds what is known only to the year.
type Key = (i32, u8);

fn key(zoom: Zoom, d: &PartialDate) -> Key {
    match zoom {
        Zoom::Decade => (d.year.div_euclid(10) * 10, 0),
        Zoom::Year => (d.year, 0),
        Zoom::Month => (d.year, d.month.unwrap_or(0)),
    }
}

fn key_label(zoom: Zoom, k: Key) -> String {
    match (zoom, k.1) {
        (Zoom::Decade, _) => format!("{}s", k.0),
        (Zoom::Month, m) if m > 0 => format!("{} {}", MONTHS[m as usize - 1], k.0),
        (Zoom::Month, _) => format!("{} (month unknown)", k.0),
        _ => k.0.to_string(),
    }
}

/// Where a bucket leads when chosen: one step finer.
fn zoom_in(zoom: Zoom, k: Key) -> Option<Route> {
    match zoom {
        Zoom::Decade => {
            Some(Route::Timeline { by: Zoom::Year, from: Some(k.0), to: Some(k.0 + 9), at: None })
        }
        Zoom::Year => Some(Route::Timeline { by: Zoom::Month, from: Some(k.0), to: Some(k.0), at: None }),
        Zoom::Month => None,
    }
}

/// The same period in the explorer, to see every article published in it.
fn explore_period(zoom: Zoom, k: Key) -> Route {
    let mut e = Explore::default();
    let (from, to) = match (zoom, k.1) {
        (Zoom::Decade, _) => (month_of(k.0, 1), month_of(k.0 + 9, 12)),
        (Zoom::Month, m) if m > 0 => (month_of(k.0, m), month_of(k.0, m)),
        _ => (month_of(k.0, 1), month_of(k.0, 12)),
    };
    e.sel.from = Some(from);
    e.sel.to = Some(to);
    e.route()
}

/// Publications listed per bucket before "see all in the explorer".
const PUBLICATIONS_SHOWN: usize = 10;
/// Mentions listed per bucket before "zoom in"; at the finest zoom, before "Show more".
const MENTIONS_SHOWN: usize = 25;
/// Periods listed before "Show more": the newest ones.
const BUCKETS_SHOWN: usize = 12;
/// Words of a sentence shown on each side of the date before it is clipped.
const CONTEXT_WORDS: usize = 20;

struct Mention {
    doc: u32,
    index: u32,
    m: &'static DateMention,
}

/// Per period: the articles published in it and the mentions of it.
type Buckets = BTreeMap<Key, (Vec<u32>, Vec<Mention>)>;

#[function_component(TimelineView)]
pub fn timeline_view(props: &Props) -> Html {
    // Quoted sentences render again when a shard arrives.
    let _ = use_context::<crate::shards::ShardsLoaded>();
    let d = data();
    let zoom = props.by;
    // Where the chart is wider than the screen (a phone), it opens at its newest end, as the
    // list below does: the oldest decades of a corpus are often its emptiest.
    let chart = use_node_ref();
    {
        let chart = chart.clone();
        // Opened at a period (a month's bar tapped), the chart keeps that period in view.
        let at = props.at;
        use_effect_with((zoom, props.from, props.to), move |_| {
            if let Some(figure) = chart.cast::<web_sys::Element>() {
                let bar = at.and_then(|_| figure.query_selector("svg > a[aria-current]").ok().flatten());
                match bar {
                    Some(bar) => {
                        let x =
                            bar.get_bounding_client_rect().left() - figure.get_bounding_client_rect().left();
                        figure.set_scroll_left(figure.scroll_left() + x as i32 - figure.client_width() / 2);
                    }
                    None => figure.set_scroll_left(figure.scroll_width()),
                }
            }
        });
    }
    // How many periods are listed, and how many mentions of each month at the finest zoom.
    // (Another zoom or period is another view: the app keys this one by its route.)
    let mentions_shown = use_state_eq(HashMap::<Key, usize>::new);
    // Grouped once per zoom and period, not again for "Show more" or a shard arriving.
    let buckets = use_memo((zoom, props.from, props.to), |&(zoom, from, to)| buckets_of(d, zoom, from, to));
    // The period a date in an article led to: listed (however far down), scrolled to, marked.
    let here =
        props.at.map(|(y, m)| key(zoom, &PartialDate { year: y, month: (m > 0).then_some(m), day: None }));
    let buckets_shown = {
        let listed_to = |h: Key| {
            buckets.iter().filter(|(k, (p, m))| **k >= h && (!p.is_empty() || !m.is_empty())).count()
        };
        let needed = here.map_or(0, listed_to);
        use_state_eq(|| BUCKETS_SHOWN.max(needed))
    };
    use_effect_with(here, |here| {
        // (A reload puts the reader back where they were instead.)
        if here.is_some() && !crate::scroll_memory::pending() {
            match crate::location::root().query_selector("#rr-tl-at") {
                Ok(Some(at)) => crate::location::scroll_to(&at, web_sys::ScrollLogicalPosition::Start),
                _ => crate::location::to_top(),
            }
        }
    });

    let zoom_link = |z: Zoom, label: &str| {
        // Zooming out keeps the period in view; decades show everything.
        let (from, to) = match z {
            Zoom::Decade => (None, None),
            _ => (props.from, props.to),
        };
        let current = (z == zoom).then_some("page");
        html! { <a href={ Route::Timeline { by: z, from, to, at: None }.href() } aria-current={ current }>{ label.to_string() }</a> }
    };
    let period = match (props.from, props.to) {
        (Some(f), Some(t)) if f == t => f.to_string(),
        (Some(f), Some(t)) => format!("{f}–{t}"),
        (Some(f), None) => format!("from {f}"),
        (None, Some(t)) => format!("until {t}"),
        (None, None) => String::new(),
    };

    // Each half on its own scale: an archive publishes a few pieces a year and mentions dozens
    // of dates, and on one scale the publications drew as a pixel or two.
    let max_of = |count: fn(&(Vec<u32>, Vec<Mention>)) -> usize| {
        buckets.values().map(count).max().unwrap_or(1).max(1) as f64
    };
    let (max_pub, max_mention) = (max_of(|(p, _)| p.len()), max_of(|(_, m)| m.len()));
    let n = buckets.len().max(1);
    // A unit is a CSS pixel wherever the chart is wider than its column (the stylesheet lets it
    // grow to the column, never shrink below its width), so its labels stay readable: a long
    // span scrolls sideways rather than shrink to fit. Its buckets narrow past 30 of them, and
    // the labels thin out to fit them.
    let unit = if n <= 30 { 24.0 } else { 16.0 };
    let (w, h) = ((unit * n as f64).max(720.0), 140.0);
    let mid = (h - 12.0) / 2.0;
    // A period with anything in it shows, however little beside the largest.
    let height = |n: usize, max: f64| if n == 0 { 0.0 } else { (n as f64 / max * (mid - 4.0)).max(2.0) };
    let bw = w / n as f64;
    let labels = axis_labels(zoom, &buckets.keys().copied().collect::<Vec<_>>(), bw);
    let bar = (bw * 0.6).min(28.0);
    let overview = buckets.iter().zip(labels).enumerate().map(|(i, ((k, (pubs, mentions)), axis))| {
        let x = i as f64 * bw;
        let up = height(pubs.len(), max_pub);
        let down = height(mentions.len(), max_mention);
        let label = key_label(zoom, *k);
        let title = format!("{label}: {} published, {} mentioned", pubs.len(), mentions.len());
        let bars = html! {
            <>
                <title>{ title }</title>
                <rect class="rr-tl-hit" x={ x.to_string() } y="0" width={ bw.to_string() } height={ h.to_string() } />
                <rect class="rr-tl-pub" x={ (x + (bw - bar) / 2.0).to_string() } y={ (mid - up).to_string() } width={ bar.to_string() } height={ up.to_string() } />
                <rect class="rr-tl-event" x={ (x + (bw - bar) / 2.0).to_string() } y={ mid.to_string() } width={ bar.to_string() } height={ down.to_string() } />
            </>
        };
        // The axis's label stands beside its bar's link, not in it: "Jul" is not the link's
        // name ("Go to July 2005 in the list"), and a name must hold the words it shows.
        let axis = match axis {
            // A first label wider than half its bucket starts at the axis's start rather than
            // run off it.
            Some(axis) if i == 0 && bw < 48.0 => html! {
                <text x={ x.to_string() } y={ (h - 2.0).to_string() } text-anchor="start" aria-hidden="true">{ axis }</text>
            },
            Some(axis) => html! {
                <text x={ (x + bw / 2.0).to_string() } y={ (h - 2.0).to_string() } text-anchor="middle" aria-hidden="true">{ axis }</text>
            },
            None => html! {},
        };
        // A period with nothing in it is no link: zooming in led to an empty chart, and the
        // years from 1960 had made 59 tab stops, 40 of them empty.
        // By the month, a bar cannot zoom further: it goes to its month in the list below.
        let target = match zoom_in(zoom, *k) {
            Some(r) => Some((r, format!("Zoom into {label}"))),
            None => Some((
                Route::Timeline { by: zoom, from: props.from, to: props.to, at: Some(*k) },
                format!("Go to {label} in the list"),
            )),
        };
        let bars = match target.filter(|_| !pubs.is_empty() || !mentions.is_empty()) {
            Some((r, name)) => {
                let current = (here == Some(*k)).then_some("true");
                html! { <a href={ r.href() } aria-label={ name } aria-current={ current }>{ bars }</a> }
            }
            None => html! { <g>{ bars }</g> },
        };
        html! { <>{ bars }{ axis }</> }
    });

    // The periods with something in them, newest first; the empty ones only keep the chart's
    // axis whole.
    let periods: Vec<_> = buckets.iter().rev().filter(|(_, (p, m))| !p.is_empty() || !m.is_empty()).collect();
    let unlisted = left(periods.len(), *buckets_shown);
    let more_mentions = |k: Key, shown: usize| {
        let mentions_shown = mentions_shown.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*mentions_shown).clone();
            next.insert(k, shown + MENTIONS_SHOWN);
            mentions_shown.set(next);
        })
    };
    let more_buckets = {
        let buckets_shown = buckets_shown.clone();
        Callback::from(move |_: MouseEvent| buckets_shown.set(*buckets_shown + BUCKETS_SHOWN))
    };
    let list = periods.iter().take(*buckets_shown).map(|&(k, (pubs, mentions))| {
        let label = key_label(zoom, *k);
        let shown = mentions_shown.get(k).copied().unwrap_or(MENTIONS_SHOWN);
        let unshown = left(mentions.len(), shown);
        let more = more_label(unshown, MENTIONS_SHOWN);
        let mention_items = mentions.iter().map(|x| {
            // The sentence is in the body: from a shard, once it has arrived.
            let (a, _) = crate::shards::article(x.doc);
            let texts: Vec<&str> = a.body_texts().collect();
            let quote = texts.get(x.m.paragraph as usize).map(|t| sentence_with_mark(t, x.m)).unwrap_or_default();
            let href = Route::Article { slug: a.slug.clone(), from: Explore::default(), at: Some(x.index) }.href();
            // A date after the piece was written is a plan or a forecast: said so, with the year
            // it was seen from ("2042", in an address of 2005).
            let ahead = x.m.ahead_of(&a.date);
            html! {
                <li class="rr-tl-mention">
                    <span class="rr-tl-date">
                        { &x.m.label }
                        if ahead {
                            <span class="rr-tl-ahead">{ format!("looking ahead from {}", a.date.year) }</span>
                        }
                    </span>
                    if let Some(e) = x.m.entity {
                        <a class="rr-chip" href={ entity_route(e).href() }>{ &d.index.entities[e as usize].name }</a>
                    }
                    <a class="rr-tl-sentence" href={ href }>
                        <q>{ quote }</q>
                        <cite>{ format!(" — {}", cite(&a.title, &a.date)) }</cite>
                    </a>
                </li>
            }
        });
        let pub_items = pubs.iter().take(PUBLICATIONS_SHOWN).map(|&doc| {
            let a = &d.index.articles[doc as usize];
            html! {
                <li>
                    <time datetime={ a.date.iso() }>{ a.date.to_string() }</time>{ " " }
                    <a href={ Route::article(&a.slug).href() }>{ &a.title }</a>
                </li>
            }
        });
        let is_here = here == Some(*k);
        html! {
            <li class={ classes!("rr-tl-bucket", is_here.then_some("rr-tl-here")) } id={ is_here.then_some("rr-tl-at") }
                aria-current={ is_here.then_some("true") }>
                <@{crate::heading::h(2)} class="rr-tl-period">
                    if let Some(r) = zoom_in(zoom, *k) { <a href={ r.href() }>{ &label }</a> } else { { &label } }
                </@>
                if !mentions.is_empty() {
                    <@{crate::heading::h(3)} class="rr-label">{ format!("Mentioned in the articles ({})", mentions.len()) }</@>
                    <ul class="rr-tl-mentions">{ for mention_items.take(shown) }</ul>
                    if mentions.len() > MENTIONS_SHOWN {
                        if let Some(r) = zoom_in(zoom, *k) {
                            <a href={ r.href() }>{ format!("Zoom into {label} for all {} mentions", mentions.len()) }</a>
                        } else {
                            { more_button(unshown, more.clone(), Some(format!("{more} mentions of {label}")), more_mentions(*k, shown)) }
                        }
                    }
                }
                if !pubs.is_empty() {
                    <@{crate::heading::h(3)} class="rr-label">{ format!("Published ({})", pubs.len()) }</@>
                    <ul class="rr-tl-pubs">{ for pub_items }</ul>
                    if pubs.len() > PUBLICATIONS_SHOWN {
                        <a href={ explore_period(zoom, *k).href() }>{ all_articles_of(&buckets, zoom, *k, pubs.len(), &label) }</a>
                    }
                }
            </li>
        }
    });

    html! {
        <section class="rr-timeline" aria-labelledby="rr-tl-h">
            <@{crate::heading::h(1)} id="rr-tl-h" class="rr-section-title">
                { "Timeline" }
                if !period.is_empty() { { format!(" · {period}") } }
            </@>
            <p class="rr-lede">{ "When the articles were published, and when the events they mention happened." }</p>
            <nav class="rr-sort rr-zoom" aria-label="Zoom">
                { zoom_link(Zoom::Decade, "Decades") }
                { zoom_link(Zoom::Year, "Years") }
                { zoom_link(Zoom::Month, "Months") }
            </nav>
            if buckets.values().all(|(p, m)| p.is_empty() && m.is_empty()) {
                <p class="rr-empty">{ "Nothing in this period." }</p>
            } else {
                // Focusable so that keyboard users can scroll it sideways on a phone, even when
                // none of its bars is a link.
                <figure class="rr-tl-overview" ref={ chart } tabindex="0" aria-label="Timeline chart">
                    <svg viewBox={ format!("0 0 {w} {h}") } width={ w.to_string() } height={ h.to_string() } role="group" aria-label="Publications (above the line) and events mentioned (below) over time">
                        <line x1="0" x2={ w.to_string() } y1={ mid.to_string() } y2={ mid.to_string() } class="rr-tl-axis" />
                        { for overview }
                    </svg>
                    <figcaption>
                        <span class="rr-key rr-key-pub">{ "Published" }</span>
                        <span class="rr-key rr-key-event">{ "Mentioned" }</span>
                        <span class="rr-key-note">{ "each on its own scale" }</span>
                    </figcaption>
                </figure>
                <ol class="rr-tl-list">{ for list }</ol>
                { more_button(unlisted, earlier(zoom, unlisted), None, more_buckets) }
            }
        </section>
    }
}

/// The publications and mentions of each period on the axis within `from`–`to`, oldest first.
fn buckets_of(d: &'static Data, zoom: Zoom, from: Option<i32>, to: Option<i32>) -> Buckets {
    let within = |y: i32| from.is_none_or(|f| y >= f) && to.is_none_or(|t| y <= t);
    // A decade's bucket is in the period asked for if any of its years is.
    let last_year = |k: &Key| if zoom == Zoom::Decade { k.0 + 9 } else { k.0 };
    let overlaps = |k: &Key| from.is_none_or(|f| last_year(k) >= f) && to.is_none_or(|t| k.0 <= t);
    let mut buckets = Buckets::new();
    for (doc, a) in d.index.articles.iter().enumerate() {
        if within(a.date.year) {
            buckets.entry(key(zoom, &a.date)).or_default().0.push(doc as u32);
        }
        for (index, m) in a.dates.iter().enumerate() {
            for k in keys_of(zoom, &m.from, &m.to).into_iter().filter(overlaps) {
                let mention = Mention { doc: doc as u32, index: index as u32, m };
                buckets.entry(k).or_default().1.push(mention);
            }
        }
    }
    // A period asked for is drawn whole: the 2000s to 2009, a year to December.
    if let (Some(f), Some(t)) = (from, to) {
        let whole = match zoom {
            Zoom::Year if t - f < 60 => keys_between(zoom, (f, 0), (t, 0)),
            Zoom::Month if t - f < 5 => keys_between(zoom, (f, 1), (t, 12)),
            _ => Vec::new(),
        };
        for k in whole {
            buckets.entry(k).or_default();
        }
    }
    fill_gaps(zoom, &mut buckets);
    for (pubs, mentions) in buckets.values_mut() {
        pubs.sort_by_key(|&doc| d.index.articles[doc as usize].date);
        // A sentence is quoted once a period: of its mentions ("3/11 … 11 March 2004", "the 2004
        // Madrid bombings"), the one naming an event, else the most precise.
        let precision = |m: &DateMention| (m.entity.is_some(), m.from.day.is_some(), m.from.month.is_some());
        mentions
            .sort_by_key(|x| (x.doc, x.m.paragraph, x.m.sentence_start, std::cmp::Reverse(precision(x.m))));
        mentions.dedup_by_key(|x| (x.doc, x.m.paragraph, x.m.sentence_start));
        mentions.sort_by_key(|x| (x.m.from, x.m.to, x.doc, x.index));
    }
    buckets
}

/// The periods a mention's span covers at `zoom`: "between 2002 and 2004" is under 2002, 2003
/// and 2004; "the late 1990s" under 1997 to 1999; "the first half of 2017" under January to June.
/// A span of more than `MAX_SPAN` periods ("the 1960s" by year) stands under its first: ten
/// copies of one sentence would crowd a decade.
fn keys_of(zoom: Zoom, from: &PartialDate, to: &PartialDate) -> Vec<Key> {
    const MAX_SPAN: usize = 6;
    let (first, last) = (key(zoom, from), key(zoom, to));
    let keys: Vec<Key> = match zoom {
        Zoom::Decade | Zoom::Year => keys_between(zoom, first, last),
        // Known to the month at both ends: month by month.
        Zoom::Month if first.1 > 0 && last.1 > 0 => keys_between(zoom, first, last),
        // Known to the month at one end only: where that end is.
        Zoom::Month if first.1 > 0 || last.1 > 0 => vec![first],
        // Known to the year: year by year, month unknown.
        Zoom::Month => keys_between(Zoom::Year, first, last),
    };
    if keys.is_empty() || keys.len() > MAX_SPAN {
        vec![first]
    } else {
        keys
    }
}

/// The link to a period's articles in the explorer: "All 14 articles of July 2005". A month's
/// range there also keeps the articles dated only to its year (they may be from that month), so
/// the link says how many those are.
fn all_articles_of(buckets: &Buckets, zoom: Zoom, k: Key, count: usize, label: &str) -> String {
    let year_only = match (zoom, k.1) {
        (Zoom::Month, m) if m > 0 => buckets.get(&(k.0, 0)).map_or(0, |(pubs, _)| pubs.len()),
        _ => 0,
    };
    match year_only {
        0 => format!("All {count} articles of {label}"),
        n => format!("All {count} articles of {label}, with the {n} dated only {}", k.0),
    }
}

/// How many of `total` are not shown yet.
fn left(total: usize, shown: usize) -> usize {
    total.saturating_sub(shown)
}

/// The button under the periods: "Show 12 earlier years (30 left)", "Show the 6 earlier years",
/// "Show the earlier year".
fn earlier(zoom: Zoom, left: usize) -> String {
    let unit = match zoom {
        Zoom::Decade => "decade",
        Zoom::Year => "year",
        Zoom::Month => "month",
    };
    match left {
        1 => format!("Show the earlier {unit}"),
        n if n <= BUCKETS_SHOWN => format!("Show the {n} earlier {unit}s"),
        n => format!("Show {BUCKETS_SHOWN} earlier {unit}s ({n} left)"),
    }
}

/// The axis label under each bucket of `width` units (CSS pixels at the least), if it has one,
/// in 10px text. Decades are labelled "1990s" where that fits, else every fifth. Years are
/// labelled "’05" where that fits, else every fifth year in full. Months are labelled by their
/// year where a year begins (and where the axis does), so that no month stands without its year
/// ("’84" for a year of one bucket), and by their name between, where that fits. A year's
/// mentions without a month ("2005") sit before its January, as its first bucket.
fn axis_labels(zoom: Zoom, keys: &[Key], width: f64) -> Vec<Option<String>> {
    // The widest label each needs, with a gap: "1990s", "’05", "Sep".
    let (decades_fit, short_fit) = (width >= 32.0, width >= 22.0);
    keys.iter()
        .enumerate()
        .map(|(i, &(y, m))| match zoom {
            Zoom::Decade if decades_fit => Some(format!("{y}s")),
            Zoom::Decade => (y.rem_euclid(50) == 0).then(|| format!("{y}s")),
            Zoom::Year if short_fit => Some(format!("’{:02}", y.rem_euclid(100))),
            Zoom::Year => (y.rem_euclid(5) == 0).then(|| y.to_string()),
            Zoom::Month => {
                let starts = |j: usize| j == 0 || keys[j - 1].0 != keys[j].0;
                let year_starts = starts(i);
                // A year's full number is wider than its bucket: where the axis skips from year
                // to year, the label before or after would run into it, so it reads "’84".
                let crowded = (i > 0 && starts(i - 1)) || keys.get(i + 1).is_none_or(|next| next.0 != y);
                if year_starts && crowded && keys.len() > 1 {
                    Some(format!("’{:02}", y.rem_euclid(100)))
                } else if year_starts {
                    Some(y.to_string())
                } else if short_fit && m > 0 {
                    Some(MONTHS[m as usize - 1][..3].to_string())
                } else {
                    None
                }
            }
        })
        .collect()
}

/// Every bucket of `zoom` from `first` to `last`, both included; by the month, a year's bucket
/// of unknown month stands for its January.
fn keys_between(zoom: Zoom, first: Key, last: Key) -> Vec<Key> {
    match zoom {
        Zoom::Decade => (first.0..=last.0).step_by(10).map(|y| (y, 0)).collect(),
        Zoom::Year => (first.0..=last.0).map(|y| (y, 0)).collect(),
        Zoom::Month => {
            let (a, b) = (first.0 * 12 + i32::from(first.1.max(1)), last.0 * 12 + i32::from(last.1.max(1)));
            (a..=b).map(|m| ((m - 1).div_euclid(12), ((m - 1).rem_euclid(12) + 1) as u8)).collect()
        }
    }
}

/// Empty buckets between the first and the last, so that the axis keeps time's proportions,
/// unless that would make it too long to read.
fn fill_gaps<T: Default>(zoom: Zoom, buckets: &mut BTreeMap<Key, T>) {
    const MAX_BUCKETS: i32 = 60;
    let (Some(first), Some(last)) = (buckets.keys().next().copied(), buckets.keys().last().copied()) else {
        return;
    };
    let keys = keys_between(zoom, first, last);
    if keys.len() as i32 <= MAX_BUCKETS {
        for k in keys {
            buckets.entry(k).or_default();
        }
    }
}

/// The mention's sentence with the date expression marked, clipped to some words either side.
fn sentence_with_mark(text: &str, m: &DateMention) -> Html {
    let (s, a, b, e) = (m.sentence_start as usize, m.start as usize, m.end as usize, m.sentence_end as usize);
    let (Some(before), Some(date), Some(after)) = (text.get(s..a), text.get(a..b), text.get(b..e)) else {
        return html! {};
    };
    let words: Vec<&str> = before.split_inclusive(char::is_whitespace).collect();
    let before = if words.len() > CONTEXT_WORDS {
        format!("… {}", words[words.len() - CONTEXT_WORDS..].concat())
    } else {
        before.to_string()
    };
    let words: Vec<&str> = after.split_inclusive(char::is_whitespace).collect();
    let after = if words.len() > CONTEXT_WORDS {
        format!("{}…", words[..CONTEXT_WORDS].concat())
    } else {
        after.to_string()
    };
    html! { <>{ before }<mark>{ date }</mark>{ after }</> }
}

/// A quoted piece named with when it was written: "Have our defences? (7 July 2017)", in
/// brackets since a title ends with "?" as often as not. A title that carries its year
/// already ("State of the Union: George W. Bush, 2005") is not followed by it again.
fn cite(title: &str, date: &PartialDate) -> String {
    if title.contains(&date.year.to_string()) {
        title.to_string()
    } else {
        format!("{title} ({date})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_is_cited_with_its_date_unless_its_title_carries_the_year() {
        let date = PartialDate::parse("2017-07-07").unwrap();
        assert_eq!(cite("Have our defences?", &date), "Have our defences? (7 July 2017)");
        let address = PartialDate::parse("2005-02-02").unwrap();
        assert_eq!(
            cite("State of the Union: George W. Bush, 2005", &address),
            "State of the Union: George W. Bush, 2005"
        );
    }

    #[test]
    fn a_span_stands_under_every_period_it_covers() {
        let d = |s: &str| PartialDate::parse(s).unwrap();
        assert_eq!(keys_of(Zoom::Year, &d("2002"), &d("2004")), [(2002, 0), (2003, 0), (2004, 0)]);
        assert_eq!(keys_of(Zoom::Year, &d("1997"), &d("1999")), [(1997, 0), (1998, 0), (1999, 0)]);
        assert_eq!(keys_of(Zoom::Decade, &d("1997"), &d("2004")), [(1990, 0), (2000, 0)]);
        assert_eq!(keys_of(Zoom::Month, &d("2017-01"), &d("2017-06")).len(), 6);
        assert_eq!(
            keys_of(Zoom::Month, &d("2016-11"), &d("2017-02")),
            [(2016, 11), (2016, 12), (2017, 1), (2017, 2)]
        );
        assert_eq!(
            keys_of(Zoom::Month, &d("1960"), &d("1969")),
            [(1960, 0)],
            "a decade stands under its first year"
        );
        assert_eq!(keys_of(Zoom::Year, &d("1960"), &d("1969")), [(1960, 0)]);
        assert_eq!(keys_of(Zoom::Month, &d("2005-07-07"), &d("2005-07-07")), [(2005, 7)]);
        assert_eq!(keys_of(Zoom::Month, &d("2016-11"), &d("2017")), [(2016, 11)], "a month at one end only");
        assert_eq!(
            keys_of(Zoom::Year, &d("1800"), &d("1899")),
            [(1800, 0)],
            "a century stands under its first year"
        );
    }

    #[test]
    fn every_month_on_the_axis_can_be_told_its_year() {
        let keys = [(1984, 0), (2001, 9), (2005, 0), (2005, 7), (2005, 12), (2017, 3)];
        let labels = axis_labels(Zoom::Month, &keys, 24.0);
        let shown: Vec<&str> = labels.iter().map(|l| l.as_deref().unwrap_or("")).collect();
        assert_eq!(shown, ["’84", "’01", "’05", "Jul", "Dec", "’17"]);
        // Crowded: only where a year starts.
        let labels = axis_labels(Zoom::Month, &keys, 16.0);
        let shown: Vec<&str> = labels.iter().map(|l| l.as_deref().unwrap_or("")).collect();
        assert_eq!(shown, ["’84", "’01", "’05", "", "", "’17"]);
        // A year of several months after another's: in full.
        let keys = [(2004, 11), (2005, 1), (2005, 7)];
        let shown: Vec<Option<String>> = axis_labels(Zoom::Month, &keys, 24.0);
        assert_eq!(shown, [Some("’04".into()), Some("’05".into()), Some("Jul".into())]);
        let keys = [(2004, 11), (2004, 12), (2005, 1), (2005, 7)];
        let shown: Vec<Option<String>> = axis_labels(Zoom::Month, &keys, 24.0);
        assert_eq!(shown, [Some("2004".into()), Some("Dec".into()), Some("2005".into()), Some("Jul".into())]);
    }

    #[test]
    fn crowded_years_are_labelled_every_fifth() {
        let keys: Vec<Key> = (1998..=2006).map(|y| (y, 0)).collect();
        let labels = axis_labels(Zoom::Year, &keys, 16.0);
        assert_eq!(labels.iter().flatten().collect::<Vec<_>>(), ["2000", "2005"]);
        assert_eq!(axis_labels(Zoom::Year, &keys, 24.0)[0].as_deref(), Some("’98"));
        // Decades too: at 24 units "1990s" does not fit, so every fifth.
        let decades: Vec<Key> = (180..=201).map(|d| (d * 10, 0)).collect();
        let shown: Vec<String> = axis_labels(Zoom::Decade, &decades, 24.0).into_iter().flatten().collect();
        assert_eq!(shown, ["1800s", "1850s", "1900s", "1950s", "2000s"]);
        assert_eq!(axis_labels(Zoom::Decade, &decades, 33.0).iter().flatten().count(), 22);
    }
}
