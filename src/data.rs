//! The index embedded at build time, decoded once at start-up.

use readingroom_core::facets::FacetIndex;
use readingroom_core::search::{search_cached, ClauseCache};
use readingroom_core::{Analyzer, Index, Results, Sort};

static ARTIFACT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.bin"));

pub struct Data {
    pub index: Index,
    pub analyzer: Analyzer,
    pub facets: FacetIndex,
    /// Clauses found by earlier searches: a keystroke looks up only the word being typed.
    pub clauses: ClauseCache,
}

impl Data {
    pub fn search(&self, q: &str, sort: Sort) -> Results {
        search_cached(&self.index, &self.analyzer, q, sort, &self.clauses)
    }
}

thread_local! {
    // The app is single-threaded; leaking once gives every component a `&'static` view.
    static DATA: &'static Data = {
        let index = Index::from_bytes(ARTIFACT).expect("the embedded index was written by this build");
        // Queries must be analysed as the corpus was: the artifact names its language and the
        // stop words it learnt (the build script checked this build has the language).
        let analyzer = index.analyzer().unwrap_or_else(Analyzer::english);
        let facets = FacetIndex::new(&index);
        Box::leak(Box::new(Data { index, analyzer, facets, clauses: ClauseCache::default() }))
    };
}

pub fn data() -> &'static Data {
    DATA.with(|d| *d)
}
