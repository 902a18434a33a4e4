//! A damaged or hostile index artifact gives an error, never a panic; whatever decodes must also
//! be searchable without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use readingroom_core::{search, Analyzer, Index, Sort};

fuzz_target!(|data: &[u8]| {
    // Most inputs lack the header; give the fuzzer the magic and version for free.
    let mut bytes = b"RRIX".to_vec();
    bytes.extend_from_slice(&readingroom_core::index::FORMAT_VERSION.to_le_bytes());
    bytes.extend_from_slice(data);
    for input in [data, &bytes[..]] {
        if let Ok(index) = Index::from_bytes(input) {
            let analyzer = Analyzer::english();
            for q in ["a", "the threat", "\"lone actor\" -x", "terorism", "IS"] {
                let _ = search(&index, &analyzer, q, Sort::Relevance);
            }
        }
    }
});
