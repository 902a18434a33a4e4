//! Facets: year, outlet, kind, topic, person, organisation/group and place, with live counts.
//!
//! Values within one facet are ORed, facets are ANDed, and each facet's counts are computed as
//! if its own selection were lifted, so a reader sees what choosing another value would give.
//! One pass over the query's hits does it all: an article failing no facet is a result and
//! counts everywhere; an article failing exactly one facet counts only in that facet. The
//! histogram of publication months is the date range's "facet": it follows the query and the
//! other facets, not the range itself.

use crate::entities::entity_term;
use crate::index::{Field, Index};

/// The facets, in the order the app shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Year = 0,
    Outlet = 1,
    Kind = 2,
    /// Who wrote it, as its byline says (not who it mentions: that is `Person`).
    Author = 3,
    Topic = 4,
    Person = 5,
    Org = 6,
    Place = 7,
}

pub const FACET_COUNT: usize = 8;

impl Facet {
    pub const ALL: [Facet; FACET_COUNT] = [
        Facet::Year,
        Facet::Outlet,
        Facet::Kind,
        Facet::Author,
        Facet::Topic,
        Facet::Person,
        Facet::Org,
        Facet::Place,
    ];

    /// The URL key (DESIGN.md §5).
    pub fn key(self) -> &'static str {
        ["year", "outlet", "kind", "author", "topic", "person", "org", "place"][self as usize]
    }

    pub fn label(self) -> &'static str {
        ["Year", "Outlet", "Kind", "Author", "Topic", "People", "Organisations and groups", "Places"]
            [self as usize]
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The entity types a facet lists, if it lists entities.
    pub fn entity_kinds(self) -> &'static [&'static str] {
        match self {
            Facet::Person => &["person"],
            Facet::Org => &["organisation", "group"],
            Facet::Place => &["place"],
            _ => &[],
        }
    }
}

/// A month as a single number (year × 12 + month − 1), for ranges and histograms.
pub type Month = i32;

pub fn month_of(year: i32, month: u8) -> Month {
    year * 12 + i32::from(month) - 1
}

pub fn month_parts(m: Month) -> (i32, u8) {
    (m.div_euclid(12), (m.rem_euclid(12) + 1) as u8)
}

/// Parses a range end, `YYYY` or `YYYY-MM`. A year alone means its first month as a start and
/// its last as an end, so `from=2017&to=2017` is the whole of 2017.
pub fn parse_month(s: &str, end: bool) -> Option<Month> {
    let (y, m) = match s.split_once('-') {
        Some((y, m)) => (y, Some(m)),
        None => (s, None),
    };
    if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = y.parse().ok()?;
    let month = match m {
        Some(m) if m.len() == 2 => m.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?,
        Some(_) => return None,
        None if end => 12,
        None => 1,
    };
    Some(month_of(year, month))
}

pub fn format_month(m: Month) -> String {
    let (y, m) = month_parts(m);
    format!("{y:04}-{m:02}")
}

/// Each article's values for each facet, built once when the index loads.
#[derive(Debug, Clone)]
pub struct FacetIndex {
    /// Per facet, its values' display names.
    pub values: [Vec<String>; FACET_COUNT],
    /// Per facet, for entity facets, the entity id of each value.
    pub value_entity: [Vec<u32>; FACET_COUNT],
    /// Per facet, compressed rows: the values of article `d` are `ids[starts[d]..starts[d + 1]]`.
    starts: [Vec<u32>; FACET_COUNT],
    ids: [Vec<u32>; FACET_COUNT],
    /// Per article, its publication month. A date known only to the year stands at its first
    /// month, as it sorts before the year's months everywhere else.
    pub months: Vec<Month>,
    /// Per article, the last month its date may be: its month, or December of a date known only
    /// to the year. A range keeps an article whose date may fall in it: "Feb–Dec 2017" keeps
    /// one dated "2017", which its January would have dropped without a word.
    last_months: Vec<Month>,
    /// The corpus's first and last publication months.
    pub span: Option<(Month, Month)>,
    /// Per entity (of any type), the articles mentioning it and how often, in article order.
    /// A topic that names it is a tag, not a mention: an article only tagged with it is listed
    /// with no mentions (it belongs under the entity's facet value, but its text does not name
    /// it). Its other metadata (authors, summary, issue) are text and count.
    pub entity_docs: Vec<Vec<(u32, u32)>>,
    /// Per article, the entities it mentions.
    pub doc_entities: Vec<Vec<u32>>,
    /// Per facet, every value's count over the whole corpus, and articles per month from
    /// `span.0`: a query that matches most of the corpus is counted from these, less the
    /// articles it does not match.
    totals: [Vec<u32>; FACET_COUNT],
    total_months: Vec<u32>,
    /// Per facet, each value's place in its values sorted by name: lists sort on integers, not
    /// on strings (people and topics tie on small counts all the time).
    name_rank: [Vec<u32>; FACET_COUNT],
}

