//! Any bytes as a tag-page text dump give articles, errors and warnings, never a panic: once as
//! the whole dump (lossy UTF-8, no manifest), and, if the bytes hold a 0xFF (never in UTF-8),
//! once more as dump text before it and manifest text after it. The articles go on through the
//! build (see common.rs).
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use readingroom_indexer::textdump::read;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.txt");
    let dump = read(path, &String::from_utf8_lossy(data), None);
    common::build(common::with_lines(dump.articles), common::entities());
    if let Some(at) = data.iter().position(|&b| b == 0xFF) {
        let text = String::from_utf8_lossy(&data[..at]);
        let manifest = String::from_utf8_lossy(&data[at + 1..]);
        let dump = read(path, &text, Some((Path::new("fuzz.manifest.toml"), &manifest)));
        common::build(common::with_lines(dump.articles), common::entities());
    }
});
