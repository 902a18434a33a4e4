//! An archive in another language than English (tests/fixtures/spanish, whose archive.toml says
//! `language = "es"`): its index and its queries use that language's stemmer and stop words,
//! including the stop words it writes with diacritics ("más"), which folding would hide.

use readingroom_core::{search, Index, Sort};
use readingroom_indexer::{build_index, read_corpus};
use std::path::PathBuf;

fn spanish() -> Index {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/spanish");
    let corpus = read_corpus(&root).expect("the Spanish fixture reads");
    assert_eq!(corpus.language, "es");
    build_index(&corpus)
}

/// The slugs a query finds, in slug order.
fn found(index: &Index, q: &str) -> Vec<String> {
    let analyzer = index.analyzer().expect("the indexer reads Spanish");
    let mut slugs: Vec<String> = search(index, &analyzer, q, Sort::Relevance)
        .hits
        .iter()
        .map(|h| index.articles[h.doc as usize].slug.clone())
        .collect();
    slugs.sort();
    slugs
}

#[test]
fn the_archive_names_its_language_and_the_index_keeps_it() {
    let index = spanish();
    assert_eq!(index.language, "es");
    let back = Index::from_bytes(&index.to_bytes()).expect("the artifact reads back");
    assert_eq!(back.language, "es");
    assert!(back.stop_words.contains(&"mas".to_string()), "{:?}", back.stop_words);
}

#[test]
fn spanish_words_are_stemmed_as_spanish() {
    let index = spanish();
    // The Spanish stemmer takes "investigaciones" and "investigar" to one stem; the English one
    // leaves them apart (and more than a forgiven typo apart).
    assert_eq!(found(&index, "investigaciones "), ["la-amenaza-yihadista", "las-bombas-de-madrid"]);
    assert_eq!(found(&index, "víctima "), ["las-bombas-de-madrid"]);
}

#[test]
fn a_stop_word_written_with_an_accent_is_a_stop_word_however_it_is_typed() {
    let index = spanish();
    // Only one article writes "más"; it does not keep the other from a query for bombs.
    assert_eq!(found(&index, "más bombas "), ["la-amenaza-yihadista", "las-bombas-de-madrid"]);
    assert_eq!(found(&index, "mas bombas "), ["la-amenaza-yihadista", "las-bombas-de-madrid"]);
    assert_eq!(found(&index, "también trenes "), ["las-bombas-de-madrid"]);
}

#[test]
fn folding_still_finds_accented_names() {
    let index = spanish();
    assert_eq!(found(&index, "jose maria "), ["las-bombas-de-madrid"]);
    assert_eq!(found(&index, "Lucia "), ["las-bombas-de-madrid"]);
}