impl FacetIndex {
    pub fn new(index: &Index) -> Self {
        // Built straight into compressed rows, without a string or a vector per article: at
        // 100,000 articles this runs at start-up, before the first search.
        let n = index.articles.len();
        let mut values: [Vec<String>; FACET_COUNT] = Default::default();
        let mut value_entity: [Vec<u32>; FACET_COUNT] = Default::default();
        let mut starts: [Vec<u32>; FACET_COUNT] = std::array::from_fn(|_| {
            let mut v = Vec::with_capacity(n + 1);
            v.push(0);
            v
        });
        let mut ids: [Vec<u32>; FACET_COUNT] = Default::default();

        // Metadata facets: distinct values, numbered in order of first sight (newest first).
        for facet in [Facet::Year, Facet::Outlet, Facet::Kind, Facet::Author, Facet::Topic] {
            let f = facet as usize;
            let mut by_name: std::collections::HashMap<&str, u32> = Default::default();
            let mut by_year: std::collections::HashMap<i32, u32> = Default::default();
            let mut found: Vec<u32> = Vec::new();
            for a in &index.articles {
                let row = ids[f].len();
                found.clear();
                if facet == Facet::Year {
                    let next = values[f].len() as u32;
                    found.push(*by_year.entry(a.date.year).or_insert_with(|| {
                        values[f].push(a.date.year.to_string());
                        next
                    }));
                } else {
                    let names: &[String] = match facet {
                        Facet::Outlet => std::slice::from_ref(&a.outlet),
                        Facet::Kind => std::slice::from_ref(&a.kind),
                        Facet::Author => &a.authors,
                        _ => &a.topics,
                    };
                    for name in names.iter().filter(|s| !s.trim().is_empty()) {
                        let id = match by_name.get(name.as_str()) {
                            Some(&id) => id,
                            None => {
                                let id = values[f].len() as u32;
                                values[f].push(name.clone());
                                by_name.insert(name.as_str(), id);
                                id
                            }
                        };
                        found.push(id);
                    }
                }
                for &id in &found {
                    if !ids[f][row..].contains(&id) {
                        ids[f].push(id);
                    }
                }
                starts[f].push(ids[f].len() as u32);
            }
        }

        // Entity facets: the articles an entity's mentions are posted under.
        let mut entity_docs = vec![Vec::new(); index.entities.len()];
        let mut doc_entities = vec![Vec::new(); n];
        // Per entity, its facet and value id there, when it has one.
        let mut entity_value: Vec<Option<(usize, u32)>> = vec![None; index.entities.len()];
        for (e, entity) in index.entities.iter().enumerate() {
            if let Some(term) = index.term_id(&entity_term(&entity.slug())) {
                // The entity's names, folded as a topic is compared with them.
                let names: Vec<String> = std::iter::once(entity.name.as_str())
                    .chain(entity.aliases.iter().map(|a| a.text.as_str()))
                    .map(crate::analyze::fold)
                    .collect();
                for p in index.postings.scan(term as usize) {
                    let list: &mut Vec<(u32, u32)> = &mut entity_docs[e];
                    let count = if p.field == Field::Meta as u8 {
                        let topics = &index.articles[p.doc as usize].topics;
                        let tags =
                            topics.iter().filter(|t| names.contains(&crate::analyze::fold(t.trim()))).count();
                        p.count.saturating_sub(tags as u32)
                    } else {
                        p.count
                    };
                    match list.last_mut() {
                        Some((doc, c)) if *doc == p.doc => *c += count,
                        _ => {
                            list.push((p.doc, count));
                            doc_entities[p.doc as usize].push(e as u32);
                        }
                    }
                }
            }
            let Some(facet) = [Facet::Person, Facet::Org, Facet::Place]
                .into_iter()
                .find(|f| f.entity_kinds().contains(&entity.kind.as_str()))
            else {
                continue;
            };
            if entity_docs[e].is_empty() {
                continue;
            }
            let f = facet as usize;
            entity_value[e] = Some((f, values[f].len() as u32));
            values[f].push(entity.name.clone());
            value_entity[f].push(e as u32);
        }
        for mentioned in &doc_entities {
            for f in [Facet::Person, Facet::Org, Facet::Place].map(|f| f as usize) {
                ids[f].extend(
                    mentioned
                        .iter()
                        .filter_map(|&e| entity_value[e as usize])
                        .filter(|v| v.0 == f)
                        .map(|v| v.1),
                );
                starts[f].push(ids[f].len() as u32);
            }
        }

        let months: Vec<Month> =
            index.articles.iter().map(|a| month_of(a.date.year, a.date.month.unwrap_or(1))).collect();
        let last_months =
            index.articles.iter().map(|a| month_of(a.date.year, a.date.month.unwrap_or(12))).collect();
        let span = months.iter().min().zip(months.iter().max()).map(|(a, b)| (*a, *b));
        let totals = std::array::from_fn(|f| {
            let mut c = vec![0u32; values[f].len()];
            for &v in &ids[f] {
                c[v as usize] += 1;
            }
            c
        });
        let (first, last) = span.unwrap_or((0, 0));
        let mut total_months = vec![0u32; (last - first + 1).max(0) as usize];
        for &m in &months {
            total_months[(m - first) as usize] += 1;
        }
        let name_rank = std::array::from_fn(|f| {
            let names = &values[f];
            let mut order: Vec<u32> = (0..names.len() as u32).collect();
            order.sort_unstable_by(|&a, &b| names[a as usize].cmp(&names[b as usize]).then(a.cmp(&b)));
            let mut rank = vec![0u32; names.len()];
            for (r, v) in order.into_iter().enumerate() {
                rank[v as usize] = r as u32;
            }
            rank
        });
        Self {
            values,
            value_entity,
            starts,
            ids,
            months,
            last_months,
            span,
            entity_docs,
            doc_entities,
            totals,
            total_months,
            name_rank,
        }
    }

