//! An entity's profile, for its page: the articles that name it (most mentions first), its
//! mentions per year of publication across the corpus's span, and the entities it appears with
//! most often. Computed from the facet tables, once per entity: the most common entity of a
//! large archive is in thousands of articles.

use crate::facets::FacetIndex;
use crate::index::Index;
use rustc_hash::FxHashMap as HashMap;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Profile {
    /// (article, mentions in it), most mentions first, then newest.
    pub articles: Vec<(u32, u32)>,
    /// Mentions in all its articles.
    pub mentions: u32,
    /// (year, mentions in the articles of that year), every year of the corpus's span.
    pub per_year: Vec<(i32, u32)>,
    /// (entity, articles naming both), most first, then by name; at most the number asked for.
    pub companions: Vec<(u32, u32)>,
}

/// The profile of entity `entity`, with at most `companions` companions.
pub fn profile(index: &Index, facets: &FacetIndex, entity: u32, companions: usize) -> Profile {
    let Some(docs) = facets.entity_docs.get(entity as usize) else { return Profile::default() };
    let mut articles = docs.clone();
    // Document ids are newest first.
    articles.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mentions = docs.iter().map(|d| d.1).sum();

    let mut by_year: HashMap<i32, u32> = HashMap::default();
    for &(doc, count) in docs {
        *by_year.entry(index.articles[doc as usize].date.year).or_default() += count;
    }
    let per_year = facets
        .span
        .map(|(first, last)| {
            (first.div_euclid(12)..=last.div_euclid(12))
                .map(|y| (y, by_year.get(&y).copied().unwrap_or(0)))
                .collect()
        })
        .unwrap_or_default();

    let mut together: HashMap<u32, u32> = HashMap::default();
    for &(doc, _) in docs {
        for &other in &facets.doc_entities[doc as usize] {
            if other != entity {
                *together.entry(other).or_default() += 1;
            }
        }
    }
    let mut with: Vec<(u32, u32)> = together.into_iter().collect();
    // Ties in name order as a reader reads it: "Cabinet" before "CONTEST" before "CTC Sentinel".
    with.sort_by_cached_key(|&(e, c)| {
        let name = &index.entities[e as usize].name;
        (std::cmp::Reverse(c), crate::analyze::fold(name), name.clone())
    });
    with.truncate(companions);

    Profile { articles, mentions, per_year, companions: with }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::Analyzer;
    use crate::entities::Entity;
    use crate::index::IndexBuilder;
    use crate::model::{Article, Block};
    use crate::PartialDate;

    fn entity(name: &str, kind: &str) -> Entity {
        Entity { date: None, name: name.into(), kind: kind.into(), aliases: vec![] }
    }

    #[test]
    fn companions_with_as_many_articles_in_alphabetical_order_whatever_their_case() {
        let names = ["CTC Sentinel", "CONTEST", "Cabinet Office", "combating terrorism"];
        let mut b = IndexBuilder::new(Analyzer::english()).with_entities(
            std::iter::once("Libya").chain(names).map(|n| entity(n, "organisation")).collect(),
        );
        let text = format!("Libya, {}.", names.join(", "));
        b.add(Article::new("a", "a", PartialDate::parse("2018").unwrap(), vec![Block::Paragraph(text)]));
        let ix = b.finish();
        let fi = FacetIndex::new(&ix);
        let p = profile(&ix, &fi, 0, 12);
        let seen: Vec<&str> =
            p.companions.iter().map(|&(e, _)| ix.entities[e as usize].name.as_str()).collect();
        assert_eq!(seen, ["Cabinet Office", "combating terrorism", "CONTEST", "CTC Sentinel"]);
    }

    #[test]
    fn articles_by_mentions_years_across_the_span_and_companions_by_articles_shared() {
        let mut b = IndexBuilder::new(Analyzer::english()).with_entities(vec![
            entity("Libya", "place"),
            entity("MI5", "organisation"),
            entity("Neil Basu", "person"),
            entity("Aleppo", "place"),
        ]);
        let doc = |slug: &str, date: &str, text: &str| {
            Article::new(slug, slug, PartialDate::parse(date).unwrap(), vec![Block::Paragraph(text.into())])
        };
        b.add(doc("new", "2018-02", "Libya. MI5 and Neil Basu on Libya, Libya."));
        b.add(doc("mid", "2016", "MI5 in Libya."));
        b.add(doc("old", "2014-05", "Libya and Neil Basu; Libya again; MI5."));
        b.add(doc("none", "2015", "Aleppo only."));
        let ix = b.finish();
        let fi = FacetIndex::new(&ix);
        let id = |name: &str| ix.entities.iter().position(|e| e.name == name).unwrap() as u32;
        let slug = |doc: u32| ix.articles[doc as usize].slug.as_str();

        let p = profile(&ix, &fi, id("Libya"), 12);
        let articles: Vec<(&str, u32)> = p.articles.iter().map(|&(d, c)| (slug(d), c)).collect();
        assert_eq!(articles, [("new", 3), ("old", 2), ("mid", 1)], "most mentions first");
        assert_eq!(p.mentions, 6);
        assert_eq!(
            p.per_year,
            [(2014, 2), (2015, 0), (2016, 1), (2017, 0), (2018, 3)],
            "every year of the span"
        );
        let names: Vec<(&str, u32)> =
            p.companions.iter().map(|&(e, c)| (ix.entities[e as usize].name.as_str(), c)).collect();
        assert_eq!(names, [("MI5", 3), ("Neil Basu", 2)], "by articles shared; never itself");
        assert_eq!(profile(&ix, &fi, id("Libya"), 1).companions.len(), 1);

        // Equal mentions: the newest first.
        let p = profile(&ix, &fi, id("MI5"), 12);
        assert_eq!(p.articles.iter().map(|&(d, _)| slug(d)).collect::<Vec<_>>(), ["new", "mid", "old"]);
        assert_eq!(profile(&ix, &fi, 99, 12), Profile::default(), "no such entity");
    }
}
