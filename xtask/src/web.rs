//! Building the explorer, and the test and benchmark runs that use the build.

use crate::tools::{self, node_bin, root, run, Result};
use readingroom_core::shards::ShardOptions;
use readingroom_indexer::{build_index, bundle, read_corpus_with, summary::summary, ReadOptions};
use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Built {
    pub dist: PathBuf,
}

fn absolute(p: &Path) -> PathBuf {
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().expect("a current directory").join(p)
    }
}

/// Validates the corpus (errors name file and line), builds the web build with Trunk, makes it
/// relative and writes standalone.html beside it.
/// With `strict`, any skipped record fails the build; without, skipped records are reported.
pub fn build(corpus: Option<PathBuf>, out: &Path, strict: bool) -> Result<Built> {
    build_with(corpus, out, strict, &ReadOptions::default(), ShardOptions::default())
}

/// [`build`] with the importers' options (WordPress pages, JSON Lines field names) and when
/// bodies go into shards.
pub fn build_with(
    corpus: Option<PathBuf>,
    out: &Path,
    strict: bool,
    options: &ReadOptions,
    shards: ShardOptions,
) -> Result<Built> {
    tools::ensure(false)?;
    let corpus = absolute(&corpus.unwrap_or_else(|| root().join("corpus")));
    let dist = absolute(out);
    let read = read_corpus_with(&corpus, options).map_err(|errors| {
        for e in &errors {
            eprintln!("error: {e}");
        }
        format!("{} error(s) in the corpus at {}; nothing was built", errors.len(), corpus.display())
    })?;
    eprint!("{}", read.report());
    if strict && !read.rejected.is_empty() {
        return Err(format!(
            "--strict: {} record(s) of the corpus at {} were skipped; nothing was built",
            read.rejected.len(),
            corpus.display()
        ));
    }
    let mut index = build_index(&read);
    let shard_files = index.shard_bodies(shards);
    let bytes = index.to_bytes();
    eprintln!("corpus     {}", corpus.display());
    eprint!("{}", summary(&index, bytes.len()));
    eprint!("{}", readingroom_indexer::shard_files::summary(&shard_files));
    // Hand the artifact to the app's build script; rewrite it only when it changed, so an
    // unchanged corpus does not recompile the app.
    let artifact = root().join("target/readingroom").join(format!("{}.bin", artifact_name(&dist)));
    std::fs::create_dir_all(artifact.parent().expect("a folder")).map_err(|e| e.to_string())?;
    if std::fs::read(&artifact).ok().as_deref() != Some(&bytes[..]) {
        std::fs::write(&artifact, &bytes).map_err(|e| e.to_string())?;
    }

    let path = std::env::join_paths(
        std::iter::once(node_bin())
            .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )
    .map_err(|e| e.to_string())?;
    // Trunk builds with --offline: fetch the app's crates first (a no-op once they are here).
    run(Command::new("cargo").args(["fetch", "--quiet"]).current_dir(root()))?;
    // Another language than English brings its stemmer and stop words into the wasm; English
    // builds go without them (about 300 KB gzipped).
    let features = if read.language == "en" { "" } else { "languages" };
    run(Command::new("trunk")
        .args(["build", "--release", "--dist"])
        .arg(&dist)
        .current_dir(root())
        .env("PATH", path)
        .env("TRUNK_BUILD_FEATURES", features)
        .env("READINGROOM_ARTIFACT", &artifact))?;

    let json = readingroom_indexer::elasticlunr_export::export(&read, &read.language)
        .ok_or_else(|| format!("no elasticlunr.js export for the language {:?}", read.language))?;
    let web = bundle::find_build(&dist).map_err(|e| e.to_string())?;
    std::fs::write(dist.join("elasticlunr-index.json"), json).map_err(|e| e.to_string())?;
    bundle::relativize(&web).map_err(|e| e.to_string())?;
    readingroom_indexer::shard_files::write(&dist, &shard_files).map_err(|e| e.to_string())?;
    // The home page from the artifact the app decodes, so both list the same articles.
    let decoded = readingroom_core::Index::from_bytes(&bytes).map_err(|e| e.to_string())?;
    let analyzer = decoded.analyzer().ok_or("the artifact's language is one the indexer reads")?;
    let name = decoded.display_name();
    bundle::prerender(&web, &bundle::home_shell(&decoded, &analyzer), name, &decoded.language)
        .map_err(|e| e.to_string())?;
    let shadow_css = bundle::write_shadow_css(&web).map_err(|e| e.to_string())?;
    std::fs::write(dist.join("embed.js"), bundle::embed_js(&web, &shadow_css)).map_err(|e| e.to_string())?;
    std::fs::write(dist.join("embed-demo.html"), bundle::EMBED_DEMO).map_err(|e| e.to_string())?;
    let standalone = dist.join("standalone.html");
    // A large archive's page comes with its shards folder: its wasm goes there too, where it
    // loads far faster than inside the page.
    let place = if shard_files.is_empty() { bundle::WasmPlace::Inline } else { bundle::WasmPlace::Beside };
    let size = bundle::write_standalone(&web, name, &decoded.language, &standalone, place)
        .map_err(|e| e.to_string())?;
    eprintln!("web build  {}", dist.join("index.html").display());
    eprintln!(
        "standalone {} ({:.0} KB): open it from disk, no server needed",
        standalone.display(),
        size as f64 / 1024.0
    );
    Ok(Built { dist })
}

