//! Related articles, computed at build time: for each article, the `k` others most similar to it.
//!
//! Similarity is the cosine of sparse TF-IDF vectors. An article's features are the index terms of
//! its title and topics (weighted up), its blogger's note and summary, and its body — the terms of
//! the search (same tokenizer, folding, stop words and stemmer) — plus the gazetteer entities it
//! mentions, weighted up again: naming the same group or event is a strong sign of the same subject.
//!
//! It scales as the corpus grows, never comparing all pairs: each article keeps only its
//! [`MAX_FEATURES`] heaviest features, among those shared by at least two articles and by no more
//! than a tenth of them (or 20, in a small corpus: those say little and make long lists); an
//! inverted list per feature gives the articles that kept it, heaviest first, and an article's
//! candidates are found by walking at most [`WALK`] entries of each of its features' lists. The best [`RESCORE`] candidates by that
//! partial sum are then scored exactly (the cosine of the two kept vectors) and ranked.
//!
//! The result depends only on the set of articles, not on their order: ties are broken by slug.

use readingroom_core::analyze::tokenize;
use readingroom_core::entities::Tagger;
use readingroom_core::{Analyzer, Article};
use std::borrow::Borrow;
use std::cmp::Ordering;
use std::collections::HashMap;

/// How much an occurrence counts, by field.
const TITLE_WEIGHT: f64 = 3.0;
const TOPIC_WEIGHT: f64 = 3.0;
const NOTE_WEIGHT: f64 = 1.0;
const BODY_WEIGHT: f64 = 1.0;
/// How much more an entity weighs than a word with the same counts and spread.
const ENTITY_BOOST: f64 = 2.0;
/// Features kept per article.
pub const MAX_FEATURES: usize = 25;
/// A feature in more than this share of the articles is dropped (but never one in at most
/// [`MIN_MAX_DF`] articles, so that small corpora keep their features).
const MAX_DF_SHARE: f64 = 0.1;
const MIN_MAX_DF: usize = 20;
/// Entries of a feature's inverted list walked per article.
pub const WALK: usize = 256;
/// Candidates scored exactly per article.
pub const RESCORE: usize = 64;

/// Sets `related` on every article: the slugs of its `k` most similar articles, most similar first.
pub fn fill_related<'a>(
    articles: impl IntoIterator<Item = &'a mut Article>,
    tagger: &Tagger,
    analyzer: &Analyzer,
    k: usize,
) {
    let mut articles: Vec<&mut Article> = articles.into_iter().collect();
    let lists = {
        let shared: Vec<&Article> = articles.iter().map(|a| &**a).collect();
        related(&shared, tagger, analyzer, k)
    };
    for (a, list) in articles.iter_mut().zip(lists) {
        a.related = list;
    }
}

/// For each article, in the order given, the slugs of at most `k` other articles with a positive
/// similarity to it, most similar first (ties by slug).
pub fn related<A: Borrow<Article> + Sync>(
    articles: &[A],
    tagger: &Tagger,
    analyzer: &Analyzer,
    k: usize,
) -> Vec<Vec<String>> {
    let n = articles.len();
    if n < 2 || k == 0 {
        return vec![Vec::new(); n];
    }
    let vectors = weighted_vectors(articles, tagger, analyzer);
    // Each article's position in slug order: the tie-break, cheaper than comparing strings.
    let mut by_slug: Vec<u32> = (0..n as u32).collect();
    by_slug.sort_by(|&a, &b| articles[a as usize].borrow().slug.cmp(&articles[b as usize].borrow().slug));
    let mut slug_rank = vec![0u32; n];
    for (rank, &i) in by_slug.iter().enumerate() {
        slug_rank[i as usize] = rank as u32;
    }
    let lists = inverted_lists(&vectors, &slug_rank);
    let ranked = crate::parallel::chunks(n, 512, |range| {
        let mut acc = vec![0f64; n];
        let mut touched: Vec<u32> = Vec::new();
        range
            .map(|i| neighbours(i, &vectors, &lists, &slug_rank, &mut acc, &mut touched, k))
            .collect::<Vec<_>>()
    });
    ranked
        .into_iter()
        .flatten()
        .map(|list| list.into_iter().map(|j| articles[j as usize].borrow().slug.clone()).collect())
        .collect()
}

/// A sparse vector: (feature, weight), by feature; unit length.
type Vector = Vec<(u32, f64)>;

