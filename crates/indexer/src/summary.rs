//! The one-screen summary printed after a build.

use readingroom_core::Index;
use std::collections::BTreeMap;
use std::fmt::Write;

pub fn summary(index: &Index, artifact_bytes: usize) -> String {
    let mut s = String::new();
    let words: u64 = index.articles.iter().map(|a| u64::from(a.word_count)).sum();
    let _ = writeln!(s, "articles   {}", index.articles.len());
    let _ = writeln!(s, "words      {words}");
    if let (Some(newest), Some(oldest)) = (index.articles.first(), index.articles.last()) {
        let _ = writeln!(s, "dates      {} – {}", oldest.date, newest.date);
    }
    for (label, values) in [
        ("outlets", index.articles.iter().map(|a| a.outlet.as_str()).collect::<Vec<_>>()),
        ("kinds", index.articles.iter().map(|a| a.kind.as_str()).collect()),
    ] {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for v in values.into_iter().filter(|v| !v.is_empty()) {
            *counts.entry(v).or_default() += 1;
        }
        let list: Vec<String> = counts.iter().map(|(k, n)| format!("{k} ({n})")).collect();
        let _ = writeln!(s, "{label:<10} {}", list.join(", "));
    }
    let _ = writeln!(
        s,
        "index      {} terms, {} words, {:.1} KB",
        index.terms.len(),
        index.words.len(),
        artifact_bytes as f64 / 1024.0
    );
    s
}
