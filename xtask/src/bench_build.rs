//! `cargo xtask bench-build`: the indexer at archive scale. Makes the synthetic corpus as one
//! JSON Lines file (100,000 articles by default, about 120 MB), then times the release
//! indexer reading, validating and indexing it, with its peak memory (GNU time's maximum
//! resident set size). Prints Markdown for BENCHMARKS.md.

use crate::tools::{root, run, Result};
use std::process::Command;
use std::time::Instant;

pub fn bench_build(articles: usize, runs: u32) -> Result {
    // The peer runs in Node from tools/node_modules.
    crate::tools::ensure(false)?;
    let corpus = crate::bench_corpora::synthetic_jsonl(articles)?;
    let file = corpus.join("articles.jsonl");
    let size = std::fs::metadata(&file).map_err(|e| e.to_string())?.len();
    run(Command::new("cargo").args(["build", "--release", "-p", "readingroom-indexer"]).current_dir(root()))?;
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root().join("target"));
    let exe = target.join("release/readingroom");
    let out = corpus.with_file_name("index.bin");
    println!("| run | wall s | peak RSS MB | artifact MB |\n|---:|---:|---:|---:|");
    for i in 1..=runs {
        let report = corpus.with_file_name("time.txt");
        let start = Instant::now();
        let status = Command::new("/usr/bin/time")
            .args(["-f", "%M", "-o"])
            .arg(&report)
            .arg(&exe)
            .args(["index", "--corpus"])
            .arg(&corpus)
            .arg("--out")
            .arg(&out)
            .status()
            .map_err(|e| format!("/usr/bin/time: {e}"))?;
        let wall = start.elapsed().as_secs_f64();
        if !status.success() {
            return Err(format!("the indexer failed on {}", corpus.display()));
        }
        let kb: f64 = std::fs::read_to_string(&report)
            .map_err(|e| e.to_string())?
            .lines()
            .last()
            .and_then(|l| l.trim().parse().ok())
            .ok_or("no peak memory in GNU time's report")?;
        let artifact = std::fs::metadata(&out).map_err(|e| e.to_string())?.len();
        println!("| {i} | {wall:.1} | {:.0} | {:.1} |", kb / 1024.0, artifact as f64 / 1e6);
    }
    // The peer, the same run: MiniSearch (Node) indexing the same file and serialising its index.
    let report = corpus.with_file_name("time.txt");
    let peer_out = corpus.with_file_name("minisearch.json");
    let start = Instant::now();
    let status = Command::new("/usr/bin/time")
        .args(["-f", "%M", "-o"])
        .arg(&report)
        .arg("node")
        .arg(root().join("tests/bench/peer-build.mjs"))
        .arg(&file)
        .arg(&peer_out)
        .status()
        .map_err(|e| format!("/usr/bin/time: {e}"))?;
    let wall = start.elapsed().as_secs_f64();
    if status.success() {
        let kb: f64 = std::fs::read_to_string(&report)
            .map_err(|e| e.to_string())?
            .lines()
            .last()
            .and_then(|l| l.trim().parse().ok())
            .unwrap_or(0.0);
        let size = std::fs::metadata(&peer_out).map_err(|e| e.to_string())?.len();
        println!("| peer: MiniSearch (Node) | {wall:.1} | {:.0} | {:.1} |", kb / 1024.0, size as f64 / 1e6);
    } else {
        // Node's default heap may not hold the peer's index: say so rather than fail the run.
        println!("| peer: MiniSearch (Node) | failed after {wall:.1} s | | |");
    }
    println!(
        "\n{articles} articles, {:.1} MB of JSON Lines ({}), {} cores",
        size as f64 / 1e6,
        file.display(),
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
    );
    Ok(())
}

/// `cargo xtask bench-web`: the explorer built on the synthetic corpus (bodies in shards past
/// the threshold), opened in headless Chromium over http and from file://: navigation to the
/// first search results painted, with the build's sizes. Prints Markdown for BENCHMARKS.md.
pub fn bench_web(articles: usize, runs: u32, query: &str) -> Result {
    crate::tools::ensure(true)?;
    let corpus = crate::bench_corpora::synthetic_jsonl(articles)?;
    let dist = corpus.with_file_name("app");
    let start = Instant::now();
    crate::web::build_with(
        Some(corpus),
        &dist,
        false,
        &readingroom_indexer::ReadOptions::default(),
        readingroom_core::shards::ShardOptions::default(),
    )?;
    println!(
        "Web build of {articles} articles: {:.0} s (index, app compile, bundle).\n",
        start.elapsed().as_secs_f64()
    );
    let shards = std::fs::read_dir(dist.join("shards"))
        .map(|d| {
            d.filter_map(|e| e.ok()).filter(|e| e.path().extension().is_some_and(|x| x == "bin")).count()
        })
        .unwrap_or(0);
    println!("Shards: {shards}.\n");
    run(Command::new("node")
        .arg(root().join("tests/bench/first-results.mjs"))
        .current_dir(root())
        .env("READINGROOM_DIST", &dist)
        .env("QUERY", format!("#/search?q={query}"))
        .env("COMPRESS", "0")
        .env("RUNS", runs.to_string()))
}
