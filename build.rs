//! Puts the index artifact where the app embeds it (`include_bytes!`). Either `cargo xtask build`
//! hands over the artifact it has just built and validated (READINGROOM_ARTIFACT), or, for a plain
//! `cargo build` or `trunk serve`, the corpus is indexed here (READINGROOM_CORPUS, default corpus/).

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=READINGROOM_CORPUS");
    println!("cargo:rerun-if-env-changed=READINGROOM_ARTIFACT");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo")).join("index.bin");
    if let Some(artifact) = std::env::var("READINGROOM_ARTIFACT").ok().filter(|a| !a.is_empty()) {
        println!("cargo:rerun-if-changed={artifact}");
        let bytes = std::fs::read(&artifact).unwrap_or_else(|e| panic!("{artifact}: {e}"));
        let index =
            readingroom_indexer::Index::from_bytes(&bytes).unwrap_or_else(|e| panic!("{artifact}: {e}"));
        check_language(&index.language);
        std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
        return;
    }
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
    for problem in read.warnings.iter().chain(&read.rejected) {
        println!("cargo:warning={problem}");
    }
    check_language(&read.language);
    let index = readingroom_indexer::build_index(&read);
    std::fs::write(&out, index.to_bytes()).expect("write the index artifact");
}

/// The app analyses queries as the corpus was indexed: an archive in another language than
/// English needs the stemmers this build leaves out unless asked (`cargo xtask build` asks).
fn check_language(language: &str) {
    if language != "en" && std::env::var_os("CARGO_FEATURE_LANGUAGES").is_none() {
        panic!(
            "the archive is in the language {language:?}, which this build cannot analyse: build with \
             `--features languages` (cargo xtask build does when archive.toml names a language)"
        );
    }
}
