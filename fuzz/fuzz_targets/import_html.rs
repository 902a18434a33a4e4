//! Any bytes as a saved web page give an article or an error, never a panic; an article goes on
//! through the build (see common.rs).
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    if let Ok(page) = readingroom_indexer::html_page::read(Path::new("fuzz.html"), data) {
        common::build(vec![(None, page.article)], common::entities());
    }
});
