//! Entity tagging measured against a hand-labelled gold set (entities_gold.toml): precision and
//! recall per type over every mention in the sample corpus's titles, notes, bios and bodies.
//! Names are compared as folded word sequences, so "Daesh’s" and "Daesh" are the same mention.

use readingroom_core::analyze::tokenize;
use readingroom_core::entities::Tagger;
use readingroom_indexer::read_corpus;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::PathBuf;

#[derive(Deserialize)]
struct Gold {
    article: Vec<GoldArticle>,
}

#[derive(Deserialize)]
struct GoldArticle {
    slug: String,
    mentions: Vec<GoldMention>,
}

#[derive(Deserialize)]
struct GoldMention {
    #[serde(rename = "type")]
    kind: String,
    text: String,
    count: u32,
}

const TYPES: [&str; 3] = ["person", "place", "organisation"];

fn key(text: &str) -> String {
    tokenize(text).into_iter().map(|t| t.folded).collect::<Vec<_>>().join(" ")
}

/// The gold set's type for a gazetteer type: groups are organisations there; events are not
/// labelled.
fn class(kind: &str) -> Option<&'static str> {
    match kind {
        "person" => Some("person"),
        "place" => Some("place"),
        "organisation" | "group" => Some("organisation"),
        _ => None,
    }
}

#[test]
fn tagging_meets_precision_and_recall_on_the_hand_labelled_set() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let corpus = read_corpus(&root.join("corpus")).expect("the sample corpus is valid");
    let gold: Gold = toml::from_str(
        &std::fs::read_to_string(root.join("crates/indexer/tests/entities_gold.toml")).unwrap(),
    )
    .unwrap();
    let tagger = Tagger::new(&corpus.entities);
    assert_eq!(gold.article.len(), corpus.articles.len(), "every article is labelled");

    // Per type: (true positives, predicted, expected).
    let mut totals: HashMap<&str, (u32, u32, u32)> = HashMap::new();
    let mut misses = Vec::new();
    for g in &gold.article {
        let (_, a) =
            corpus.articles.iter().find(|(_, a)| a.slug == g.slug).expect("gold slug is in the corpus");
        let mut texts: Vec<&str> = vec![a.title.as_str()];
        texts.extend(a.note.iter().map(String::as_str));
        texts.extend(a.summary.as_deref());
        texts.extend(a.body_texts());
        texts.extend(a.bio.as_deref());
        let mut predicted: HashMap<(&str, String), u32> = HashMap::new();
        for text in texts {
            let tokens = tokenize(text);
            for m in tagger.mentions(text, &tokens) {
                if let Some(c) = class(&corpus.entities[m.entity as usize].kind) {
                    let surface = &text[tokens[m.token].start..tokens[m.token + m.len - 1].end];
                    *predicted.entry((c, key(surface))).or_default() += 1;
                }
            }
        }
        let mut expected: HashMap<(&str, String), u32> = HashMap::new();
        for m in &g.mentions {
            let c = TYPES.iter().find(|t| **t == m.kind).expect("gold type is person, place or organisation");
            *expected.entry((c, key(&m.text))).or_default() += m.count;
        }
        for c in TYPES {
            let t = totals.entry(c).or_default();
            for ((pc, k), &n) in &predicted {
                if *pc == c {
                    let hit = expected.get(&(c, k.clone())).copied().unwrap_or(0).min(n);
                    t.0 += hit;
                    t.1 += n;
                }
            }
            for ((ec, k), &n) in &expected {
                if *ec == c {
                    t.2 += n;
                    let got = predicted.get(&(c, k.clone())).copied().unwrap_or(0);
                    if got < n {
                        misses.push(format!("{}: {c} {k:?} {got}/{n}", g.slug));
                    }
                }
            }
        }
    }
    misses.sort();
    println!("missed (article: type name found/expected):\n  {}", misses.join("\n  "));
    let mut report = Vec::new();
    for c in TYPES {
        let (tp, predicted, expected) = totals[c];
        let precision = f64::from(tp) / f64::from(predicted.max(1));
        let recall = f64::from(tp) / f64::from(expected.max(1));
        println!(
            "{c:>12}: precision {precision:.3} ({tp}/{predicted}), recall {recall:.3} ({tp}/{expected})"
        );
        report.push((c, precision, recall));
    }
    for (c, precision, recall) in report {
        assert!(precision >= 0.9, "{c}: precision {precision:.3} is below 0.9");
        assert!(recall >= 0.8, "{c}: recall {recall:.3} is below 0.8");
    }
}