    /// The values article `doc` has in `facet`.
    pub fn doc_values(&self, facet: Facet, doc: u32) -> &[u32] {
        let f = facet as usize;
        let (s, e) = (self.starts[f][doc as usize] as usize, self.starts[f][doc as usize + 1] as usize);
        &self.ids[f][s..e]
    }

    /// The id of a value by its name.
    pub fn value_id(&self, facet: Facet, name: &str) -> Option<u32> {
        self.values[facet as usize].iter().position(|v| v == name).map(|i| i as u32)
    }
}

/// What the reader has chosen: values per facet (by name, as in the URL) and a month range.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Selection {
    pub values: [Vec<String>; FACET_COUNT],
    pub from: Option<Month>,
    pub to: Option<Month>,
}

impl Selection {
    pub fn is_empty(&self) -> bool {
        self.values.iter().all(Vec::is_empty) && self.from.is_none() && self.to.is_none()
    }
}

/// The outcome of applying a selection to a query's hits.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    /// The hits that pass every facet and the range, in the order given.
    pub docs: Vec<u32>,
    /// Per facet, `(value id, count)` for every value with a count or a selection, by count
    /// (then name); selected values always listed.
    pub counts: [Vec<(u32, u32)>; FACET_COUNT],
    /// Articles per month from `span.0`, over the hits that pass every facet (the range lifted).
    pub months: Vec<u32>,
}

const RANGE_BIT: u32 = 1 << FACET_COUNT;

/// Applies `sel` to `hits` (article ids, in result order).
pub fn tally(fi: &FacetIndex, hits: impl IntoIterator<Item = u32>, sel: &Selection) -> Tally {
    let hits: Vec<u32> = hits.into_iter().collect();
    tally_docs(fi, &hits, sel)
}

/// The hits that pass every facet and the range, in the order given: [`tally`]'s `docs`
/// without its counts, for when nothing shows them (the facets folded away on a phone).
pub fn narrow(fi: &FacetIndex, hits: impl IntoIterator<Item = u32>, sel: &Selection) -> Vec<u32> {
    let hits: Vec<u32> = hits.into_iter().collect();
    narrow_docs(fi, hits, sel)
}

