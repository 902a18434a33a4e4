//! `cargo xtask fuzz`: runs each cargo-fuzz target for a while, from seeds made here.
//! cargo fuzz needs nightly-only compiler flags (sanitizers); these machines have one stable
//! toolchain, so the fuzz build alone runs with RUSTC_BOOTSTRAP=1, which lets stable accept them.

use crate::tools::{root, run, Result};
use readingroom_indexer::{build_index, read_corpus};
use std::process::Command;

pub const TARGETS: [&str; 9] = [
    "query",
    "index_reader",
    "shard_reader",
    "import_markdown",
    "import_jsonl",
    "import_wxr",
    "import_html",
    "import_textdump",
    "gazetteer",
];

const QUERY_SEEDS: [&str; 12] = [
    "lone actor",
    "\"lone actor\" -Daesh",
    "Kashmir OR Aleppo",
    "IS",
    "al-Qa`ida",
    "terorism",
    "josé maría",
    "9/11",
    "\"unbalanced",
    "- OR -x",
    "Islamic State",
    "“smart quotes”",
];

/// Writes a target's seeds into fuzz/corpus/TARGET (the fuzzer adds its finds beside them).
fn write_seeds(target: &str, seeds: impl IntoIterator<Item = (String, Vec<u8>)>) -> Result {
    let dir = root().join("fuzz/corpus").join(target);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    for (name, bytes) in seeds {
        std::fs::write(dir.join(format!("seed-{name}")), bytes).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// The files directly in `dir` (relative to the repository) whose names end with one of `ends`.
fn files(dir: &str, ends: &[&str]) -> Result<Vec<(String, Vec<u8>)>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(root().join(dir)).map_err(|e| format!("{dir}: {e}"))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        if ends.iter().any(|end| name.ends_with(end)) {
            out.push((name.replace(' ', "-"), std::fs::read(&path).map_err(|e| e.to_string())?));
        }
    }
    Ok(out)
}

fn read(path: &str) -> Result<Vec<u8>> {
    std::fs::read(root().join(path)).map_err(|e| format!("{path}: {e}"))
}

/// Seeds every target from the repository's real inputs: the sample corpus (its articles, its
/// artifact, its gazetteer, and its articles as JSON Lines), the tag-page dump and its manifest,
/// and the importer test fixtures.
fn seed() -> Result {
    let q = QUERY_SEEDS.iter().enumerate().map(|(i, s)| (i.to_string(), s.as_bytes().to_vec()));
    write_seeds("query", q)?;
    let corpus = read_corpus(&root().join("corpus")).map_err(|e| format!("{e:?}"))?;
    let artifact = build_index(&corpus).to_bytes();
    write_seeds("index_reader", [("sample.bin".into(), artifact)])?;
    // The sample's bodies as shards; the seeds are what follows the 12-byte header the target adds.
    let mut sharded = build_index(&corpus);
    let shards = sharded.shard_bodies(readingroom_core::shards::ShardOptions {
        mode: readingroom_core::shards::ShardMode::Always,
        target_bytes: 8 << 10,
    });
    write_seeds(
        "shard_reader",
        shards.into_iter().enumerate().map(|(k, s)| (format!("{k}.bin"), s[12..].to_vec())),
    )?;
    write_seeds("import_markdown", files("corpus/articles", &[".md"])?)?;
    write_seeds("import_wxr", files("crates/indexer/tests/fixtures/wxr", &[".xml"])?)?;
    write_seeds("import_html", files("crates/indexer/tests/fixtures/html", &[".html", ".htm"])?)?;
    write_seeds("gazetteer", [("gazetteer.toml".into(), read("corpus/gazetteer.toml")?)])?;
    // No JSON Lines fixture exists: the sample articles, one a line, in the default field names.
    let lines: Vec<String> = corpus.articles.iter().map(|(_, a)| json_line(a)).collect();
    let one = corpus.articles.iter().zip(&lines).map(|((_, a), l)| (format!("{}.jsonl", a.slug), l.clone()));
    let all = ("all.jsonl".to_string(), lines.join("\n"));
    write_seeds("import_jsonl", one.chain([all]).map(|(name, l)| (name, l.into_bytes())))?;
    // The dump alone, and the dump, a 0xFF, and its manifest (how the target splits its input).
    let dump = read("corpus-dump/posts-tagged-al-qaeda.txt")?;
    let manifest = read("corpus-dump/posts-tagged-al-qaeda.manifest.toml")?;
    let with_manifest = [&dump[..], &[0xFF], &manifest[..]].concat();
    write_seeds("import_textdump", [("dump.txt".into(), dump), ("dump+manifest".into(), with_manifest)])
}

fn json_line(a: &readingroom_core::Article) -> String {
    serde_json::json!({
        "id": a.slug,
        "title": a.title,
        "date": a.date.iso(),
        "authors": a.authors,
        "tags": a.topics,
        "body": a.body_texts().collect::<Vec<_>>().join("\n\n"),
        "outlet": a.outlet,
        "kind": a.kind,
        "url": a.url,
        "summary": a.summary,
    })
    .to_string()
}

/// Fuzzes `only` (or every target), one after another, each for `seconds`, with inputs of at
/// most `max_len` bytes if given.
pub fn fuzz(seconds: u32, only: Option<String>, max_len: Option<u32>) -> Result {
    if let Some(t) = only.as_deref().filter(|t| !TARGETS.contains(t)) {
        return Err(format!("no fuzz target {t:?}: the targets are {}", TARGETS.join(", ")));
    }
    let installed =
        Command::new("cargo").args(["fuzz", "--version"]).output().is_ok_and(|o| o.status.success());
    if !installed {
        run(Command::new("cargo").args(["install", "cargo-fuzz", "--locked"]))?;
    }
    seed()?;
    for target in TARGETS.into_iter().filter(|t| only.as_deref().is_none_or(|o| o == *t)) {
        eprintln!("xtask: fuzzing {target} for {seconds} s");
        let mut libfuzzer = vec![format!("-max_total_time={seconds}")];
        libfuzzer.extend(max_len.map(|n| format!("-max_len={n}")));
        run(Command::new("cargo")
            .args(["fuzz", "run", target, "--"])
            .args(&libfuzzer)
            .current_dir(root().join("fuzz"))
            .env("RUSTC_BOOTSTRAP", "1"))?;
    }
    Ok(())
}
