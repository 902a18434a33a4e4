//! Relevance over the sample corpus: every query in relevance.toml with its expected top result,
//! inclusions, exclusions and counts. The file is data so that a curator can add cases.

use readingroom_core::{search, Analyzer, Index, Sort};
use readingroom_indexer::{build_index, read_corpus};
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    q: String,
    /// What the case checks, shown when it fails.
    why: String,
    #[serde(default)]
    sort: Option<String>,
    top: Option<String>,
    #[serde(default)]
    order: Vec<String>,
    #[serde(default)]
    include: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    count: Option<usize>,
    suggestion: Option<String>,
    #[serde(default)]
    partial: Vec<String>,
    /// How many articles the exclusions removed, when they removed every match.
    #[serde(default)]
    excluded: usize,
}

fn sample() -> Index {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let corpus = read_corpus(&root.join("corpus")).expect("the sample corpus reads");
    build_index(&corpus)
}

#[test]
fn relevance_cases_hold() {
    let text =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/relevance.toml"))
            .expect("relevance.toml");
    let cases: Cases = toml::from_str(&text).expect("relevance.toml parses");
    assert!(cases.case.len() >= 30, "at least 30 cases, found {}", cases.case.len());
    let index = sample();
    let analyzer = Analyzer::english();
    let slugs = |hits: &[readingroom_core::Hit]| -> Vec<String> {
        hits.iter().map(|h| index.articles[h.doc as usize].slug.clone()).collect()
    };
    let mut failures = Vec::new();
    for case in &cases.case {
        let sort = case.sort.as_deref().map_or(Sort::Relevance, |s| Sort::parse(s).expect("a sort name"));
        let r = search(&index, &analyzer, &case.q, sort);
        let got = slugs(&r.hits);
        let mut fail =
            |what: String| failures.push(format!("{:?} ({}): {what}\n    got {got:?}", case.q, case.why));
        if let Some(top) = &case.top {
            if got.first() != Some(top) {
                fail(format!("top should be {top}"));
            }
        }
        if !case.order.is_empty()
            && got.iter().take(case.order.len()).collect::<Vec<_>>() != case.order.iter().collect::<Vec<_>>()
        {
            fail(format!("should start {:?}", case.order));
        }
        for s in &case.include {
            if !got.contains(s) {
                fail(format!("should include {s}"));
            }
        }
        for s in &case.exclude {
            if got.contains(s) {
                fail(format!("should exclude {s}"));
            }
        }
        if let Some(n) = case.count {
            if got.len() != n {
                fail(format!("should have {n} results"));
            }
        }
        if r.suggestion != case.suggestion {
            fail(format!("suggestion {:?}, expected {:?}", r.suggestion, case.suggestion));
        }
        if r.excluded != case.excluded {
            fail(format!("{} matches removed by exclusions, expected {}", r.excluded, case.excluded));
        }
        let partial = slugs(&r.partial);
        for s in &case.partial {
            if !partial.contains(s) {
                fail(format!("partial matches should include {s}: {partial:?}"));
            }
        }
        // Whatever the query: an exact match never ranks below a fuzzy one.
        if r.hits.windows(2).any(|w| w[0].fuzzy > w[1].fuzzy) {
            fail("a fuzzy match ranks above an exact one".into());
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.case.len(),
        failures.join("\n")
    );
}

/// The search tips' examples on the sample: one for every tip, each finding what it says.
#[test]
fn search_tips_show_working_examples_from_the_sample() {
    let index = sample();
    let analyzer = Analyzer::english();
    let facets = readingroom_core::facets::FacetIndex::new(&index);
    let tips = readingroom_core::tips::tips(&index, &facets, &analyzer);
    let n = |q: &str| search(&index, &analyzer, q, Sort::Relevance).hits.len();
    let every = [&tips.phrase, &tips.either, &tips.exclude, &tips.spelling, &tips.accents, &tips.typo];
    for (i, ex) in every.iter().enumerate() {
        let ex = ex.as_ref().unwrap_or_else(|| panic!("tip {i} has an example on the sample: {tips:?}"));
        assert!(n(&ex.query) > 0, "{ex:?} finds something");
    }
    let accents = tips.accents.as_ref().unwrap();
    assert_eq!((accents.query.as_str(), accents.finds.as_str()), ("jose maria aznar", "José María Aznar"));
    assert_eq!(n(&accents.query), n("José María Aznar"));
    let spelling = tips.spelling.as_ref().unwrap();
    assert_eq!(spelling.finds, "Al Qaeda", "the name written the most ways");
    assert_eq!(n(&spelling.query), n("Al Qaeda"), "{spelling:?}: one spelling finds every one");
    let exclude = &tips.exclude.as_ref().unwrap().query;
    let (first, _) = exclude.split_once(" -").unwrap();
    assert!(n(exclude) < n(first), "{exclude} leaves out some of {first}'s articles");
    let either = &tips.either.as_ref().unwrap().query;
    let (a, b) = either.split_once(" OR ").unwrap();
    assert!(n(either) > n(a).max(n(b)), "{either} finds more than either alone");
    let phrase = &tips.phrase.as_ref().unwrap().query;
    assert!(phrase.starts_with('"') && phrase.ends_with('"'), "{phrase}");
    let typo = tips.typo.as_ref().unwrap();
    assert_eq!(n(&format!("\"{}\"", typo.query)), 0, "{typo:?} is not itself a word of the sample");
    eprintln!("{tips:#?}");
}

/// Typing a name, letter by letter, never loses an article the whole name finds: a spelling's
/// prefix ("al qaid", on its way to "al qaida") finds every spelling, as the name does (it had
/// found 3 articles where "al qa" and "al qaida" found 7).
#[test]
fn typing_a_name_never_loses_what_the_whole_name_finds() {
    let index = sample();
    let analyzer = Analyzer::english();
    let docs = |q: &str| -> std::collections::BTreeSet<u32> {
        search(&index, &analyzer, q, Sort::Relevance).hits.iter().map(|h| h.doc).collect()
    };
    for name in
        ["al qaida", "al-qaeda", "daesh", "isil", "islamic state", "osama bin laden", "jose maria aznar"]
    {
        let whole = docs(&format!("{name} "));
        assert!(!whole.is_empty(), "{name}");
        let last_word_start = name.rfind([' ', '-']).map_or(0, |i| i + 1);
        // From the third letter of a one-word name, the second of a later word.
        let from = if last_word_start == 0 { 3 } else { last_word_start + 2 };
        for end in from..=name.len() {
            let typed = &name[..end];
            let missing: Vec<u32> = whole.difference(&docs(typed)).copied().collect();
            assert!(missing.is_empty(), "{typed:?} loses articles {missing:?} that {name:?} finds");
        }
    }
}
