//! The same corpus builds byte-identical artifacts: the index (and the elasticlunr.js export)
//! from two separate runs of the indexer, each process with its own hash seeds, are the same
//! bytes, for a corpus of each format. (`cargo xtask test` also builds the whole web build twice
//! and compares every file.)

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The artifact one run of `readingroom index` writes for `corpus`.
fn artifact(corpus: &Path, out: &Path) -> Vec<u8> {
    let status = Command::new(env!("CARGO_BIN_EXE_readingroom"))
        .args(["index", "--corpus"])
        .arg(corpus)
        .arg("--out")
        .arg(out)
        .output()
        .expect("run the indexer");
    assert!(status.status.success(), "{}: {}", corpus.display(), String::from_utf8_lossy(&status.stderr));
    std::fs::read(out).expect("the artifact")
}

#[test]
fn every_format_builds_the_same_bytes_twice() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("articles.jsonl");
    std::fs::write(
        &jsonl,
        "{\"id\":\"a\",\"title\":\"Libya after Gaddafi\",\"date\":\"2016-04-02\",\"tags\":[\"Libya\",\"Islamic State\"],\"body\":\"Libya and the Islamic State.\\n\\nA second paragraph on Sirte.\"}\n\
         {\"id\":\"b\",\"title\":\"Prevent reviewed\",\"date\":\"2019\",\"authors\":[\"A. Writer\",\"B. Writer\"],\"tags\":[\"Prevent\"],\"body\":\"The Prevent strategy and MI5.\"}\n",
    )
    .unwrap();
    let corpora = [
        root().join("corpus"),
        root().join("corpus-dump/posts-tagged-al-qaeda.txt"),
        root().join("crates/indexer/tests/fixtures/wxr/blog.xml"),
        root().join("crates/indexer/tests/fixtures/html/news-page.html"),
        jsonl,
    ];
    for (i, corpus) in corpora.iter().enumerate() {
        let first = artifact(corpus, &dir.path().join(format!("{i}-a.bin")));
        let second = artifact(corpus, &dir.path().join(format!("{i}-b.bin")));
        assert!(first.len() > 100, "{}: an artifact", corpus.display());
        assert!(first == second, "{}: two runs gave different artifacts", corpus.display());
    }
}

#[test]
fn the_elasticlunr_export_is_the_same_twice() {
    let read = || readingroom_indexer::read_corpus(&root().join("corpus")).expect("the sample reads");
    let (a, b) = (read(), read());
    let export = |c| readingroom_indexer::elasticlunr_export::export(c, "en").expect("English");
    assert_eq!(export(&a), export(&b));
}

#[test]
fn shards_are_the_same_bytes_twice() {
    let dir = tempfile::tempdir().unwrap();
    let files = |run: &str| -> Vec<(String, Vec<u8>)> {
        let out = dir.path().join(run);
        std::fs::create_dir(&out).unwrap();
        let status = Command::new(env!("CARGO_BIN_EXE_readingroom"))
            .args(["index", "--shards", "always", "--shard-kb", "8", "--corpus"])
            .arg(root().join("corpus"))
            .arg("--out")
            .arg(out.join("index.bin"))
            .output()
            .expect("run the indexer");
        assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
        let mut names: Vec<_> =
            std::fs::read_dir(out.join("shards")).unwrap().map(|e| e.unwrap().path()).collect();
        names.sort();
        names.push(out.join("index.bin"));
        names
            .iter()
            .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(p).unwrap()))
            .collect()
    };
    let (a, b) = (files("a"), files("b"));
    assert!(a.len() >= 7, "several shards, as .bin and .js, and the artifact: {}", a.len());
    assert!(a == b, "two runs gave different shards or artifacts");
}
