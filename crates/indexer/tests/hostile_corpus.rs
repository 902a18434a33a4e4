//! The hostile fixture corpus (tests/fixtures/hostile) reads without error, and what reaches the
//! artifact is text: no markup, no payload, no link outside the scheme allowlist. The browser
//! side is tests/e2e/hostile.test.mjs.

use readingroom_core::Article;
use readingroom_indexer::read_corpus;
use std::path::Path;

fn corpus() -> readingroom_indexer::Corpus {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/hostile");
    read_corpus(&root).unwrap_or_else(|e| panic!("{e:?}"))
}

fn article<'a>(c: &'a readingroom_indexer::Corpus, slug: &str) -> &'a Article {
    &c.articles.iter().find(|(_, a)| a.slug == slug).expect(slug).1
}

/// Every text of an article, as the app would show it.
fn texts(a: &Article) -> Vec<String> {
    let mut t = vec![a.title.clone(), a.outlet.clone(), a.kind.clone()];
    t.extend(a.authors.iter().chain(&a.topics).chain(&a.note).cloned());
    t.extend([&a.summary, &a.issue, &a.bio].into_iter().flatten().cloned());
    t.extend(a.media.iter().flat_map(|m| [m.caption.clone(), m.credit.clone()]).flatten());
    t.extend(a.body.iter().flat_map(|b| b.texts()).map(str::to_string));
    t
}

#[test]
fn fields_are_reduced_to_their_text() {
    let c = corpus();
    let a = article(&c, "script-tags");
    assert_eq!(a.title, "Quokka census report");
    assert_eq!(a.outlet, "Island Gazette");
    assert_eq!(a.kind, "interview");
    assert_eq!(a.authors, ["Ada Quill", "Ben Ink"]);
    assert_eq!(a.topics, ["Wildlife", "\">Islands"]);
    assert_eq!(a.note, ["The blogger's note on quokkas.", "A second note paragraph."]);
    assert_eq!(a.summary.as_deref(), Some("Counting the island's quokkas"));
    assert_eq!(a.issue.as_deref(), Some("Issue 7"));
    assert_eq!(a.bio.as_deref(), Some("Ada Quill counts animals."));
    assert_eq!(a.media[0].caption.as_deref(), Some("A quokka smiling."));
    assert_eq!(a.media[0].credit.as_deref(), Some("Photo: Ben Ink"));
    let b = article(&c, "handlers-and-urls");
    assert_eq!(b.title, "Marzipan bakers remember the flood");
    assert_eq!(b.outlet, "Sugar Review");
    let s = article(&c, "svg-mathml-broken");
    assert_eq!(s.title, "Tidepool at dusk");
    assert_eq!(s.authors, ["Dee Shell"]);
    let names: Vec<&str> = c.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Quokka Trust", "Rottnest Island", "Great Marzipan Flood"]);
}

#[test]
fn links_outside_the_allowlist_are_dropped() {
    let c = corpus();
    assert_eq!(article(&c, "script-tags").url, None);
    assert_eq!(article(&c, "script-tags").media[0].file, None);
    assert_eq!(article(&c, "handlers-and-urls").url, None);
    assert_eq!(article(&c, "handlers-and-urls").media[0].file, None);
    assert_eq!(
        article(&c, "svg-mathml-broken").url.as_deref(),
        Some("https://example.org/tidepool?a=1&b=<script>")
    );
}

#[test]
fn no_payload_reaches_the_artifact_and_the_text_does() {
    let c = corpus();
    // Two paragraphs are text by CommonMark's rules, shown as written, not markup: an escaped
    // tag, and a tag broken before its `>` (no Markdown renderer emits either as HTML).
    let literal = [
        "Literal <script>alert('shown as text')</script> is text the reader should see.",
        "Unclosed bold and <img src=x onerror=\"window.__pwned='unclosed'\" and a < broken tag.",
    ];
    let all: Vec<String> = c.articles.iter().flat_map(|(_, a)| texts(a)).collect();
    for l in literal {
        assert!(all.iter().any(|t| t == l), "{l:?}");
    }
    for (_, a) in &c.articles {
        for t in texts(a).into_iter().filter(|t| !literal.contains(&t.as_str())) {
            for bad in [
                "onerror",
                "onload",
                "onclick",
                "onmouseover",
                "ontoggle",
                "<img",
                "<svg",
                "<iframe",
                "__pwned",
            ] {
                assert!(!t.contains(bad), "{}: {bad:?} in {t:?}", a.slug);
            }
        }
    }
    let body = |slug| texts(article(&c, slug)).join("\n");
    for (slug, sentence) in [
        ("script-tags", "The quokka census counted four hundred animals on Rottnest Island in March 2019."),
        ("script-tags", "Literal <script>alert('shown as text')</script> is text the reader should see."),
        ("handlers-and-urls", "The heliotrope icing survived inside a sealed tin."),
        ("handlers-and-urls", "A link that must not run and an image alt text and an anchor and"),
        ("svg-mathml-broken", "The tidepool snails crossed the wet rock in eleven minutes."),
        ("svg-mathml-broken", "The periwinkle shells glinted in the evening light."),
    ] {
        assert!(body(slug).contains(sentence), "{slug}: {sentence:?} missing from {:?}", body(slug));
    }
    // The interview's speakers lost their markup and still start turns.
    let turns = article(&c, "script-tags")
        .body
        .iter()
        .filter(|b| matches!(b, readingroom_core::Block::Turn { .. }))
        .count();
    assert_eq!(turns, 2);
}