/// One artifact file per output folder, so that builds of different corpora do not overwrite
/// each other's artifact (and force each other's rebuilds).
fn artifact_name(dist: &Path) -> String {
    dist.to_string_lossy().chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect()
}

fn e2e_dist() -> PathBuf {
    root().join("target/e2e/dist")
}

/// Every test: formatting, lints, native tests, then the browser end to end.
pub fn test() -> Result {
    tools::ensure(true)?;
    let cargo = || {
        let mut c = Command::new("cargo");
        c.current_dir(root());
        c
    };
    run(cargo().args(["fmt", "--all", "--check"]))?;
    run(cargo().args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))?;
    // Supply chain: licences, banned crates, sources (deny.toml). The advisory database cannot
    // be fetched on these machines.
    run(cargo().args(["deny", "--log-level", "error", "check", "licenses", "bans", "sources"]))?;
    run(cargo().args(["test", "--workspace"]))?;
    // The importers on real exports that public packages ship as test data.
    crate::fixtures::test_real()?;
    let built = build(None, &e2e_dist(), true)?;
    let edited = edited_build()?;
    // Script-injection payloads in every field: tests/e2e/hostile.test.mjs checks none runs.
    let hostile =
        build(Some(root().join("tests/fixtures/hostile")), &root().join("target/e2e/hostile"), true)?;
    // The sample with its bodies in shards of about 8 KB (so its seven articles span several),
    // as a large archive's would be: tests/e2e/shards.test.mjs reads them over http and file://.
    let small_shards =
        ShardOptions { mode: readingroom_core::shards::ShardMode::Always, target_bytes: 8 << 10 };
    let sharded =
        build_with(None, &root().join("target/e2e/sharded"), true, &ReadOptions::default(), small_shards)?;
    // More articles than a page of results: tests/e2e/paging.test.mjs pages through them.
    let paged = paged_build()?;
    // An archive in Spanish: tests/e2e/languages.test.mjs searches it with Spanish stems.
    let spanish =
        build(Some(root().join("tests/fixtures/spanish")), &root().join("target/e2e/spanish"), true)?;
    run(Command::new("node")
        .args(["--test", "--test-reporter=spec", "--test-concurrency=1"])
        .arg(root().join("tests/e2e"))
        .current_dir(root())
        .env("READINGROOM_DIST", &built.dist)
        .env("READINGROOM_EDITED_DIST", edited)
        .env("READINGROOM_HOSTILE_DIST", hostile.dist)
        .env("READINGROOM_SHARDED_DIST", sharded.dist)
        .env("READINGROOM_PAGED_DIST", paged)
        .env("READINGROOM_SPANISH_DIST", spanish.dist))
}

/// The sample's articles three times over (the copies' titles end "(copy 2)" and "(copy 3)")
/// and a chronicle of July 2005 (22 articles), built: more than the ten results a page shows,
/// and more mentions of one month than the timeline lists at once. It is named, by
/// `archive.toml`, "The Paged Archive & Co".
fn paged_build() -> Result<PathBuf> {
    let work = root().join("target/e2e/paged");
    let corpus = copy_sample(&work)?;
    // An archive that names itself: the header and the titles say so.
    std::fs::write(corpus.join("archive.toml"), "name = \"The Paged Archive & Co\"\n")
        .map_err(|e| e.to_string())?;
    for article in sample_articles()? {
        let text = std::fs::read_to_string(&article).map_err(|e| format!("{}: {e}", article.display()))?;
        let stem = article.file_stem().and_then(|s| s.to_str()).ok_or("an article file name")?;
        let Some((head, rest)) = text.split_once("\ntitle = \"") else {
            return Err(format!("{}: no title line to copy", article.display()));
        };
        let (title, tail) =
            rest.split_once('"').ok_or_else(|| format!("{}: unclosed title", article.display()))?;
        for copy in 2..=3 {
            let copied = format!("{head}\ntitle = \"{title} (copy {copy})\"{tail}");
            std::fs::write(corpus.join(format!("{stem}-copy-{copy}.md")), copied)
                .map_err(|e| e.to_string())?;
        }
    }
    // And one article that names July 2005 on every line: a month with more mentions than the
    // timeline lists at once.
    let days: String = (1..=20)
        .map(|day| format!("On {day} July 2005 the chronicle recorded entry number {day}.\n\n"))
        .collect();
    std::fs::write(
        corpus.join("a-chronicle-of-july-2005.md"),
        format!("+++\ntitle = \"A chronicle of July 2005\"\ndate = \"2005-08\"\noutlet = \"Fixture\"\nkind = \"commentary\"\n+++\n{days}"),
    )
    .map_err(|e| e.to_string())?;
    Ok(build(Some(corpus), &work.join("dist"), true)?.dist)
}

