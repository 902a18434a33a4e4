//! What every importer target does with the articles it gets: what the build does next. The
//! articles are settled as `read_corpus` settles them (duplicate slugs renamed, dated mentions
//! mined, related articles chosen), indexed, and the artifact written, read back and searched.
//! Errors are fine; a panic, an artifact that does not load, or one that loads different
//! articles is a finding.

// Each target uses only some of these.
#![allow(dead_code)]

use readingroom_core::{search, Analyzer, Article, Entity, Index, IndexBuilder, Sort};
use std::path::PathBuf;

pub fn build(read: Vec<(Option<usize>, Article)>, entities: &[Entity]) {
    if read.is_empty() {
        return;
    }
    let (lines, mut articles): (Vec<_>, Vec<_>) =
        read.into_iter().map(|(line, a)| (line, (PathBuf::from("fuzz"), a))).unzip();
    let _ = readingroom_indexer::corpus::settle(&mut articles, &lines, entities, "en");
    let analyzer = Analyzer::english();
    let mut builder = IndexBuilder::new(Analyzer::english()).with_entities(entities.to_vec());
    let title = articles[0].1.title.clone();
    for (_, a) in articles {
        builder.add(a);
    }
    let index = builder.finish();
    let bytes = index.to_bytes();
    let back = Index::from_bytes(&bytes).expect("an artifact the builder wrote must load");
    assert!(back.articles == index.articles, "the artifact must give back the articles it was given");
    let _ = search(&back, &analyzer, &title, Sort::Relevance);
}

/// Lines as `Option`s, for the importers that give every article a line.
pub fn with_lines(read: Vec<(usize, Article)>) -> Vec<(Option<usize>, Article)> {
    read.into_iter().map(|(line, a)| (Some(line), a)).collect()
}

/// The sample corpus's gazetteer, so imported text is tagged against real names.
pub fn entities() -> &'static [Entity] {
    static ENTITIES: std::sync::OnceLock<Vec<Entity>> = std::sync::OnceLock::new();
    ENTITIES.get_or_init(|| {
        let text = include_str!("../../corpus/gazetteer.toml");
        readingroom_indexer::gazetteer::parse(std::path::Path::new("gazetteer.toml"), text)
            .expect("the sample gazetteer parses")
            .entities
    })
}