/// Every article's kept features, weighted and normalised.
fn weighted_vectors<A: Borrow<Article> + Sync>(
    articles: &[A],
    tagger: &Tagger,
    analyzer: &Analyzer,
) -> Vec<Vector> {
    let n = articles.len();
    let language = analyzer.language().to_string();
    let stop_words = analyzer.folded_stop_words();
    // The analyzer is not `Sync`: each thread makes its own for the same language.
    let parts = crate::parallel::chunks(n, 512, |range| {
        let analyzer =
            Analyzer::for_language(&language).unwrap_or_else(Analyzer::english).with_stop_words(&stop_words);
        let mut extractor = Extractor::new(analyzer, tagger);
        let counts: Vec<Vec<(Feature, f64)>> =
            range.map(|i| extractor.counts(articles[i].borrow())).collect();
        (extractor.terms, counts)
    });
    // One id per term across the threads, in sorted order so that ids do not depend on the
    // order of the articles; entities come first, by their gazetteer index.
    let mut terms: Vec<&str> = parts.iter().flat_map(|(t, _)| t.iter().map(String::as_str)).collect();
    terms.sort_unstable();
    terms.dedup();
    let entity_count = parts
        .iter()
        .flat_map(|(_, c)| c.iter().flatten())
        .filter_map(|(f, _)| match f {
            Feature::Entity(e) => Some(*e as usize + 1),
            Feature::Term(_) => None,
        })
        .max()
        .unwrap_or(0);
    let mut counts: Vec<Vec<(u32, f64)>> = Vec::with_capacity(n);
    for (local_terms, part) in &parts {
        let global: Vec<u32> = local_terms
            .iter()
            .map(|t| (entity_count + terms.binary_search(&t.as_str()).expect("every term is listed")) as u32)
            .collect();
        for article in part {
            let mut v: Vec<(u32, f64)> = article
                .iter()
                .map(|&(f, c)| match f {
                    Feature::Entity(e) => (e, c),
                    Feature::Term(t) => (global[t as usize], c),
                })
                .collect();
            v.sort_unstable_by_key(|&(f, _)| f);
            counts.push(v);
        }
    }
    let mut df = vec![0u32; entity_count + terms.len()];
    for v in &counts {
        for &(f, _) in v {
            df[f as usize] += 1;
        }
    }
    let max_df = ((n as f64 * MAX_DF_SHARE) as usize).max(MIN_MAX_DF);
    let nf = n as f64;
    counts
        .into_iter()
        .map(|v| {
            let mut weighted: Vec<(u32, f64)> = v
                .into_iter()
                .filter(|&(f, _)| (2..=max_df).contains(&(df[f as usize] as usize)))
                .map(|(f, count)| {
                    let d = df[f as usize] as f64;
                    // The idf of BM25 (as the search's): positive even for a feature in every article.
                    let idf = (1.0 + (nf - d + 0.5) / (d + 0.5)).ln();
                    let boost = if (f as usize) < entity_count { ENTITY_BOOST } else { 1.0 };
                    (f, (1.0 + count.ln()) * idf * boost)
                })
                .collect();
            weighted.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            weighted.truncate(MAX_FEATURES);
            let norm = weighted.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
            for (_, w) in &mut weighted {
                *w /= norm;
            }
            weighted.sort_unstable_by_key(|&(f, _)| f);
            weighted
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Feature {
    /// A gazetteer entity, by index.
    Entity(u32),
    /// A term, by its id local to the thread's extractor.
    Term(u32),
}

/// Turns articles into weighted feature counts, remembering each word's term.
struct Extractor<'a> {
    analyzer: Analyzer,
    tagger: &'a Tagger,
    /// Folded word → its term's id, `None` for a stop word.
    words: HashMap<String, Option<u32>>,
    terms: Vec<String>,
    term_ids: HashMap<String, u32>,
}

impl<'a> Extractor<'a> {
    fn new(analyzer: Analyzer, tagger: &'a Tagger) -> Self {
        Self { analyzer, tagger, words: HashMap::new(), terms: Vec::new(), term_ids: HashMap::new() }
    }

    fn counts(&mut self, a: &Article) -> Vec<(Feature, f64)> {
        let mut counts: HashMap<Feature, f64> = HashMap::new();
        let fields: [(f64, Vec<&str>); 4] = [
            (TITLE_WEIGHT, vec![a.title.as_str()]),
            (TOPIC_WEIGHT, a.topics.iter().map(String::as_str).collect()),
            (NOTE_WEIGHT, a.note.iter().map(String::as_str).chain(a.summary.as_deref()).collect()),
            (BODY_WEIGHT, a.body_texts().collect()),
        ];
        for (weight, texts) in fields {
            for text in texts {
                let tokens = tokenize(text);
                for tok in &tokens {
                    if let Some(t) = self.term(&tok.folded) {
                        *counts.entry(Feature::Term(t)).or_default() += weight;
                    }
                }
                for m in self.tagger.mentions(text, &tokens) {
                    *counts.entry(Feature::Entity(m.entity)).or_default() += weight;
                }
            }
        }
        counts.into_iter().collect()
    }

    fn term(&mut self, folded: &str) -> Option<u32> {
        if let Some(&id) = self.words.get(folded) {
            return id;
        }
        let id = self.analyzer.term(folded).map(|term| match self.term_ids.get(&term) {
            Some(&id) => id,
            None => {
                let id = self.terms.len() as u32;
                self.term_ids.insert(term.clone(), id);
                self.terms.push(term);
                id
            }
        });
        self.words.insert(folded.to_string(), id);
        id
    }
}

/// Feature → (article, weight) of every article that kept it, heaviest first, then by slug.
fn inverted_lists(vectors: &[Vector], slug_rank: &[u32]) -> Vec<Vec<(u32, f64)>> {
    let features = vectors.iter().flatten().map(|&(f, _)| f as usize + 1).max().unwrap_or(0);
    let mut lists: Vec<Vec<(u32, f64)>> = vec![Vec::new(); features];
    for (i, v) in vectors.iter().enumerate() {
        for &(f, w) in v {
            lists[f as usize].push((i as u32, w));
        }
    }
    for list in &mut lists {
        list.sort_unstable_by(|a, b| {
            b.1.total_cmp(&a.1).then(slug_rank[a.0 as usize].cmp(&slug_rank[b.0 as usize]))
        });
    }
    lists
}

/// The `k` nearest neighbours of article `i`: candidates through its features' lists, the best
/// of them scored exactly. `acc` is a zeroed scratch of one score per article, left zeroed.
fn neighbours(
    i: usize,
    vectors: &[Vector],
    lists: &[Vec<(u32, f64)>],
    slug_rank: &[u32],
    acc: &mut [f64],
    touched: &mut Vec<u32>,
    k: usize,
) -> Vec<u32> {
    touched.clear();
    for &(f, w) in &vectors[i] {
        for &(j, wj) in lists[f as usize].iter().take(WALK) {
            if j as usize == i {
                continue;
            }
            if acc[j as usize] == 0.0 {
                touched.push(j);
            }
            acc[j as usize] += w * wj;
        }
    }
    let by_score = |a: &(u32, f64), b: &(u32, f64)| -> Ordering {
        b.1.total_cmp(&a.1).then(slug_rank[a.0 as usize].cmp(&slug_rank[b.0 as usize]))
    };
    let mut candidates: Vec<(u32, f64)> = touched.iter().map(|&j| (j, acc[j as usize])).collect();
    for &j in touched.iter() {
        acc[j as usize] = 0.0;
    }
    if candidates.len() > RESCORE {
        candidates.select_nth_unstable_by(RESCORE - 1, by_score);
        candidates.truncate(RESCORE);
    }
    let mut scored: Vec<(u32, f64)> = candidates
        .into_iter()
        .map(|(j, _)| (j, dot(&vectors[i], &vectors[j as usize])))
        .filter(|&(_, s)| s > 0.0)
        .collect();
    scored.sort_unstable_by(by_score);
    scored.truncate(k);
    scored.into_iter().map(|(j, _)| j).collect()
}

/// The dot product of two sparse vectors sorted by feature.
fn dot(a: &[(u32, f64)], b: &[(u32, f64)]) -> f64 {
    let (mut x, mut y, mut sum) = (0, 0, 0.0);
    while x < a.len() && y < b.len() {
        match a[x].0.cmp(&b[y].0) {
            Ordering::Less => x += 1,
            Ordering::Greater => y += 1,
            Ordering::Equal => {
                sum += a[x].1 * b[y].1;
                x += 1;
                y += 1;
            }
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;
    use readingroom_core::{Alias, Block, Entity, PartialDate};
    use std::path::PathBuf;

    fn root() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
    }

    fn article(slug: &str, title: &str, topics: &[&str], body: &str) -> Article {
        let mut a = Article::new(
            slug,
            title,
            PartialDate::parse("2020").unwrap(),
            body.split("\n\n").map(|p| Block::Paragraph(p.to_string())).collect(),
        );
        a.topics = topics.iter().map(|t| t.to_string()).collect();
        a
    }

    fn entity(name: &str, aliases: &[&str]) -> Entity {
        Entity {
            name: name.into(),
            kind: "group".into(),
            aliases: aliases.iter().map(|a| Alias { text: a.to_string(), exact_case: false }).collect(),
            date: None,
        }
    }

    fn run(articles: &[Article], entities: &[Entity], k: usize) -> Vec<(String, Vec<String>)> {
        let lists = related(articles, &Tagger::new(entities), &Analyzer::english(), k);
        articles.iter().map(|a| a.slug.clone()).zip(lists).collect()
    }

    fn list_of<'a>(lists: &'a [(String, Vec<String>)], slug: &str) -> &'a [String] {
        &lists.iter().find(|(s, _)| s == slug).unwrap().1
    }

    /// Everyday words, each used by a few of the filler pieces.
    const COMMON: [&str; 10] = [
        "government",
        "Tuesday",
        "people",
        "country",
        "changes",
        "public",
        "services",
        "officials",
        "money",
        "councils",
    ];

    /// Filler pieces, each with three of the everyday words.
    fn filler(n: usize) -> Vec<Article> {
        (0..n)
            .map(|i| {
                let body = format!(
                    "This week: {}, {} and {}.",
                    COMMON[i % 10],
                    COMMON[(i + 3) % 10],
                    COMMON[(i + 7) % 10]
                );
                article(&format!("filler-{i:02}"), &format!("Weekly column number {i}"), &["Columns"], &body)
            })
            .collect()
    }

    #[test]
    fn a_shared_entity_and_topic_beat_shared_common_words() {
        let entities = [entity("Jaish-e-Mohammed", &["JeM"])];
        let mut articles = filler(12);
        articles.push(article(
            "kashmir-raid",
            "Raid across the line of control",
            &["Kashmir"],
            "Jaish-e-Mohammed fighters crossed from Pakistan. The government said on Tuesday that \
             people across the country would see changes to public services, and officials \
             promised money to councils.",
        ));
        articles.push(article(
            "militant-leader",
            "A cleric released in an exchange",
            &["Kashmir"],
            "JeM was founded by a cleric freed in a prisoner swap.",
        ));
        articles.push(article(
            "council-budget",
            "Council budget",
            &["Local government"],
            "The government said on Tuesday that people across the country would see changes to \
             public services next year, and officials promised more money for local councils.",
        ));
        let lists = run(&articles, &entities, 5);
        // The everyday words do relate the raid to the council budget, but less.
        assert_eq!(list_of(&lists, "kashmir-raid")[..2], ["militant-leader", "council-budget"], "{lists:?}");
        assert_eq!(list_of(&lists, "militant-leader")[0], "kashmir-raid", "{lists:?}");
    }

    #[test]
    fn never_itself_at_most_k_only_positive() {
        let mut articles: Vec<Article> = (0..12)
            .map(|i| {
                article(
                    &format!("bombing-{i:02}"),
                    "Train bombing inquiry",
                    &["Madrid bombings"],
                    "The inquiry into the train bombing heard from survivors and investigators.",
                )
            })
            .collect();
        articles.push(article("gardening", "Roses in winter", &["Gardens"], "Prune roses hard in February."));
        for k in [0, 1, 3, 20] {
            for (slug, list) in run(&articles, &[], k) {
                assert!(list.len() <= k, "{slug}: {list:?}");
                assert!(!list.contains(&slug), "{slug}: {list:?}");
                if slug == "gardening" {
                    assert!(list.is_empty(), "nothing in common: {list:?}");
                } else {
                    assert!(!list.iter().any(|s| s == "gardening"), "{slug}: {list:?}");
                    assert_eq!(list.len(), k.min(11), "{slug}: {list:?}");
                }
            }
        }
    }

    #[test]
    fn ties_go_by_slug_and_the_order_of_the_articles_does_not_matter() {
        let body = "Investigators traced the explosives to a quarry in Asturias.";
        let mut articles = vec![
            article("c-piece", "Quarry explosives traced", &["Madrid bombings"], body),
            article("b-piece", "Quarry explosives traced", &["Madrid bombings"], body),
            article("a-piece", "Quarry explosives traced", &["Madrid bombings"], body),
            article("d-piece", "Quarry explosives traced", &["Madrid bombings"], body),
        ];
        articles.extend(filler(8));
        let first = run(&articles, &[], 5);
        assert_eq!(list_of(&first, "c-piece"), ["a-piece", "b-piece", "d-piece"]);
        assert_eq!(list_of(&first, "a-piece"), ["b-piece", "c-piece", "d-piece"]);
        articles.reverse();
        articles.rotate_left(5);
        let mut second = run(&articles, &[], 5);
        let mut first = first;
        first.sort();
        second.sort();
        assert_eq!(first, second);
    }

    /// The sample corpus: every piece is about terrorism and names Al Qaeda, so the lists are
    /// about what sets pieces apart.
    #[test]
    fn sample_corpus() {
        let corpus = crate::read_corpus(&root().join("corpus")).unwrap_or_else(|e| panic!("{e:?}"));
        let lists: Vec<(String, Vec<String>)> =
            corpus.articles.iter().map(|(_, a)| (a.slug.clone(), a.related.clone())).collect();
        for (slug, list) in &lists {
            println!("{slug}\n    {list:?}");
            assert!(!list.is_empty() && list.len() <= 5 && !list.contains(slug), "{slug}: {list:?}");
        }
        let top = |slug: &str, n: usize| list_of(&lists, slug)[..n].to_vec();
        let near = |a: &str, b: &str| top(a, 2).contains(&b.to_string());
        // The two Telegraph op-eds on terrorism in the UK (7/7, Kashmir's violence in Britain)
        // and the interview with the head of UK counterterrorism policing, which share the
        // places and agencies they name.
        assert!(near("twelve-years-on-from-7-7", "sectarian-violence-in-kashmir"));
        assert!(near("sectarian-violence-in-kashmir", "twelve-years-on-from-7-7"));
        assert!(near("twelve-years-on-from-7-7", "view-from-the-ct-foxhole-neil-basu"));
        // The Madrid bombings review and the piece on Al-Qa'ida against Daesh, each way round.
        assert_eq!(top("al-qaedas-revenge-and-the-exile", 1), ["why-is-daesh-able-to-inspire-more-attacks"]);
        assert!(near("why-is-daesh-able-to-inspire-more-attacks", "al-qaedas-revenge-and-the-exile"));
        // Lone-actor terrorism: the comic and the interview on UK counterterrorism policing.
        assert!(near("comic-explainer-lone-actor-terrorism", "view-from-the-ct-foxhole-neil-basu"));
        assert!(near("view-from-the-ct-foxhole-neil-basu", "comic-explainer-lone-actor-terrorism"));
        // The worldwide day of terror (Berlin, Ankara, New York): the other piece on attacks in
        // Europe and the US claimed by or inspired by Daesh.
        assert_eq!(top("worldwide-day-of-terror", 1), ["why-is-daesh-able-to-inspire-more-attacks"]);
    }

    /// The time of `related` alone on the synthetic benchmark corpus (`cargo xtask bench`
    /// generates it in target/bench/synthetic/corpus). Run with
    /// `cargo test -p readingroom-indexer --release --lib related::tests::timing -- --ignored --nocapture`.
    #[test]
    #[ignore = "needs the synthetic benchmark corpus; run in release"]
    fn timing() {
        let dir = root().join("target/bench/synthetic/corpus");
        let start = std::time::Instant::now();
        let corpus = crate::read_corpus(&dir).unwrap_or_else(|e| panic!("{:?}", &e[..e.len().min(3)]));
        let read = start.elapsed();
        let articles: Vec<&Article> = corpus.articles.iter().map(|(_, a)| a).collect();
        let tagger = Tagger::new(&corpus.entities);
        let analyzer = Analyzer::english();
        let start = std::time::Instant::now();
        let lists = related(&articles, &tagger, &analyzer, 5);
        let took = start.elapsed();
        let empty = lists.iter().filter(|l| l.is_empty()).count();
        let mean = lists.iter().map(Vec::len).sum::<usize>() as f64 / lists.len() as f64;
        println!(
            "{} articles: read_corpus (related included) {read:.2?}, related alone {took:.2?}; \
             {mean:.2} related per article, {empty} with none",
            articles.len()
        );
        let same: Vec<Vec<String>> = corpus.articles.iter().map(|(_, a)| a.related.clone()).collect();
        assert_eq!(same, lists, "deterministic");
    }
}
