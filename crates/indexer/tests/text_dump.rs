//! The sample corpus's source, the text dump of the blog's tag page, read by the text-dump
//! importer with its manifest, gives the seven articles of the hand-made Markdown corpus: the
//! same titles, notes, metadata, media and bodies, block for block.

use readingroom_core::{Article, Block};
use readingroom_indexer::read_corpus;
use std::collections::HashMap;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

const DUMP: &str = "corpus-dump/posts-tagged-al-qaeda.txt";

/// The body's paragraphs with each note call put back after its word, as the dump flattened
/// the superscripts ("in the region.1"): the Markdown corpus marks them, the dump cannot.
fn flattened(a: &Article) -> Vec<String> {
    a.body_texts()
        .enumerate()
        .map(|(i, t)| {
            let mut t = t.to_string();
            for r in a.note_refs.iter().rev().filter(|r| r.paragraph as usize == i) {
                t.insert_str(r.offset as usize, &r.label);
            }
            t
        })
        .collect()
}

fn shape(a: &Article) -> Vec<String> {
    a.body
        .iter()
        .map(|b| match b {
            Block::Paragraph(_) => "paragraph".into(),
            Block::Heading(h) => format!("heading {h}"),
            Block::Turn { speaker, paragraphs, .. } => format!("{speaker} × {}", paragraphs.len()),
            Block::Note { label, .. } => format!("note {label}"),
        })
        .collect()
}

#[test]
fn the_dump_and_its_manifest_give_the_markdown_corpus() {
    let dump = read_corpus(&root().join(DUMP)).expect("the dump reads");
    assert!(dump.rejected.is_empty(), "{:?}", dump.rejected);
    assert!(dump.warnings.is_empty(), "{:?}", dump.warnings);
    let md = read_corpus(&root().join("corpus")).expect("the corpus reads");
    let md: HashMap<&str, &Article> = md.articles.iter().map(|(_, a)| (a.slug.as_str(), a)).collect();
    let slugs: Vec<&str> = dump.articles.iter().map(|(_, a)| a.slug.as_str()).collect();
    // In the page's order, newest first.
    assert_eq!(
        slugs,
        [
            "view-from-the-ct-foxhole-neil-basu",
            "al-qaedas-revenge-and-the-exile",
            "comic-explainer-lone-actor-terrorism",
            "twelve-years-on-from-7-7",
            "worldwide-day-of-terror",
            "sectarian-violence-in-kashmir",
            "why-is-daesh-able-to-inspire-more-attacks",
        ]
    );
    for (_, a) in &dump.articles {
        let m = md[a.slug.as_str()];
        let s = &a.slug;
        assert_eq!(a.title, m.title, "{s}");
        assert_eq!(a.date, m.date, "{s}");
        assert_eq!((&a.outlet, &a.kind), (&m.outlet, &m.kind), "{s}");
        assert_eq!((&a.authors, &a.topics), (&m.authors, &m.topics), "{s}");
        assert_eq!(a.note, m.note, "{s}");
        assert_eq!((&a.issue, &a.bio, &a.summary), (&m.issue, &m.bio, &m.summary), "{s}");
        assert_eq!(a.media, m.media, "{s}");
        assert_eq!(shape(a), shape(m), "{s}");
        assert_eq!(a.body_texts().collect::<Vec<_>>(), flattened(m), "{s}");
    }
}

/// Without its manifest the dump still splits into its seven posts, at the right titles; the
/// one the text dates (by its issue line) is kept and each other is reported at its title's
/// line with what would date it.
#[test]
fn without_a_manifest_the_posts_are_found_and_the_undated_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tag-page.txt");
    std::fs::copy(root().join(DUMP), &path).unwrap();
    let read = read_corpus(&path).expect("one post is dated");
    assert_eq!(read.articles.len(), 1);
    let a = &read.articles[0].1;
    assert_eq!(a.date.iso(), "2018-02");
    assert_eq!(a.kind, "interview", "alternating CTC: and Basu: turns make an interview");
    assert_eq!(a.topics, ["Al Qaeda"], "the page's tag");
    let lines: Vec<Option<usize>> = read.rejected.iter().map(|e| e.line).collect();
    assert_eq!(lines, [Some(121), Some(161), Some(201), Some(223), Some(249), Some(292)]);
    for e in &read.rejected {
        assert!(e.message.contains("has no date: give it one in tag-page.manifest.toml"), "{e}");
    }
}

/// Found by fuzzing (`import_textdump`, 2026-11-29): a mangled dump in which a later post's note
/// reaches back past an earlier title made the importer slice backwards and panic. It must give
/// articles or errors, each error at a line of the file.
#[test]
fn a_mangled_dump_with_overlapping_posts_gives_errors_not_a_panic() {
    let bytes =
        std::fs::read(root().join("crates/indexer/tests/fixtures/textdump/fuzz-overlapping-posts.bin"))
            .unwrap();
    let path = std::path::Path::new("mangled.txt");
    let dump = readingroom_indexer::textdump::read(path, &String::from_utf8_lossy(&bytes), None);
    assert!(!dump.articles.is_empty() || !dump.errors.is_empty(), "something is reported");
    for e in &dump.errors {
        assert!(e.to_string().starts_with("mangled.txt:"), "{e}");
    }
}
