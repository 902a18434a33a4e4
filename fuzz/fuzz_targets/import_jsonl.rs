//! Any bytes as a JSON Lines file give articles and per-line errors, never a panic; the articles
//! go on through the build (see common.rs).
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use readingroom_indexer::jsonl::{read, FieldMap};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let (articles, _errors) = read(Path::new("fuzz.jsonl"), data, &FieldMap::default());
    common::build(common::with_lines(articles), common::entities());
});
