//! Any bytes as a Markdown article file (TOML front matter, Markdown body) give an article or an
//! error, never a panic; an article goes on through the build (see common.rs).
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    if let Ok((article, line)) =
        readingroom_indexer::corpus::read_markdown(Path::new("fuzz.md"), data.to_vec())
    {
        common::build(vec![(line, article)], common::entities());
    }
});