#[inline(never)]
fn narrow_docs(fi: &FacetIndex, hits: Vec<u32>, sel: &Selection) -> Vec<u32> {
    if sel.is_empty() {
        return hits;
    }
    let chosen = chosen_tables(fi, sel);
    let range = (sel.from.unwrap_or(Month::MIN), sel.to.unwrap_or(Month::MAX));
    hits.into_iter().filter(|&doc| failed(fi, &chosen, range, doc) == 0).collect()
}

/// Per facet, a membership table of the selected value ids; a selected name the corpus lacks
/// selects nothing, so a pasted link with a stale value gives no results rather than all.
fn chosen_tables(fi: &FacetIndex, sel: &Selection) -> Vec<Option<Vec<bool>>> {
    Facet::ALL
        .iter()
        .map(|&f| {
            let names = &sel.values[f as usize];
            (!names.is_empty()).then(|| {
                let mut table = vec![false; fi.values[f as usize].len()];
                for id in names.iter().filter_map(|n| fi.value_id(f, n)) {
                    table[id as usize] = true;
                }
                table
            })
        })
        .collect()
}

/// The facets (bit per facet) and the range ([`RANGE_BIT`]) an article fails.
fn failed(fi: &FacetIndex, chosen: &[Option<Vec<bool>>], (lo, hi): (Month, Month), doc: u32) -> u32 {
    let mut fails = 0u32;
    for (f, table) in chosen.iter().enumerate() {
        if let Some(table) = table {
            if !fi.doc_values(Facet::ALL[f], doc).iter().any(|&v| table[v as usize]) {
                fails |= 1 << f;
            }
        }
    }
    if fi.last_months[doc as usize] < lo || fi.months[doc as usize] > hi {
        fails |= RANGE_BIT;
    }
    fails
}

/// [`tally`]'s work, not generic: it is compiled here, with the search core's optimisations,
/// rather than in each caller (the app is optimised for size, which made every keystroke's
/// facet counting several times slower).
#[inline(never)]
fn tally_docs(fi: &FacetIndex, hits: &[u32], sel: &Selection) -> Tally {
    let chosen = chosen_tables(fi, sel);
    let range = (sel.from.unwrap_or(Month::MIN), sel.to.unwrap_or(Month::MAX));
    let filtered = !sel.is_empty();
    if !filtered && hits.len() * 2 > fi.months.len() {
        return tally_most(fi, hits, chosen);
    }
    let first = fi.span.map_or(0, |s| s.0);
    let mut months = vec![0u32; fi.total_months.len()];
    let mut docs = Vec::new();
    // Per hit, the facets (and the range) it fails: none when nothing is chosen, the common case
    // while a reader types.
    let mut failing = vec![0u32; if filtered { hits.len() } else { 0 }];
    for (i, &doc) in hits.iter().enumerate() {
        let fails = if filtered { failed(fi, &chosen, range, doc) } else { 0 };
        // The histogram lifts the range: it shows what widening it would bring.
        if fails & !RANGE_BIT == 0 {
            months[(fi.months[doc as usize] - first) as usize] += 1;
        }
        if fails == 0 {
            docs.push(doc);
        }
        if filtered {
            failing[i] = fails;
        }
    }
    // One facet at a time, so that its rows and its counts stay in cache.
    let counts: [Vec<u32>; FACET_COUNT] = std::array::from_fn(|f| {
        let mut c = vec![0u32; fi.values[f].len()];
        for (i, &doc) in hits.iter().enumerate() {
            // Counted here if it fails no facet but (perhaps) this one.
            if filtered && failing[i] & !(1 << f) != 0 {
                continue;
            }
            for &v in fi.doc_values(Facet::ALL[f], doc) {
                c[v as usize] += 1;
            }
        }
        c
    });
    Tally { docs, counts: listed(fi, &counts, &chosen), months }
}

