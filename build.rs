//! Builds the index artifact from the corpus at compile time, so the app embeds it
//! (`include_bytes!`). The corpus folder comes from READINGROOM_CORPUS (default: corpus/).

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=READINGROOM_CORPUS");
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let corpus = std::env::var("READINGROOM_CORPUS")
        .ok()
        .filter(|c| !c.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest.join("corpus"));
    let corpus = if corpus.is_absolute() { corpus } else { manifest.join(corpus) };
    // A directory here makes cargo rerun this script when any file under it changes.
    println!("cargo:rerun-if-changed={}", corpus.display());
    let read = match readingroom_indexer::read_corpus(&corpus) {
        Ok(c) => c,
        Err(errors) => {
            for e in &errors {
                println!("cargo:warning={e}");
            }
            panic!("the corpus at {} has {} error(s), listed above", corpus.display(), errors.len());
        }
    };
    let index = readingroom_indexer::build_index(&read, readingroom_indexer::Analyzer::english());
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo")).join("index.bin");
    std::fs::write(&out, index.to_bytes()).expect("write the index artifact");
}
