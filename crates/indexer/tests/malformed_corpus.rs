//! The bad-input suite: malformed corpora, each with the message it must give (file, line and
//! reason), and the valid articles beside it that must still be indexed — nothing valid lost.
//! A record that cannot be used is skipped and reported; a warning keeps the record; a fatal
//! problem (no article at all, a broken gazetteer) stops the build.

use readingroom_core::Block;
use readingroom_indexer::{read_corpus, Corpus, CorpusError};
use std::path::Path;

const GOOD: &str = "+++\ntitle = \"Fine\"\ndate = \"2017-07\"\n+++\nA body that is fine.\n";

/// What a case must report.
#[derive(Clone, Copy, Debug)]
enum Kind {
    Skipped,
    Warning,
    Fatal,
}

struct Case {
    name: &'static str,
    files: Vec<(&'static str, Vec<u8>)>,
    /// (kind, file name, line, a substring of the message)
    expect: Vec<(Kind, &'static str, Option<usize>, &'static str)>,
    /// Slugs that must be indexed.
    kept: Vec<&'static str>,
}

fn case(name: &'static str, bad: (&'static str, &[u8]), expect: (Kind, Option<usize>, &'static str)) -> Case {
    Case {
        name,
        files: vec![("good.md", GOOD.into()), (bad.0, bad.1.to_vec())],
        expect: vec![(expect.0, bad.0, expect.1, expect.2)],
        kept: vec!["good"],
    }
}

fn fm(front: &str, body: &str) -> Vec<u8> {
    format!("+++\n{front}\n+++\n{body}").into_bytes()
}

fn cases() -> Vec<Case> {
    use Kind::*;
    let mut latin1 = b"+++\ntitle = \"Caf".to_vec();
    latin1.extend_from_slice(b"\xe9\"\ndate = \"2017\"\n+++\nBody.\n");
    let mut invalid = GOOD.as_bytes().to_vec();
    invalid.extend_from_slice(b"second line\n\xff\xfe bad\n");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend("+++\n".encode_utf16().flat_map(|u| u.to_le_bytes()));
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend(std::iter::repeat_n(0u8, 64));
    let huge =
        fm("title = \"Huge\"\ndate = \"2017\"", &"All work and no play. ".repeat(20 * 1024 * 1024 / 22));
    let deep_quote =
        fm("title = \"Deep quote\"\ndate = \"2017\"", &format!("{} the text\n", ">".repeat(20_000)));
    let deep_html = fm(
        "title = \"Deep HTML\"\ndate = \"2017\"",
        &format!("Before.\n\n{}deep text{}\n\nAfter.\n", "<div>".repeat(20_000), "</div>".repeat(20_000)),
    );
    let long_line = fm("title = \"Long line\"\ndate = \"2017\"", &"word ".repeat(200_000));
    vec![
        case("invalid UTF-8", ("latin1-body.md", &invalid), (Skipped, Some(7), "not valid UTF-8")),
        case("Latin-1 title", ("latin1-title.md", &latin1), (Skipped, Some(2), "Latin-1")),
        case("UTF-16", ("utf16.md", &utf16), (Skipped, Some(1), "UTF-16")),
        case("binary named .md", ("image.md", &png), (Skipped, None, "binary file")),
        case("empty file", ("empty.md", b""), (Skipped, None, "empty file")),
        case("only blank lines", ("blank.md", b"\n\n  \n"), (Skipped, Some(1), "must start with a line `+++`")),
        case("no front matter", ("plain.md", b"Just text\n"), (Skipped, Some(1), "expected front matter")),
        case("front matter never closed", ("unclosed.md", b"+++\ntitle = \"T\"\n"), (Skipped, Some(1), "never closed")),
        case(
            "front matter only",
            ("no-body.md", &fm("title = \"T\"\ndate = \"2017\"", "")),
            (Skipped, Some(5), "no body text"),
        ),
        case(
            "whitespace body",
            ("blank-body.md", &fm("title = \"T\"\ndate = \"2017\"", "\n   \n\t\n")),
            (Skipped, Some(5), "no body text"),
        ),
        case(
            "broken TOML",
            ("broken.md", &fm("title = \"T\"\ndate = \"2017\"\nauthors = [\"A\",", "Body.\n")),
            (Skipped, Some(4), "malformed front matter"),
        ),
        case(
            "duplicate key",
            ("dup-key.md", &fm("title = \"T\"\ndate = \"2017\"\ntitle = \"U\"", "Body.\n")),
            (Skipped, Some(4), "malformed front matter"),
        ),
        case("missing title", ("no-title.md", &fm("date = \"2017\"", "Body.\n")), (Skipped, Some(2), "missing title")),
        case(
            "empty title",
            ("empty-title.md", &fm("title = \"  \"\ndate = \"2017\"", "Body.\n")),
            (Skipped, Some(2), "missing title"),
        ),
        case("missing date", ("no-date.md", &fm("title = \"T\"", "Body.\n")), (Skipped, Some(2), "missing date")),
        case(
            "date 0000-00-00",
            ("zero.md", &fm("title = \"T\"\ndate = \"0000-00-00\"", "Body.\n")),
            (Skipped, Some(3), "year 0000"),
        ),
        case(
            "date 2028-13-01",
            ("month.md", &fm("title = \"T\"\noutlet = \"X\"\ndate = \"2028-13-01\"", "Body.\n")),
            (Skipped, Some(4), "month 13"),
        ),
        case(
            "date 2017-02-30",
            ("feb.md", &fm("title = \"T\"\ndate = \"2017-02-30\"", "Body.\n")),
            (Skipped, Some(3), "February has 28 days"),
        ),
        case(
            "date Spring 2017",
            ("spring.md", &fm("title = \"T\"\ndate = \"Spring 2017\"", "Body.\n")),
            (Skipped, Some(3), "expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ),
        case(
            "date as a TOML date",
            ("toml-date.md", &fm("title = \"T\"\ndate = 2017-02-03", "Body.\n")),
            (Skipped, Some(3), "malformed front matter"),
        ),
        case(
            "unknown field",
            ("typo.md", &fm("title = \"T\"\ndate = \"2017\"\nauthor = \"A\"", "Body.\n")),
            (Skipped, Some(4), "unknown field `author`"),
        ),
        case(
            "wrong type",
            ("topics.md", &fm("title = \"T\"\ndate = \"2017\"\ntopics = \"Libya\"", "Body.\n")),
            (Skipped, Some(4), "invalid type"),
        ),
        case(
            "bad explicit slug",
            ("slug.md", &fm("title = \"T\"\nslug = \"Bad Slug\"\ndate = \"2017\"", "Body.\n")),
            (Skipped, Some(3), "lower-case letters, digits and hyphens"),
        ),
        case("a 20 MB article", ("huge.md", &huge), (Skipped, None, "over the 8 MB limit")),
        Case {
            name: "a date in the future is kept, with a warning",
            files: vec![("good.md", GOOD.into()), ("future.md", fm("title = \"T\"\ndate = \"2099-01-01\"", "Body.\n"))],
            expect: vec![(Warning, "future.md", None, "2099-01-01 is in the future")],
            kept: vec!["good", "future"],
        },
        Case {
            name: "duplicate slugs: the first keeps it, the next is renamed, both kept",
            files: vec![
                ("a.md", fm("title = \"A\"\nslug = \"same\"\ndate = \"2017\"", "A.\n")),
                ("b.md", fm("title = \"B\"\nslug = \"same\"\ndate = \"2018\"", "B.\n")),
                ("c.md", fm("title = \"C\"\nslug = \"same-2\"\ndate = \"2018\"", "C.\n")),
            ],
            expect: vec![(Warning, "b.md", Some(3), "already used by")],
            kept: vec!["same", "same-2", "same-3"],
        },
        Case {
            name: "CRLF, a BOM and old Mac line ends are read; CRLF keeps line numbers right",
            files: vec![
                ("crlf.md", b"+++\r\ntitle = \"T\"\r\ndate = \"2017-07-07\"\r\n+++\r\nOne.\r\n\r\nTwo.\r\n".to_vec()),
                ("bom.md", [b"\xEF\xBB\xBF".as_slice(), GOOD.as_bytes()].concat()),
                ("mac.md", b"+++\rtitle = \"T\"\rdate = \"2017\"\r+++\rOne.\r\rTwo.\r".to_vec()),
                ("crlf-bad.md", b"+++\r\ntitle = \"T\"\r\ndate = \"2017-13\"\r\n+++\r\nOne.\r\n".to_vec()),
            ],
            expect: vec![(Skipped, "crlf-bad.md", Some(3), "month 13")],
            kept: vec!["crlf", "bom", "mac"],
        },
        Case {
            name: "deeply nested quotes and HTML, and a 1 MB line, are read without overflow",
            files: vec![("deep-quote.md", deep_quote), ("deep-html.md", deep_html), ("long-line.md", long_line)],
            expect: vec![],
            kept: vec!["deep-quote", "deep-html", "long-line"],
        },
        Case {
            name: "file names that are not slugs become slugs",
            files: vec![("My Draft (v2).md", GOOD.into())],
            expect: vec![],
            kept: vec!["my-draft-v2"],
        },
        Case {
            name: "hidden files, editor backups and other files are not articles",
            files: vec![
                ("good.md", GOOD.into()),
                (".#good.md", b"lock".to_vec()),
                (".hidden.md", b"not an article".to_vec()),
                ("good.md~", b"backup".to_vec()),
                ("notes.txt", b"notes".to_vec()),
                ("cover.png", png.clone()),
            ],
            expect: vec![],
            kept: vec!["good"],
        },
        Case {
            name: "JSON Lines: each bad line skipped with its number, the others kept",
            files: vec![(
                "archive.jsonl",
                concat!(
                    "{\"id\": \"one\", \"title\": \"One\", \"date\": \"2017\", \"body\": \"B.\"}\n",
                    "{\"id\": \"two\", \"title\": \"Two\", \"date\": \"Spring 2017\", \"body\": \"B.\"}\n",
                    "not json\n",
                    "{\"id\": \"three\", \"title\": \"Three\", \"date\": \"2018-02-03T10:00:00Z\", \"body\": \"B.\"}\n",
                )
                .into(),
            )],
            expect: vec![(Skipped, "archive.jsonl", Some(2), "Spring 2017"), (Skipped, "archive.jsonl", Some(3), "not JSON")],
            kept: vec!["one", "three"],
        },
        Case {
            name: "every bad file is reported, not just the first",
            files: vec![
                ("1.md", fm("date = \"2017\"", "A.\n")),
                ("2.md", GOOD.into()),
                ("3.md", fm("title = \"T\"\ndate = \"0000-00-00\"", "B.\n")),
                ("4.md", fm("title = \"T\"\ndate = \"2017\"", "\n")),
            ],
            expect: vec![
                (Skipped, "1.md", Some(2), "missing title"),
                (Skipped, "3.md", Some(3), "year 0000"),
                (Skipped, "4.md", Some(5), "no body text"),
            ],
            kept: vec!["2"],
        },
        Case {
            name: "no article at all",
            files: vec![("notes.txt", b"notes".to_vec())],
            expect: vec![(Fatal, "", None, "no articles found")],
            kept: vec![],
        },
        Case {
            name: "every article bad",
            files: vec![("a.md", b"".to_vec()), ("b.md", fm("title = \"T\"", "B.\n"))],
            expect: vec![(Fatal, "a.md", None, "empty file"), (Fatal, "b.md", Some(2), "missing date")],
            kept: vec![],
        },
        Case {
            name: "a broken gazetteer stops the build, at its line",
            files: vec![("good.md", GOOD.into()), ("gazetteer.toml", b"[[entity]]\nname = \"X\"\ntype = \n".to_vec())],
            expect: vec![(Fatal, "gazetteer.toml", Some(3), "malformed gazetteer")],
            kept: vec![],
        },
        Case {
            name: "a gazetteer entity of an unknown type",
            files: vec![
                ("good.md", GOOD.into()),
                ("gazetteer.toml", b"[[entity]]\nname = \"A\"\ntype = \"place\"\n\n[[entity]]\nname = \"X\"\ntype = \"planet\"\n".to_vec()),
            ],
            expect: vec![(Fatal, "gazetteer.toml", Some(6), "type \"planet\" is not one of")],
            kept: vec![],
        },
        Case {
            name: "a gazetteer's error names its entity's line, however its keys are spaced",
            files: vec![
                ("good.md", GOOD.into()),
                ("gazetteer.toml", b"[[entity]]\nname=\"A\"\ntype=\"place\"\n\n[[entity]]\nname=\"Foo\"\ntype=\"thing\"\n".to_vec()),
            ],
            expect: vec![(Fatal, "gazetteer.toml", Some(6), "entity \"Foo\": type \"thing\"")],
            kept: vec![],
        },
        Case {
            name: "two entities of one name (a person and a place) stop the build, naming both lines",
            files: vec![
                ("good.md", GOOD.into()),
                (
                    "gazetteer.toml",
                    b"[[entity]]\nname = \"Georgia\"\ntype = \"person\"\n\n[[entity]]\nname = \"Georgia\"\ntype = \"place\"\n".to_vec(),
                ),
            ],
            expect: vec![(Fatal, "gazetteer.toml", Some(6), "its name is \"Georgia\"'s, at line 2")],
            kept: vec![],
        },
        Case {
            name: "a gazetteer name that is only markup is left out, and said",
            files: vec![
                ("good.md", GOOD.into()),
                ("gazetteer.toml", b"[[entity]]\nname = \"Libya\"\ntype = \"place\"\naliases = [\"<b></b>\", \"Libia\"]\n".to_vec()),
            ],
            expect: vec![(Warning, "gazetteer.toml", Some(2), "the name \"<b></b>\" has no text")],
            kept: vec!["good"],
        },
        Case {
            name: "a gazetteer saved as Latin-1 is named with the line of its first bad byte",
            files: vec![
                ("good.md", GOOD.into()),
                ("gazetteer.toml", b"[[entity]]\nname = \"Libya\"\ntype = \"place\"\n\n[[entity]]\nname = \"Caf\xe9\"\n".to_vec()),
            ],
            expect: vec![(Fatal, "gazetteer.toml", Some(6), "not valid UTF-8")],
            kept: vec![],
        },
        Case {
            name: "an archive file saved as Latin-1 likewise",
            files: vec![("good.md", GOOD.into()), ("archive.toml", b"language = \"en\"\nname = \"Caf\xe9\"\n".to_vec())],
            expect: vec![(Fatal, "archive.toml", Some(2), "not valid UTF-8")],
            kept: vec![],
        },
    ]
}

fn file_name(e: &CorpusError) -> String {
    Path::new(&e.file).file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default()
}

fn check(c: &Case) -> Result<(), String> {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in &c.files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    let got: Vec<(String, CorpusError)> = match read_corpus(dir.path()) {
        Ok(Corpus { articles, rejected, warnings, .. }) => {
            let mut slugs: Vec<&str> = articles.iter().map(|(_, a)| a.slug.as_str()).collect();
            slugs.sort();
            let mut kept = c.kept.clone();
            kept.sort();
            if slugs != kept {
                return Err(format!("indexed {slugs:?}, expected {kept:?}"));
            }
            rejected
                .into_iter()
                .map(|e| ("Skipped".to_string(), e))
                .chain(warnings.into_iter().map(|e| ("Warning".to_string(), e)))
                .collect()
        }
        Err(errors) => {
            if !c.kept.is_empty() {
                return Err(format!("the build stopped: {errors:?}"));
            }
            errors.into_iter().map(|e| ("Fatal".to_string(), e)).collect()
        }
    };
    let shown: Vec<String> = got.iter().map(|(k, e)| format!("{k} {e}")).collect();
    if got.len() != c.expect.len() {
        return Err(format!("expected {} problem(s), got {shown:#?}", c.expect.len()));
    }
    for (kind, file, line, text) in &c.expect {
        let found = got.iter().any(|(k, e)| {
            *k == format!("{kind:?}")
                && (file.is_empty() || file_name(e) == *file)
                && e.line == *line
                && e.message.contains(text)
        });
        if !found {
            return Err(format!("no {kind:?} {file}:{line:?} containing {text:?} in {shown:#?}"));
        }
    }
    // Every message names its file, and the line where it has one, in `file:line: why` form.
    for (_, e) in &got {
        let s = e.to_string();
        let want = match e.line {
            Some(l) => format!("{}:{l}: ", e.file.display()),
            None => format!("{}: ", e.file.display()),
        };
        if !s.starts_with(&want) {
            return Err(format!("{s:?} does not start with {want:?}"));
        }
    }
    Ok(())
}

#[test]
fn the_bad_input_suite() {
    let cases = cases();
    assert!(cases.len() >= 25, "{} cases", cases.len());
    let failures: Vec<String> =
        cases.iter().filter_map(|c| check(c).err().map(|why| format!("{}: {why}", c.name))).collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("sub/good.md"), GOOD).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("gone.md"), dir.path().join("sub/dangling.md")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("gone.png"), dir.path().join("sub/logo.png")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("sub/good.md"), dir.path().join("linked.md")).unwrap();
    let c = read_corpus(dir.path()).unwrap();
    // A link to a file is read as the file; the curator hears of the links that are not.
    assert_eq!(c.articles.len(), 2);
    let said: Vec<(String, &str)> = c.warnings.iter().map(|w| (file_name(w), w.message.as_str())).collect();
    assert_eq!(said.len(), 2, "{said:?}");
    assert!(said[0].0 == "dangling.md" && said[0].1.contains("leads nowhere"), "{said:?}");
    assert!(said[1].0 == "loop" && said[1].1.contains("link to a folder, not followed"), "{said:?}");
}

#[test]
fn the_body_of_crlf_and_mac_files_keeps_its_paragraphs() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mac.md"), "+++\rtitle = \"T\"\rdate = \"2017\"\r+++\rOne.\r\rTwo.\r")
        .unwrap();
    let c = read_corpus(dir.path()).unwrap();
    assert_eq!(c.articles[0].1.body, [Block::Paragraph("One.".into()), Block::Paragraph("Two.".into())]);
}