/// Nothing chosen, and the hits are most of the corpus (the first letter of a query, a common
/// word): the corpus's totals less the articles not hit, which are fewer.
fn tally_most(fi: &FacetIndex, hits: &[u32], chosen: Vec<Option<Vec<bool>>>) -> Tally {
    let mut hit = vec![false; fi.months.len()];
    for &doc in hits {
        hit[doc as usize] = true;
    }
    let missed: Vec<u32> = (0..hit.len() as u32).filter(|&d| !hit[d as usize]).collect();
    let first = fi.span.map_or(0, |s| s.0);
    let mut months = fi.total_months.clone();
    for &d in &missed {
        months[(fi.months[d as usize] - first) as usize] -= 1;
    }
    let counts: [Vec<u32>; FACET_COUNT] = std::array::from_fn(|f| {
        let mut c = fi.totals[f].clone();
        for &d in &missed {
            for &v in fi.doc_values(Facet::ALL[f], d) {
                c[v as usize] -= 1;
            }
        }
        c
    });
    Tally { docs: hits.to_vec(), counts: listed(fi, &counts, &chosen), months }
}

/// `list` (a facet's `(value, count)` in display order) with the values that are entities the
/// search named (`entities`, sorted: [`crate::search::Results::entities`]) first, the rest in
/// order: a search for "Aznar" lists José María Aznar at the head of the people, not behind
/// "Show more" among the names that come before his with as many articles.
pub fn named_first(fi: &FacetIndex, facet: Facet, list: &[(u32, u32)], entities: &[u32]) -> Vec<(u32, u32)> {
    let of = &fi.value_entity[facet as usize];
    let named = |v: u32| of.get(v as usize).is_some_and(|e| entities.binary_search(e).is_ok());
    let (mut first, rest): (Vec<_>, Vec<_>) = list.iter().partition(|&&(v, _)| named(v));
    first.extend(rest);
    first
}

