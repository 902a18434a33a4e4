//! A damaged or hostile index artifact gives an error, never a panic; whatever decodes must also
//! be searchable, countable by facet and shown (dates, snippets) without panicking, as the app
//! does all of these at load.
#![no_main]

use libfuzzer_sys::fuzz_target;
use readingroom_core::facets::{tally, FacetIndex, Selection};
use readingroom_core::snippet::Highlighter;
use readingroom_core::{search, Analyzer, Index, Sort};

fuzz_target!(|data: &[u8]| {
    // Most inputs lack the header; give the fuzzer the magic and version for free.
    let mut bytes = b"RRIX".to_vec();
    bytes.extend_from_slice(&readingroom_core::index::FORMAT_VERSION.to_le_bytes());
    bytes.extend_from_slice(data);
    for input in [data, &bytes[..]] {
        if let Ok(index) = Index::from_bytes(input) {
            let analyzer = index.analyzer().unwrap_or_else(Analyzer::english);
            let facets = FacetIndex::new(&index);
            for a in &index.articles {
                let _ = (a.date.to_string(), a.dates.iter().map(|d| (d.from.to_string(), d.to.to_string())).count());
            }
            for q in ["a", "the threat", "\"lone actor\" -x", "terorism", "IS"] {
                let r = search(&index, &analyzer, q, Sort::Relevance);
                let _ = tally(&facets, r.hits.iter().map(|h| h.doc), &Selection::default());
                let hl = Highlighter::new(&index, &analyzer, &r);
                for h in r.hits.iter().take(3) {
                    let _ = hl.snippet(h.doc, &index.articles[h.doc as usize], 40);
                }
            }
        }
    }
});
