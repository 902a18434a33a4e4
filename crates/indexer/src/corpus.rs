//! Reading a corpus folder of Markdown articles into validated [`Article`]s.

use crate::body;
use crate::error::{line_of, CorpusError};
use crate::frontmatter::{self, Parsed};
use readingroom_core::{Analyzer, Article, Entity, Index, IndexBuilder, Media, PartialDate};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub struct Corpus {
    pub root: PathBuf,
    /// Articles with the file each came from, in file-name order.
    pub articles: Vec<(PathBuf, Article)>,
    /// The entities of `gazetteer.toml`, if the corpus has one.
    pub entities: Vec<Entity>,
}

/// Reads every article file under `root` (or `root` itself if it is a file): Markdown with
/// front matter (`*.md`), JSON Lines (`*.jsonl`, `*.ndjson`, one article a line) and WordPress
/// exports (`*.xml`, published posts). Every
/// problem in every file is reported, not just the first, so a curator can fix them in one pass.
pub fn read_corpus(root: &Path) -> Result<Corpus, Vec<CorpusError>> {
    let files = article_files(root).map_err(|e| vec![e])?;
    if files.is_empty() {
        return Err(vec![CorpusError::new(
            root,
            None,
            "no articles found: expected Markdown (*.md), JSON Lines (*.jsonl, *.ndjson) or WordPress export (*.xml) files",
        )]);
    }
    let mut errors = Vec::new();
    let mut articles = Vec::new();
    // The line of each article's `slug` key, for the duplicate check below.
    let mut slug_lines = Vec::new();
    for file in files {
        if is_json_lines(&file) {
            match std::fs::read(&file) {
                Ok(bytes) => {
                    let (read, bad) = crate::jsonl::read(&file, &bytes, &crate::jsonl::FieldMap::default());
                    for (line, a) in read {
                        articles.push((file.clone(), a));
                        slug_lines.push(Some(line));
                    }
                    errors.extend(bad);
                }
                Err(e) => errors.push(CorpusError::new(&file, None, e.to_string())),
            }
            continue;
        }
        if is_xml(&file) {
            match std::fs::read(&file) {
                Ok(bytes) => {
                    let read = crate::wxr::read(&file, &bytes, &crate::wxr::WxrOptions::default());
                    for w in &read.warnings {
                        eprintln!("warning: {w}");
                    }
                    for (line, a) in read.articles {
                        articles.push((file.clone(), a));
                        slug_lines.push(Some(line));
                    }
                    errors.extend(read.errors);
                }
                Err(e) => errors.push(CorpusError::new(&file, None, e.to_string())),
            }
            continue;
        }
        match read_article(&file) {
            Ok((a, slug_line)) => {
                articles.push((file, a));
                slug_lines.push(slug_line);
            }
            Err(e) => errors.push(e),
        }
    }
    let mut seen: BTreeMap<&str, &Path> = BTreeMap::new();
    for ((file, a), &line) in articles.iter().zip(&slug_lines) {
        if let Some(first) = seen.insert(&a.slug, file) {
            errors.push(CorpusError::new(
                file,
                line,
                format!("duplicate slug {:?}: already used by {}", a.slug, first.display()),
            ));
        }
    }
    let entities = crate::gazetteer::read(root).unwrap_or_else(|e| {
        errors.push(e);
        Vec::new()
    });
    if errors.is_empty() {
        let tagger = readingroom_core::entities::Tagger::new(&entities);
        for (_, a) in &mut articles {
            a.dates = crate::date_mentions::date_mentions(a, &entities, &tagger);
        }
        crate::related::fill_related(articles.iter_mut().map(|(_, a)| a), &tagger, &Analyzer::english(), 5);
        Ok(Corpus { root: root.to_path_buf(), articles, entities })
    } else {
        Err(errors)
    }
}

fn is_json_lines(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "jsonl" || e == "ndjson")
}