/// Per facet, `(value, count)` for the values counted or chosen, in display order.
fn listed(
    fi: &FacetIndex,
    counts: &[Vec<u32>; FACET_COUNT],
    chosen: &[Option<Vec<bool>>],
) -> [Vec<(u32, u32)>; FACET_COUNT] {
    std::array::from_fn(|f| {
        let table = &chosen[f];
        let mut list: Vec<(u32, u32)> = counts[f]
            .iter()
            .enumerate()
            .filter(|&(v, &c)| c > 0 || table.as_ref().is_some_and(|t| t[v]))
            .map(|(v, &c)| (v as u32, c))
            .collect();
        let rank = &fi.name_rank[f];
        if Facet::ALL[f] == Facet::Year {
            // Years read best in time order, newest first.
            list.sort_unstable_by_key(|&(v, _)| std::cmp::Reverse(rank[v as usize]));
        } else {
            // Most articles first, then by name. Ranks are distinct: the order is total, and an
            // unstable sort the same.
            list.sort_unstable_by_key(|&(v, c)| (u64::from(!c) << 32) | u64::from(rank[v as usize]));
        }
        list
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::Analyzer;
    use crate::entities::{Alias, Entity};
    use crate::index::IndexBuilder;
    use crate::model::{Article, Block};
    use crate::PartialDate;

    /// Neil Basu, Islamic State (alias Daesh), MI5, Libya: entities 0 to 3.
    fn gazetteer() -> Vec<Entity> {
        vec![
            Entity { date: None, name: "Neil Basu".into(), kind: "person".into(), aliases: vec![] },
            Entity {
                date: None,
                name: "Islamic State".into(),
                kind: "group".into(),
                aliases: vec![Alias { text: "Daesh".into(), exact_case: false }],
            },
            Entity { date: None, name: "MI5".into(), kind: "organisation".into(), aliases: vec![] },
            Entity { date: None, name: "Libya".into(), kind: "place".into(), aliases: vec![] },
        ]
    }

    fn index() -> Index {
        let mut b = IndexBuilder::new(Analyzer::english()).with_entities(gazetteer());
        let doc = |slug: &str, date: &str, outlet: &str, kind: &str, topics: &[&str], text: &str| {
            let mut a = Article::new(
                slug,
                slug,
                PartialDate::parse(date).unwrap(),
                vec![Block::Paragraph(text.into())],
            );
            a.outlet = outlet.into();
            a.kind = kind.into();
            a.topics = topics.iter().map(|t| t.to_string()).collect();
            // Two of the four by a second author too.
            a.authors = if matches!(slug, "a" | "b") {
                vec!["Jane Roe".into(), "John Doe".into()]
            } else {
                vec!["Jane Roe".into()]
            };
            a
        };
        b.add(doc("a", "2018-02", "CTC Sentinel", "interview", &["Policing"], "Neil Basu on Daesh and MI5."));
        b.add(doc("b", "2017-07-07", "Blog", "commentary", &["Policing", "London"], "MI5 after 7/7."));
        b.add(doc("c", "2017", "Blog", "comic", &[], "Daesh in Libya."));
        b.add(doc("d", "2016-09", "Newsweek", "op-ed", &["Islamic State"], "Why is Daesh able to inspire?"));
        b.finish()
    }

    fn sel(pairs: &[(Facet, &str)]) -> Selection {
        let mut s = Selection::default();
        for (f, v) in pairs {
            s.values[*f as usize].push(v.to_string());
        }
        s
    }

    fn named(fi: &FacetIndex, t: &Tally, f: Facet) -> Vec<(String, u32)> {
        t.counts[f as usize].iter().map(|&(v, c)| (fi.values[f as usize][v as usize].clone(), c)).collect()
    }

    fn slugs(ix: &Index, t: &Tally) -> Vec<String> {
        t.docs.iter().map(|&d| ix.articles[d as usize].slug.clone()).collect()
    }

    #[test]
    fn entities_the_search_named_come_first_in_their_facet() {
        let ix = index();
        let fi = FacetIndex::new(&ix);
        let t = tally(&fi, 0..4, &Selection::default());
        let f = Facet::Org;
        let names = |list: &[(u32, u32)]| -> Vec<String> {
            list.iter().map(|&(v, _)| fi.values[f as usize][v as usize].clone()).collect()
        };
        let listed = names(&t.counts[f as usize]);
        assert!(listed.len() > 1, "{listed:?}");
        // The last value listed, named by the search, goes first; the others keep their order.
        let last = *t.counts[f as usize].last().unwrap();
        let e = fi.value_entity[f as usize][last.0 as usize];
        let first = names(&named_first(&fi, f, &t.counts[f as usize], &[e]));
        assert_eq!(first[0], *listed.last().unwrap());
        assert_eq!(first[1..], listed[..listed.len() - 1]);
        // Named nothing: as listed.
        assert_eq!(names(&named_first(&fi, f, &t.counts[f as usize], &[])), listed);
    }

    #[test]
    fn most_of_the_corpus_is_counted_from_the_totals_and_agrees_with_counting_each_hit() {
        let ix = index();
        let fi = FacetIndex::new(&ix);
        // Every ordered subset of the four articles: up to two are counted hit by hit, three or
        // four from the corpus's totals less the articles missed.
        for mask in 1u32..16 {
            let hits: Vec<u32> = (0..4).rev().filter(|d| mask & (1 << d) != 0).collect();
            let t = tally(&fi, hits.iter().copied(), &Selection::default());
            assert_eq!(t.docs, hits, "the hits, in the order given");
            for f in Facet::ALL {
                let mut expected = vec![0u32; fi.values[f as usize].len()];
                for &d in &hits {
                    for &v in fi.doc_values(f, d) {
                        expected[v as usize] += 1;
                    }
                }
                for &(v, c) in &t.counts[f as usize] {
                    assert_eq!(c, expected[v as usize], "{f:?} value {v}, hits {hits:?}");
                }
                assert_eq!(t.counts[f as usize].len(), expected.iter().filter(|&&c| c > 0).count());
            }
            let mut months = vec![0u32; t.months.len()];
            for &d in &hits {
                months[(fi.months[d as usize] - fi.span.unwrap().0) as usize] += 1;
            }
            assert_eq!(t.months, months, "hits {hits:?}");
        }
    }

    #[test]
    fn counts_every_value_without_a_selection() {
        let ix = index();
        let fi = FacetIndex::new(&ix);
        let t = tally(&fi, 0..4, &Selection::default());
        assert_eq!(slugs(&ix, &t), ["a", "b", "c", "d"]);
        let s = |v: &[(&str, u32)]| v.iter().map(|(a, b)| (a.to_string(), *b)).collect::<Vec<_>>();
        assert_eq!(named(&fi, &t, Facet::Year), s(&[("2018", 1), ("2017", 2), ("2016", 1)]));
        assert_eq!(named(&fi, &t, Facet::Outlet), s(&[("Blog", 2), ("CTC Sentinel", 1), ("Newsweek", 1)]));
        assert_eq!(named(&fi, &t, Facet::Org), s(&[("Islamic State", 3), ("MI5", 2)]));
        assert_eq!(named(&fi, &t, Facet::Person), s(&[("Neil Basu", 1)]));
        assert_eq!(named(&fi, &t, Facet::Place), s(&[("Libya", 1)]));
        assert_eq!(named(&fi, &t, Facet::Author), s(&[("Jane Roe", 4), ("John Doe", 2)]), "who wrote, each");
        let by_doe = tally(&fi, 0..4, &sel(&[(Facet::Author, "John Doe")]));
        assert_eq!(slugs(&ix, &by_doe), ["a", "b"]);
        assert_eq!(
            fi.entity_docs[1],
            [(0, 1), (2, 1), (3, 1)],
            "Islamic State: its articles, and mentions in their text (d's topic is no mention)"
        );
        assert_eq!(fi.doc_entities[0], [0, 1, 2], "Basu, Islamic State, MI5");
        assert_eq!(named(&fi, &t, Facet::Topic), s(&[("Policing", 2), ("Islamic State", 1), ("London", 1)]));
        // 2016-09 .. 2018-02 by month; "2017" stands at January 2017.
        assert_eq!(t.months.len(), 18);
        assert_eq!(t.months.iter().sum::<u32>(), 4);
        assert_eq!(t.months[0], 1);
        assert_eq!(t.months[4], 1, "January 2017");
        assert_eq!(t.months[10], 1, "July 2017");
    }

    #[test]
    fn a_topic_tags_an_entity_and_other_metadata_mentions_it() {
        let mut b = IndexBuilder::new(Analyzer::english()).with_entities(gazetteer());
        let mut a = Article::new("a", "On policing", PartialDate::parse("2018").unwrap(), vec![]);
        a.topics = vec!["islamic state".into(), "Daesh".into()];
        a.authors = vec!["Neil Basu".into()];
        a.summary = Some("Why Islamic State still draws recruits.".into());
        b.add(a);
        let ix = b.finish();
        let fi = FacetIndex::new(&ix);
        // Two topics name the group (by its name and its alias, in any case): tags. Its summary
        // names it once: a mention. The author is named in the byline: a mention.
        assert_eq!(fi.entity_docs[1], [(0, 1)]);
        assert_eq!(fi.entity_docs[0], [(0, 1)]);
    }

    #[test]
    fn ors_within_a_facet_ands_across_and_lifts_its_own_selection() {
        let ix = index();
        let fi = FacetIndex::new(&ix);
        let t = tally(&fi, 0..4, &sel(&[(Facet::Year, "2017"), (Facet::Year, "2016")]));
        assert_eq!(slugs(&ix, &t), ["b", "c", "d"]);
        // The year facet still counts every year: its own selection is lifted.
        assert_eq!(named(&fi, &t, Facet::Year).len(), 3);
        // Other facets count only within the selection.
        assert_eq!(named(&fi, &t, Facet::Outlet), [("Blog".to_string(), 2), ("Newsweek".to_string(), 1)]);

        let t = tally(&fi, 0..4, &sel(&[(Facet::Year, "2017"), (Facet::Org, "Islamic State")]));
        assert_eq!(slugs(&ix, &t), ["c"]);
        // Years counted with the organisation applied, organisations with the year applied.
        assert_eq!(
            named(&fi, &t, Facet::Year),
            [("2018".to_string(), 1), ("2017".to_string(), 1), ("2016".to_string(), 1)]
        );
        assert_eq!(named(&fi, &t, Facet::Org), [("Islamic State".to_string(), 1), ("MI5".to_string(), 1)]);
    }

    #[test]
    fn ranges_filter_results_but_not_the_histogram() {
        let ix = index();
        let fi = FacetIndex::new(&ix);
        let s = Selection {
            from: parse_month("2017", false),
            to: parse_month("2017-12", true),
            ..Default::default()
        };
        let t = tally(&fi, 0..4, &s);
        assert_eq!(slugs(&ix, &t), ["b", "c"]);
        assert_eq!(t.months.iter().sum::<u32>(), 4, "the range does not narrow its own histogram");
        assert_eq!(named(&fi, &t, Facet::Outlet), [("Blog".to_string(), 2)]);
        // "c" is dated 2017 only: any range that may hold it keeps it, from its January to its
        // December; "b" (7 July 2017) only where its month is.
        for (from, to, expected) in [
            ("2017-02", "2017-12", &["b", "c"][..]),
            ("2017-12", "2018-02", &["a", "c"]),
            ("2017-08", "2017-08", &["c"]),
            ("2016-01", "2016-12", &["d"]),
            ("2018-01", "2018-12", &["a"]),
        ] {
            let s =
                Selection { from: parse_month(from, false), to: parse_month(to, true), ..Default::default() };
            assert_eq!(slugs(&ix, &tally(&fi, 0..4, &s)), expected, "{from} to {to}");
            assert_eq!(narrow(&fi, 0..4, &s), tally(&fi, 0..4, &s).docs, "narrow agrees");
        }
        // Facets narrow the histogram.
        let t = tally(&fi, 0..4, &sel(&[(Facet::Outlet, "Blog")]));
        assert_eq!(t.months.iter().sum::<u32>(), 2);
    }

    #[test]
    fn follows_the_hits_and_keeps_unknown_or_empty_selections_visible() {
        let ix = index();
        let fi = FacetIndex::new(&ix);
        let t = tally(&fi, [3, 0], &Selection::default());
        assert_eq!(slugs(&ix, &t), ["d", "a"], "result order is kept");
        let t = tally(&fi, 0..4, &sel(&[(Facet::Person, "Nobody")]));
        assert!(t.docs.is_empty(), "a value the corpus lacks selects nothing");
        let t = tally(&fi, [1], &sel(&[(Facet::Place, "Libya")]));
        assert!(t.docs.is_empty());
        assert_eq!(named(&fi, &t, Facet::Place), [("Libya".to_string(), 0)], "a selected value stays listed");
    }

    /// `narrow` is `tally`'s docs: every selection of up to two values and a range, over every
    /// order of a few hit lists.
    #[test]
    fn narrows_as_tally_filters() {
        let ix = index();
        let fi = FacetIndex::new(&ix);
        let mut values: Vec<(Facet, String)> = Vec::new();
        for &f in &Facet::ALL {
            for name in &fi.values[f as usize] {
                values.push((f, name.clone()));
            }
        }
        values.push((Facet::Person, "Nobody".to_string()));
        let ranges = [
            (None, None),
            (parse_month("2017", false), parse_month("2017-12", true)),
            (parse_month("2018", false), None),
        ];
        let hit_lists: [&[u32]; 4] = [&[0, 1, 2, 3], &[3, 0], &[2], &[]];
        let mut checked = 0;
        for (i, a) in values.iter().enumerate() {
            for b in values[i..].iter().chain([a]) {
                for &(from, to) in &ranges {
                    let mut sel = sel(&[(a.0, &a.1), (b.0, &b.1)]);
                    sel.values[a.0 as usize].dedup();
                    (sel.from, sel.to) = (from, to);
                    for hits in hit_lists {
                        let docs = tally(&fi, hits.iter().copied(), &sel).docs;
                        assert_eq!(narrow(&fi, hits.iter().copied(), &sel), docs, "{sel:?} over {hits:?}");
                        checked += usize::from(!docs.is_empty());
                    }
                }
            }
        }
        assert!(checked > 100, "selections that keep some articles: {checked}");
        for hits in hit_lists {
            assert_eq!(
                narrow(&fi, hits.iter().copied(), &Selection::default()),
                hits,
                "nothing chosen: every hit"
            );
        }
    }

    #[test]
    fn parses_range_ends() {
        assert_eq!(parse_month("2017", false), Some(month_of(2017, 1)));
        assert_eq!(parse_month("2017", true), Some(month_of(2017, 12)));
        assert_eq!(parse_month("2017-07", true), Some(month_of(2017, 7)));
        for bad in ["", "17", "2017-13", "2017-7", "spring", "2017-07-07"] {
            assert_eq!(parse_month(bad, false), None, "{bad}");
        }
        assert_eq!(format_month(month_of(2017, 7)), "2017-07");
        assert_eq!(month_parts(month_of(1999, 12)), (1999, 12));
    }
}
