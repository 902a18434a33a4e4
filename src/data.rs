//! The index embedded at build time, decoded once at start-up.

use readingroom_core::{Analyzer, Index};

static ARTIFACT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.bin"));

pub struct Data {
    pub index: Index,
    pub analyzer: Analyzer,
}

thread_local! {
    // The app is single-threaded; leaking once gives every component a `&'static` view.
    static DATA: &'static Data = Box::leak(Box::new(Data {
        index: Index::from_bytes(ARTIFACT).expect("the embedded index was written by this build"),
        analyzer: Analyzer::for_language("en").expect("English is compiled in"),
    }));
}

pub fn data() -> &'static Data {
    DATA.with(|d| *d)
}