#[test]
fn the_report_counts_read_indexed_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.md"), GOOD).unwrap();
    std::fs::write(dir.path().join("bad.md"), "+++\ntitle = \"T\"\n+++\nBody.\n").unwrap();
    let report = read_corpus(dir.path()).unwrap().report();
    assert!(report.contains("skipped: ") && report.contains("bad.md:2: missing date"), "{report}");
    assert!(report.ends_with("2 file(s) read: 1 article(s) indexed, 1 skipped, 0 warning(s)\n"), "{report}");
}

/// File extensions in capitals ("NOTES.MD", "FEED.JSONL") were passed over without a word, while
/// ".HTML" and ".TXT" were read.
#[test]
fn extensions_in_capitals_are_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("UPPER.MD"),
        "+++\ntitle = \"Upper\"\ndate = \"2017-01-02\"\n+++\n\nText.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("FEED.JSONL"),
        "{\"title\": \"Fed\", \"date\": \"2017\", \"body\": \"Text.\"}\n",
    )
    .unwrap();
    let corpus = readingroom_indexer::read_corpus(dir.path()).unwrap_or_else(|e| panic!("{e:?}"));
    let mut slugs: Vec<&str> = corpus.articles.iter().map(|(_, a)| a.slug.as_str()).collect();
    slugs.sort();
    assert_eq!(slugs, ["fed", "upper"]);
}
