//! Any bytes as a gazetteer (gazetteer.toml) give entities or an error, never a panic; the
//! entities then tag two articles through the build (see common.rs): one of fixed text, and one
//! made of the entities' own names and aliases, so every name is matched somewhere.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use readingroom_core::{Article, Block, PartialDate};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(readingroom_indexer::gazetteer::Gazetteer { entities, .. }) =
        readingroom_indexer::gazetteer::parse(Path::new("gazetteer.toml"), text)
    else {
        return;
    };
    let date = PartialDate::parse("2017-07").expect("a valid date");
    let fixed = "Al Qaeda and the Islamic State (IS) after 7/7 in London, 2005; Daesh in Syria in 2014.";
    let names: Vec<String> = entities
        .iter()
        .flat_map(|e| std::iter::once(e.name.clone()).chain(e.aliases.iter().map(|a| a.text.clone())))
        .collect();
    let mut articles =
        vec![(None, Article::new("fixed", "Fixed", date, vec![Block::Paragraph(fixed.into())]))];
    if !names.is_empty() {
        let body = vec![Block::Paragraph(names.join(", "))];
        articles.push((None, Article::new("names", &names[0], date, body)));
    }
    common::build(articles, &entities);
});
