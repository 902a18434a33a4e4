//! `cargo xtask bench-search`: index size and query latency of the search core, natively, on the
//! benchmark corpora, then the same documents and queries in MiniSearch and elasticlunr.js
//! (tests/bench/peers.mjs, in Node and in headless Chromium). Prints Markdown for BENCHMARKS.md.

use crate::bench_corpora::{self, queries};
use crate::tools::{self, root, run, Result};
use readingroom_core::facets::{tally, FacetIndex, Selection};
use readingroom_core::index::FIELD_COUNT;
use readingroom_core::postings::{push_varint, Postings};
use readingroom_core::{search, Analyzer, Sort};
use readingroom_indexer::{build_index, read_corpus};
use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

fn gz(bytes: &[u8]) -> usize {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(bytes).expect("in memory");
    e.finish().expect("in memory").len()
}

fn mb(n: usize) -> String {
    if n >= 1 << 20 {
        format!("{:.1} MB", n as f64 / (1 << 20) as f64)
    } else {
        format!("{:.1} KB", n as f64 / 1024.0)
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// Our query text for a class: a trailing space marks the last word as finished (not a prefix).
fn ours(class: &str, q: &str) -> String {
    match class {
        "prefix" | "phrase" => q.to_string(),
        _ => format!("{q} "),
    }
}

/// The postings with each posting's count kept and its positions dropped: the index a search
/// without phrases would need, measured beside ours because the peers keep no positions.
fn without_positions(postings: &Postings, docs: usize) -> Postings {
    let streams = (0..postings.len())
        .map(|i| {
            let mut out = Vec::new();
            let mut last = 0;
            for p in postings.scan(i) {
                push_varint(&mut out, p.doc - last);
                last = p.doc;
                push_varint(&mut out, u32::from(p.field));
                push_varint(&mut out, p.count);
            }
            out
        })
        .collect();
    Postings::from_streams(streams, docs as u32, FIELD_COUNT)
}

fn native(name: &str, dir: &Path, out: &mut String) -> Result {
    let started = Instant::now();
    let corpus =
        read_corpus(&dir.join("corpus")).map_err(|e| format!("{name}: {:?}", &e[..e.len().min(3)]))?;
    let index = build_index(&corpus);
    let build = started.elapsed().as_secs_f64();
    let bytes = index.to_bytes();
    std::fs::write(dir.join("index.bin"), &bytes).map_err(|e| e.to_string())?;
    let text = std::fs::read(dir.join("docs.json")).map_err(|e| e.to_string())?;
    let mut bare = index.clone();
    bare.articles.clear();
    let index_only = bare.to_bytes();
    bare.postings = without_positions(&index.postings, index.articles.len());
    let no_positions = bare.to_bytes();
    out.push_str(&format!(
        "\n### {name}: {} articles\n\nText (docs.json): {} raw, {} gzipped. Our artifact: {} raw, {} gzipped, of which the index proper (terms, words, postings, lengths, gazetteer; without the articles' text) {} raw, {} gzipped; the same without word positions (what the peers' indexes hold: counts, no phrases) {} raw, {} gzipped. Read and indexed natively in {build:.1} s.\n\n",
        index.articles.len(),
        mb(text.len()),
        mb(gz(&text)),
        mb(bytes.len()),
        mb(gz(&bytes)),
        mb(index_only.len()),
        mb(gz(&index_only)),
        mb(no_positions.len()),
        mb(gz(&no_positions)),
    ));
    let q = queries(dir)?;
    let analyzer = Analyzer::english();
    let t = Instant::now();
    let facets = FacetIndex::new(&index);
    out.push_str(&format!(
        "Facet tables built at load in {:.1} ms. With facets: the search, then every facet's counts and the month histogram over its hits (nothing chosen).\n\n",
        t.elapsed().as_secs_f64() * 1000.0
    ));
    out.push_str(
        "| queries (20 each; 10 runs, median of 5 sweeps) | native p50 | native p95 | with facets p50 | with facets p95 | mean hits |\n|---|---:|---:|---:|---:|---:|\n",
    );
    for class in ["single", "prefix", "typo", "phrase", "three"] {
        let texts: Vec<String> = q[class]
            .as_array()
            .expect("a list")
            .iter()
            .map(|t| ours(class, t.as_str().unwrap_or_default()))
            .collect();
        let hits: usize =
            texts.iter().map(|t| search(&index, &analyzer, t, Sort::Relevance).hits.len()).sum();
        // As the peers are timed (peers.mjs): ten runs of a query timed together, in five sweeps
        // over the list, and each query's median of the five.
        let mut times = vec![Vec::new(); texts.len()];
        let mut with_facets = vec![Vec::new(); texts.len()];
        for _sweep in 0..5 {
            for (i, text) in texts.iter().enumerate() {
                let t = Instant::now();
                for _ in 0..10 {
                    std::hint::black_box(search(&index, &analyzer, text, Sort::Relevance));
                }
                times[i].push(t.elapsed().as_secs_f64() * 1000.0 / 10.0);
                let t = Instant::now();
                for _ in 0..10 {
                    let results = search(&index, &analyzer, text, Sort::Relevance);
                    std::hint::black_box(tally(
                        &facets,
                        results.hits.iter().map(|h| h.doc),
                        &Selection::default(),
                    ));
                }
                with_facets[i].push(t.elapsed().as_secs_f64() * 1000.0 / 10.0);
            }
        }
        let median = |runs: Vec<Vec<f64>>| -> Vec<f64> {
            runs.into_iter()
                .map(|mut r| {
                    r.sort_by(f64::total_cmp);
                    percentile(&r, 0.5)
                })
                .collect()
        };
        let mut times = median(times);
        let mut with_facets = median(with_facets);
        times.sort_by(f64::total_cmp);
        with_facets.sort_by(f64::total_cmp);
        out.push_str(&format!(
            "| {class} | {:.3} ms | {:.3} ms | {:.3} ms | {:.3} ms | {:.0} |\n",
            percentile(&times, 0.5),
            percentile(&times, 0.95),
            percentile(&with_facets, 0.5),
            percentile(&with_facets, 0.95),
            hits as f64 / 20.0
        ));
    }
    Ok(())
}

pub fn bench(synthetic: usize) -> Result {
    tools::ensure(true)?;
    let dirs = [
        ("sample", bench_corpora::sample()?),
        ("sotu", bench_corpora::sotu()?),
        ("synthetic", bench_corpora::synthetic(synthetic)?),
    ];
    let mut out = String::from("## Search core, natively (opt-level 3)\n");
    for (name, dir) in &dirs {
        eprintln!("xtask: benchmarking {name}");
        native(name, dir, &mut out)?;
    }
    println!("{out}");
    let mut node = Command::new("node");
    node.arg(root().join("tests/bench/peers.mjs")).current_dir(root());
    for (_, dir) in &dirs {
        node.arg(dir);
    }
    run(&mut node)?;
    // Our core in wasm, inside the app built with each corpus.
    println!("\n### Ours in the app, in headless Chromium\n");
    for (name, dir) in &dirs {
        let built = crate::web::build(Some(dir.join("corpus")), &dir.join("app"), true)?;
        run(Command::new("node")
            .arg(root().join("tests/bench/app-search.mjs"))
            .arg(&built.dist)
            .arg(dir.join("queries.json"))
            .arg(name)
            .current_dir(root()))?;
    }
    Ok(())
}
