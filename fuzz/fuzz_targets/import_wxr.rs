//! Any bytes as a WordPress export (WXR) give articles, errors and warnings, never a panic; the
//! articles (posts and pages) go on through the build (see common.rs).
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use readingroom_indexer::wxr::{read, WxrOptions};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let read = read(Path::new("fuzz.xml"), data, &WxrOptions { pages: true });
    common::build(common::with_lines(read.articles), common::entities());
});
