//! The importers' options reach them from the command line: WordPress pages on request, JSON
//! Lines field names, and what a WordPress export left out is counted in the report.

use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// Exit success and stderr of `readingroom index --corpus CORPUS ARGS…`.
fn index(corpus: &Path, args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_readingroom"))
        .args(["index", "--corpus"])
        .arg(corpus)
        .args(args)
        .output()
        .expect("run the indexer");
    (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn wordpress_pages_on_request_and_what_was_left_out_counted() {
    let blog = fixture("wxr/blog.xml");
    let (ok, report) = index(&blog, &[]);
    assert!(ok, "{report}");
    assert!(report.contains("2 article(s) indexed"), "{report}");
    assert!(
        report.contains("left out as not articles: attachment × 1, comment × 2, draft post × 1, nav_menu_item × 1, page × 1, revision × 1"),
        "{report}"
    );
    let (ok, report) = index(&blog, &["--wxr-pages"]);
    assert!(ok, "{report}");
    assert!(report.contains("3 article(s) indexed"), "{report}");
    assert!(!report.contains("page ×"), "{report}");
}

#[test]
fn json_lines_field_names_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("export.jsonl");
    std::fs::write(
        &file,
        "{\"id\":\"x\",\"headline\":\"Libya\",\"date\":\"2016\",\"content\":\"Text about Libya.\",\"keywords\":[\"Libya\"]}\n",
    )
    .unwrap();
    let (ok, report) = index(&file, &[]);
    assert!(!ok, "nothing to build: {report}");
    assert!(report.contains("export.jsonl:1: missing title (field \"title\")"), "{report}");
    let (ok, report) = index(&file, &["--fields", "title=headline,body=content,tags=keywords"]);
    assert!(ok, "{report}");
    assert!(report.contains("1 article(s) indexed, 0 skipped"), "{report}");
    let (ok, report) = index(&file, &["--fields", "headline"]);
    assert!(!ok);
    assert!(report.contains("field mapping \"headline\": expected ours=theirs"), "{report}");
}
