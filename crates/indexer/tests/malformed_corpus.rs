//! Bad input gets a clear error naming the file and line; every bad file is reported at once.

use readingroom_indexer::{read_corpus, CorpusError};
use std::path::Path;

const GOOD: &str = "+++\ntitle = \"Fine\"\ndate = \"2017-07\"\n+++\nA body.\n";

fn corpus(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

fn errors(files: &[(&str, &[u8])]) -> Vec<CorpusError> {
    let dir = corpus(files);
    match read_corpus(dir.path()) {
        Ok(c) => panic!("expected errors, read {} articles", c.articles.len()),
        Err(e) => e,
    }
}

fn one(name: &str, text: &str) -> CorpusError {
    let mut e = errors(&[(name, text.as_bytes())]);
    assert_eq!(e.len(), 1, "{e:?}");
    e.remove(0)
}

fn file_name(e: &CorpusError) -> String {
    Path::new(&e.file).file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn missing_title_names_file_and_line() {
    let e = one("no-title.md", "+++\ndate = \"2017\"\n+++\nBody.\n");
    assert_eq!(file_name(&e), "no-title.md");
    assert_eq!(e.line, Some(2));
    assert!(e.message.contains("missing title"), "{e}");
    assert!(e.to_string().ends_with("no-title.md:2: missing title"), "{e}");
}

#[test]
fn missing_and_impossible_dates() {
    let e = one("no-date.md", "+++\ntitle = \"T\"\n+++\nBody.\n");
    assert!(e.message.contains("missing date"), "{e}");
    let e = one("bad-date.md", "+++\ntitle = \"T\"\noutlet = \"X\"\ndate = \"2028-13-01\"\n+++\nBody.\n");
    assert_eq!(e.line, Some(4));
    assert!(e.message.contains("month 13"), "{e}");
    let e = one("spring.md", "+++\ntitle = \"T\"\ndate = \"Spring 2017\"\n+++\nBody.\n");
    assert_eq!(e.line, Some(3));
}

#[test]
fn malformed_front_matter_points_at_its_line() {
    let e = one("broken.md", "+++\ntitle = \"T\"\ndate = \"2017\"\nauthors = [\"A\",\n+++\nBody.\n");
    assert_eq!(e.line, Some(4), "{e}");
    assert!(e.message.starts_with("malformed front matter"), "{e}");
    let e = one("unknown.md", "+++\ntitle = \"T\"\ndate = \"2017\"\nauthor = \"A\"\n+++\nBody.\n");
    assert!(e.message.contains("author"), "unknown keys are refused, not ignored: {e}");
    let e = one("unclosed.md", "+++\ntitle = \"T\"\n");
    assert!(e.message.contains("never closed"), "{e}");
    let e = one("none.md", "Just text\n");
    assert_eq!(e.line, Some(1));
}

#[test]
fn invalid_utf8_names_its_line() {
    let mut bytes = GOOD.as_bytes().to_vec();
    bytes.extend_from_slice(b"second line\n\xff\xfe bad\n");
    let e = errors(&[("latin1.md", &bytes)]);
    assert_eq!(e[0].line, Some(7));
    assert!(e[0].message.contains("UTF-8"));
}

#[test]
fn duplicate_slugs_name_both_files() {
    let e = errors(&[
        ("a.md", b"+++\ntitle = \"A\"\nslug = \"same\"\ndate = \"2017\"\n+++\nA.\n"),
        ("b.md", b"+++\ntitle = \"B\"\nslug = \"same\"\ndate = \"2018\"\n+++\nB.\n"),
    ]);
    assert_eq!(e.len(), 1);
    assert_eq!(file_name(&e[0]), "b.md");
    assert_eq!(e[0].line, Some(3));
    assert!(e[0].message.contains("a.md"), "{}", e[0]);
}

#[test]
fn every_bad_file_is_reported_not_just_the_first() {
    let e = errors(&[
        ("1.md", b"+++\ndate = \"2017\"\n+++\nA.\n"),
        ("2.md", GOOD.as_bytes()),
        ("3.md", b"+++\ntitle = \"T\"\ndate = \"0000-00-00\"\n+++\nB.\n"),
        ("4.md", b"+++\ntitle = \"T\"\ndate = \"2017\"\n+++\n\n"),
    ]);
    let names: Vec<String> = e.iter().map(file_name).collect();
    assert_eq!(names, ["1.md", "3.md", "4.md"]);
}

#[test]
fn a_valid_corpus_reads_with_a_bom_and_crlf() {
    let dir = corpus(&[(
        "crlf.md",
        "\u{feff}+++\r\ntitle = \"T\"\r\ndate = \"2017-07-07\"\r\n+++\r\nBody one.\r\n\r\nBody two.\r\n"
            .as_bytes(),
    )]);
    let c = read_corpus(dir.path()).unwrap();
    assert_eq!(c.articles[0].1.body.len(), 2);
    assert_eq!(c.articles[0].1.slug, "crlf");
}
