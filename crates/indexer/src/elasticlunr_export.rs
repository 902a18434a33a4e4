//! An elasticlunr.js-compatible index of the corpus, for host sites that already search with
//! elasticlunr.js: load it with `elasticlunr.Index.load(json)`. Refs are article slugs.
//! Reading Room itself does not use it: its own index is smaller and supports what elasticlunr
//! cannot (phrases, typos, aliases).

use crate::corpus::Corpus;

/// `language` is an ISO 639-1 code, as `archive.toml` gives it ("nl", which lunr-languages
/// calls "du").
pub fn export(corpus: &Corpus, language: &str) -> Option<String> {
    let lang = elasticlunr::lang::from_code(readingroom_core::analyze::lunr_code(language))?;
    let mut index = elasticlunr::IndexBuilder::with_language(lang)
        .save_docs(false)
        .add_fields(["title", "note", "body"])
        .set_ref("id")
        .build();
    let mut articles: Vec<_> = corpus.articles.iter().map(|(_, a)| a).collect();
    articles.sort_by(|a, b| a.slug.cmp(&b.slug));
    for a in articles {
        let body: Vec<&str> = a.body_texts().collect();
        index.add_doc(&a.slug, [a.title.as_str(), &a.note.join("\n\n"), &body.join("\n\n")]);
    }
    Some(index.to_json())
}
