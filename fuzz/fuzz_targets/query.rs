//! Any text typed into the search box gives results, never a panic: parse, search, snippets,
//! highlighting and the query offered without its exclusions, over a small index that has
//! entities, phrases and typos to exercise.
#![no_main]

use libfuzzer_sys::fuzz_target;
use readingroom_core::snippet::Highlighter;
use readingroom_core::{
    search, Alias, Analyzer, Article, Block, Entity, Index, IndexBuilder, PartialDate, Sort,
};
use std::sync::OnceLock;

fn article(slug: &str, date: &str, title: &str, body: &str) -> Article {
    let mut a =
        Article::new(slug, title, PartialDate::parse(date).unwrap(), vec![Block::Paragraph(body.into())]);
    a.outlet = "The Telegraph".into();
    a.kind = "op-ed".into();
    a.authors = vec!["Raffaello Pantucci".into()];
    a.topics = vec!["Islamic State".into()];
    a.note = vec!["A note about José María Aznar.".into()];
    a
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Vec<u8>> = OnceLock::new();
    let bytes = INDEX.get_or_init(|| {
        let mut b = IndexBuilder::new(Analyzer::english()).with_entities(vec![Entity {
            date: None,
            name: "Islamic State".into(),
            kind: "group".into(),
            aliases: vec![
                Alias { text: "Daesh".into(), exact_case: false },
                Alias { text: "IS".into(), exact_case: true },
            ],
        }]);
        b.add(article(
            "a",
            "2016-09",
            "Why is Daesh able to inspire attacks",
            "Lone-actor terrorism and Al-Qa’ida. IS claimed it.",
        ));
        b.add(article(
            "b",
            "2018-02",
            "An interview",
            "The threat from the Islamic State is evolving in 9/11's wake.",
        ));
        b.finish().to_bytes()
    });
    Box::leak(Box::new(Index::from_bytes(bytes).unwrap()))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    thread_local! { static STATE: (&'static Index, Analyzer) = (index(), Analyzer::english()); }
    STATE.with(|(index, analyzer)| {
        for sort in [Sort::Relevance, Sort::Oldest] {
            let r = search(index, analyzer, text, sort);
            let h = Highlighter::new(index, analyzer, &r);
            for hit in r.hits.iter().chain(&r.partial) {
                let a = &index.articles[hit.doc as usize];
                let _ = h.snippet(hit.doc, a, 32);
                let _ = h.highlight(&a.title);
            }
            let _ = h.highlight(text);
        }
        // The search offered without the exclusions: its text is cut at parsed spans.
        if let Some(rest) = readingroom_core::query::without_exclusions(text) {
            let _ = search(index, analyzer, &rest, Sort::Relevance);
        }
    });
});
