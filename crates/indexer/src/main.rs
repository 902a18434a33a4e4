//! `readingroom`: the indexer's command line.

use clap::{Parser, Subcommand};
use readingroom_indexer::{build_index, bundle, read_corpus_with, summary::summary};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "readingroom", version, about = "Build Reading Room index artifacts")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate a corpus, build its index artifact and print a summary.
    Index {
        /// Corpus folder, or one file (Markdown, JSON Lines, WordPress export, web page or text dump).
        #[arg(long, default_value = "corpus")]
        corpus: PathBuf,
        /// Where to write the artifact; omit to only validate and summarise.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Fail if any record cannot be used (by default it is skipped and reported).
        #[arg(long)]
        strict: bool,
        #[command(flatten)]
        read: readingroom_indexer::corpus::ReadArgs,
        #[command(flatten)]
        shard: readingroom_indexer::shard_files::ShardArgs,
    },
    /// Make a Trunk build in DIST relative and write DIST/standalone.html.
    Bundle {
        dist: PathBuf,
        #[arg(long, default_value = "Reading Room")]
        title: String,
        /// The archive's language (ISO 639-1), for the page's `lang`.
        #[arg(long, default_value = "en")]
        language: String,
    },
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Index { corpus, out, strict, read, shard } => {
            let options = match read.options() {
                Ok(o) => o,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::FAILURE;
                }
            };
            let read = match read_corpus_with(&corpus, &options) {
                Ok(c) => c,
                Err(errors) => {
                    for e in &errors {
                        eprintln!("error: {e}");
                    }
                    eprintln!("{} error(s) in {}; nothing was built", errors.len(), corpus.display());
                    return ExitCode::FAILURE;
                }
            };
            eprint!("{}", read.report());
            if strict && !read.rejected.is_empty() {
                eprintln!("--strict: {} record(s) skipped; nothing was built", read.rejected.len());
                return ExitCode::FAILURE;
            }
            let mut index = build_index(&read);
            let shards = index.shard_bodies(shard.options());
            let bytes = index.to_bytes();
            if let Some(out) = out {
                // Shards go to `shards/` beside the artifact.
                let dir =
                    out.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
                let written = std::fs::write(&out, &bytes)
                    .and_then(|()| readingroom_indexer::shard_files::write(dir, &shards));
                if let Err(e) = written {
                    eprintln!("error: {}: {e}", out.display());
                    return ExitCode::FAILURE;
                }
            }
            print!("{}", summary(&index, bytes.len()));
            print!("{}", readingroom_indexer::shard_files::summary(&shards));
            ExitCode::SUCCESS
        }
        Command::Bundle { dist, title, language } => {
            let result = bundle::find_build(&dist).and_then(|b| {
                bundle::relativize(&b)?;
                bundle::write_standalone(
                    &b,
                    &title,
                    &language,
                    &dist.join("standalone.html"),
                    bundle::WasmPlace::Inline,
                )
            });
            match result {
                Ok(size) => {
                    println!(
                        "standalone {} ({:.1} KB)",
                        dist.join("standalone.html").display(),
                        size as f64 / 1024.0
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}
