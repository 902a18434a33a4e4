//! `cargo xtask fuzz`: runs each cargo-fuzz target for a while, from seeds made here.
//! cargo fuzz needs nightly-only compiler flags (sanitizers); these machines have one stable
//! toolchain, so the fuzz build alone runs with RUSTC_BOOTSTRAP=1, which lets stable accept them.

use crate::tools::{root, run, Result};
use readingroom_indexer::{build_index, read_corpus, Analyzer};
use std::process::Command;

const TARGETS: [&str; 2] = ["query", "index_reader"];

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

fn seed() -> Result {
    let fuzz = root().join("fuzz/corpus");
    let q = fuzz.join("query");
    let ix = fuzz.join("index_reader");
    std::fs::create_dir_all(&q).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(&ix).map_err(|e| e.to_string())?;
    for (i, s) in QUERY_SEEDS.iter().enumerate() {
        std::fs::write(q.join(format!("seed-{i}")), s).map_err(|e| e.to_string())?;
    }
    let corpus = read_corpus(&root().join("corpus")).map_err(|e| format!("{e:?}"))?;
    let bytes = build_index(&corpus, Analyzer::english()).to_bytes();
    std::fs::write(ix.join("sample.bin"), bytes).map_err(|e| e.to_string())
}

pub fn fuzz(seconds: u32) -> Result {
    let installed =
        Command::new("cargo").args(["fuzz", "--version"]).output().is_ok_and(|o| o.status.success());
    if !installed {
        run(Command::new("cargo").args(["install", "cargo-fuzz", "--locked"]))?;
    }
    seed()?;
    for target in TARGETS {
        eprintln!("xtask: fuzzing {target} for {seconds} s");
        run(Command::new("cargo")
            .args(["fuzz", "run", target, "--", &format!("-max_total_time={seconds}")])
            .current_dir(root().join("fuzz"))
            .env("RUSTC_BOOTSTRAP", "1"))?;
    }
    Ok(())
}
