//! The query engine: BM25F over the article fields, words ANDed, the word being typed matched as
//! a prefix, recency breaking ties.

use crate::analyze::Analyzer;
use crate::index::{Index, FIELD_COUNT, FIELD_WEIGHTS};
use crate::query::Query;
use std::collections::HashMap;

const K1: f32 = 1.2;
const B: f32 = 0.75;
/// A word completed from a prefix scores a little below the word typed in full.
const PREFIX_DISCOUNT: f32 = 0.8;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Relevance,
    Newest,
    Oldest,
}

impl Sort {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "relevance" => Some(Sort::Relevance),
            "newest" => Some(Sort::Newest),
            "oldest" => Some(Sort::Oldest),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub doc: u32,
    pub score: f32,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Results {
    pub hits: Vec<Hit>,
    /// The index terms the query matched, for highlighting.
    pub terms: Vec<String>,
}

/// Runs `text` against `index`. An empty query (or one of stop words only) lists every article.
pub fn search(index: &Index, analyzer: &Analyzer, text: &str, sort: Sort) -> Results {
    let query = Query::parse(text);
    let n = index.articles.len() as f32;
    let mut required: Vec<HashMap<u32, f32>> = Vec::new();
    let mut optional: Vec<HashMap<u32, f32>> = Vec::new();
    let mut matched: Vec<u32> = Vec::new();
    for clause in &query.clauses {
        let exact = analyzer.term(&clause.word);
        let mut candidates: Vec<(u32, f32)> = Vec::new();
        if let Some(id) = exact.as_deref().and_then(|t| index.term_id(t)) {
            candidates.push((id, 1.0));
        }
        if clause.prefix {
            for id in index.prefix_terms(&clause.word) {
                if !candidates.iter().any(|(c, _)| *c == id) {
                    candidates.push((id, PREFIX_DISCOUNT));
                }
            }
        }
        if exact.is_none() && !clause.prefix {
            continue; // a stop word: it narrows nothing
        }
        let mut scores: HashMap<u32, f32> = HashMap::new();
        for &(id, weight) in &candidates {
            matched.push(id);
            for (doc, s) in term_scores(index, id, n) {
                let e = scores.entry(doc).or_insert(0.0);
                *e = e.max(s * weight);
            }
        }
        if exact.is_none() {
            // A stop word being typed ("the", "is") may still grow into a real word: let it
            // rank, not filter.
            optional.push(scores);
        } else {
            required.push(scores);
        }
    }

    let mut hits: Vec<Hit> = if required.is_empty() {
        // Only stop words: every article qualifies; one that completes a word being typed ranks
        // first.
        (0..index.articles.len() as u32)
            .map(|doc| Hit { doc, score: optional.iter().filter_map(|o| o.get(&doc)).sum() })
            .collect()
    } else {
        let (first, rest) = required.split_first().expect("not empty");
        first
            .iter()
            .filter_map(|(&doc, &s)| {
                let mut score = s;
                for other in rest {
                    score += other.get(&doc)?;
                }
                score += optional.iter().filter_map(|o| o.get(&doc)).sum::<f32>();
                Some(Hit { doc, score })
            })
            .collect()
    };

    // Doc ids are newest first, so a lower id is the more recent article.
    match sort {
        Sort::Relevance => hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc))),
        Sort::Newest => hits.sort_by_key(|h| h.doc),
        Sort::Oldest => hits.sort_by_key(|h| std::cmp::Reverse(h.doc)),
    }
    matched.sort_unstable();
    matched.dedup();
    Results { hits, terms: matched.into_iter().map(|id| index.terms[id as usize].clone()).collect() }
}

/// BM25F score of one term for every article containing it.
fn term_scores(index: &Index, term: u32, n: f32) -> HashMap<u32, f32> {
    let postings = &index.postings[term as usize];
    let mut tf: HashMap<u32, f32> = HashMap::new();
    for p in postings {
        let f = p.field as usize;
        let len = index.field_lengths[p.doc as usize][f] as f32;
        let norm = 1.0 - B + B * len / index.avg_field_length[f];
        *tf.entry(p.doc).or_insert(0.0) += FIELD_WEIGHTS[f] * p.positions.len() as f32 / norm;
    }
    let df = tf.len() as f32;
    let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
    tf.into_iter().map(|(doc, t)| (doc, idf * t * (K1 + 1.0) / (K1 + t))).collect()
}

const _: () = assert!(FIELD_COUNT == FIELD_WEIGHTS.len());