/// The sample corpus's article files.
fn sample_articles() -> Result<Vec<PathBuf>> {
    let dir = root().join("corpus/articles");
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    entries.map(|e| e.map(|e| e.path()).map_err(|e| e.to_string())).collect()
}

/// Empties `work` and copies the sample corpus (its articles and gazetteer) into `work/corpus`,
/// which it returns.
fn copy_sample(work: &Path) -> Result<PathBuf> {
    let corpus = work.join("corpus");
    let _ = std::fs::remove_dir_all(work);
    std::fs::create_dir_all(&corpus).map_err(|e| e.to_string())?;
    for path in sample_articles()? {
        std::fs::copy(&path, corpus.join(path.file_name().expect("a file"))).map_err(|e| e.to_string())?;
    }
    std::fs::copy(root().join("corpus/gazetteer.toml"), corpus.join("gazetteer.toml"))
        .map_err(|e| e.to_string())?;
    Ok(corpus)
}

/// The title the edit test writes into a copy of the corpus.
const EDITED_TITLE: &str = "Comic explainer: what is lone-actor terrorism? (edited)";

/// Builds a copy of the sample corpus, edits one of its files, and builds the same folder again:
/// the second build must show the edit (the end-to-end suite checks it in the browser). The
/// first build, of the same corpus as `e2e_dist()` but compiled anew, must be the same bytes,
/// file for file: builds are deterministic.
fn edited_build() -> Result<PathBuf> {
    let work = root().join("target/e2e/edited");
    let corpus = copy_sample(&work)?;
    let file = "comic-explainer-lone-actor-terrorism.md";
    // The same output folder both times, as a curator would rebuild.
    let dist = work.join("dist");
    build(Some(corpus.clone()), &dist, true)?;
    same_files(&e2e_dist(), &dist)?;
    std::fs::copy(dist.join("standalone.html"), work.join("before.html")).map_err(|e| e.to_string())?;
    let path = corpus.join(file);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let edited = text.replacen(
        "title = \"Comic explainer: what is lone-actor terrorism?\"",
        &format!("title = \"{EDITED_TITLE}\""),
        1,
    );
    if edited == text {
        return Err(format!("{}: the title to edit was not found", path.display()));
    }
    std::fs::write(&path, edited).map_err(|e| e.to_string())?;
    Ok(build(Some(corpus), &dist, true)?.dist)
}

/// Every file under `a` is under `b` with the same bytes, and the other way round.
fn same_files(a: &Path, b: &Path) -> Result {
    fn files(dir: &Path, under: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            if path.is_dir() {
                files(&path, under, out)?;
            } else {
                out.push(path.strip_prefix(under).expect("under").to_path_buf());
            }
        }
        Ok(())
    }
    let (mut fa, mut fb) = (Vec::new(), Vec::new());
    files(a, a, &mut fa).map_err(|e| format!("{}: {e}", a.display()))?;
    files(b, b, &mut fb).map_err(|e| format!("{}: {e}", b.display()))?;
    fa.sort();
    fb.sort();
    if fa != fb {
        return Err(format!("not deterministic: {} and {} hold different files", a.display(), b.display()));
    }
    let differ: Vec<String> = fa
        .iter()
        .filter(|f| std::fs::read(a.join(f)).ok() != std::fs::read(b.join(f)).ok())
        .map(|f| f.display().to_string())
        .collect();
    if !differ.is_empty() {
        return Err(format!("not deterministic: two builds of one corpus differ in {}", differ.join(", ")));
    }
    eprintln!("xtask: deterministic: two builds of the sample are the same {} files", fa.len());
    Ok(())
}

/// Sizes and time to first results, in headless Chromium, over http and file://.
/// Screenshots of every view, phone and desktop, light and dark, for docs/ and the README.
pub fn screenshots() -> Result {
    tools::ensure(true)?;
    let built = build(None, &e2e_dist(), true)?;
    run(Command::new("node")
        .arg(root().join("tests/e2e/screenshots.mjs"))
        .arg(root().join("docs/screenshots"))
        .current_dir(root())
        .env("READINGROOM_DIST", &built.dist))
}

pub fn bench(runs: u32) -> Result {
    tools::ensure(true)?;
    let built = build(None, &e2e_dist(), true)?;
    run(Command::new("node")
        .arg(root().join("tests/bench/first-results.mjs"))
        .current_dir(root())
        .env("READINGROOM_DIST", &built.dist)
        .env("RUNS", runs.to_string()))
}