/// A WordPress export: `*.xml` that says so in its first KB (other XML in a corpus is left alone).
fn is_xml(path: &Path) -> bool {
    use std::io::Read;
    let mut head = Vec::new();
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("xml"))
        && std::fs::File::open(path).and_then(|f| f.take(8192).read_to_end(&mut head)).is_ok()
        && crate::wxr::is_wxr(&head)
}

fn article_files(root: &Path) -> Result<Vec<PathBuf>, CorpusError> {
    let meta = std::fs::metadata(root)
        .map_err(|e| CorpusError::new(root, None, format!("cannot read corpus: {e}")))?;
    if meta.is_file() {
        return Ok(vec![root.to_path_buf()]);
    }
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir)
            .map_err(|e| CorpusError::new(&dir, None, format!("cannot read folder: {e}")))?;
        for entry in entries {
            let path = entry.map_err(|e| CorpusError::new(&dir, None, e.to_string()))?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md") || is_json_lines(&path) || is_xml(&path) {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// An article and the line of its `slug` key, if it has one.
fn read_article(path: &Path) -> Result<(Article, Option<usize>), CorpusError> {
    let bytes = std::fs::read(path).map_err(|e| CorpusError::new(path, None, e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let line = line_of(e.as_bytes(), e.utf8_error().valid_up_to());
        CorpusError::new(path, Some(line), "not valid UTF-8")
    })?;
    let parsed = frontmatter::parse(path, &text)?;
    Ok((to_article(path, &parsed)?, parsed.key_line("slug")))
}

fn to_article(path: &Path, p: &Parsed) -> Result<Article, CorpusError> {
    let f = &p.front;
    let title =
        f.title.as_deref().map(str::trim).filter(|t| !t.is_empty()).ok_or_else(|| {
            CorpusError::new(path, p.key_line("title").or(Some(p.front_line)), "missing title")
        })?;
    let date_text = f.date.as_deref().ok_or_else(|| {
        CorpusError::new(path, Some(p.front_line), "missing date (YYYY, YYYY-MM or YYYY-MM-DD)")
    })?;
    let date = PartialDate::parse(date_text).map_err(|e| CorpusError::new(path, p.key_line("date"), e))?;
    let slug = match &f.slug {
        Some(s) => s.clone(),
        None => path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default(),
    };
    if slug.is_empty() || !slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
        return Err(CorpusError::new(
            path,
            p.key_line("slug"),
            format!("slug {slug:?} must be lower-case letters, digits and hyphens"),
        ));
    }
    let mut body = body::blocks(p.body, f.interview.as_ref());
    let note_refs = crate::note_refs::extract(&mut body);
    if body.is_empty() {
        return Err(CorpusError::new(path, Some(p.body_line), "the article has no body text"));
    }
    let note = f
        .note
        .as_deref()
        .map(|n| n.split("\n\n").map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect())
        .unwrap_or_default();
    let mut article = Article::new(&slug, title, date, body);
    article.note_refs = note_refs;
    article.outlet = f.outlet.clone().unwrap_or_default();
    article.kind = f.kind.clone().unwrap_or_default();
    article.authors = f.authors.clone();
    article.topics = f.topics.clone();
    article.note = note;
    article.summary = f.summary.clone();
    article.issue = f.issue.clone();
    article.bio = f.bio.clone();
    article.url = f.url.clone();
    article.media = f
        .media
        .iter()
        .map(|m| Media { file: m.file.clone(), caption: m.caption.clone(), credit: m.credit.clone() })
        .collect();
    Ok(article)
}

/// Builds the index of a read corpus with the given language pipeline.
pub fn build_index(corpus: &Corpus, analyzer: Analyzer) -> Index {
    let mut builder = IndexBuilder::new(analyzer).with_entities(corpus.entities.clone());
    for (_, a) in &corpus.articles {
        builder.add(a.clone());
    }
    builder.finish()
}
