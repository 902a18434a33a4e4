//! Reading a corpus folder of Markdown articles into validated [`Article`]s.

use crate::body;
use crate::error::{line_of, CorpusError};
use crate::frontmatter::{self, Parsed};
use crate::sanitize;
use readingroom_core::{Analyzer, Article, Entity, Index, IndexBuilder, Media, PartialDate};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub struct Corpus {
    pub root: PathBuf,
    /// Articles with the file each came from, in file-name order.
    pub articles: Vec<(PathBuf, Article)>,
    /// The entities of `gazetteer.toml`, if the corpus has one.
    pub entities: Vec<Entity>,
    /// The archive's name, from `archive.toml`, if the corpus has one.
    pub name: Option<String>,
    /// The corpus's language (ISO 639-1), from `archive.toml`; English by default.
    pub language: String,
    /// Article files read (a JSON Lines file counts once).
    pub files_read: usize,
    /// Records that could not be used, each with its file, line and reason. The build skips
    /// them and reports them; `--strict` fails on any.
    pub rejected: Vec<CorpusError>,
    /// Records used, but not as written (a duplicate slug renamed, a date in the future).
    pub warnings: Vec<CorpusError>,
    /// What was left out on purpose, not for a fault, by kind: a WordPress export's drafts,
    /// revisions, attachments and comments.
    pub left_out: BTreeMap<String, usize>,
}

/// The command-line flags for [`ReadOptions`], shared by `readingroom index` and `cargo xtask
/// build`/`serve`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ReadArgs {
    /// WordPress exports: import pages as well as posts.
    #[arg(long)]
    pub wxr_pages: bool,
    /// JSON Lines: the export's names for our fields, e.g. `title=headline,body=content,tags=keywords`.
    #[arg(long, value_name = "OURS=THEIRS,...")]
    pub fields: Option<String>,
}

impl ReadArgs {
    pub fn options(&self) -> Result<ReadOptions, String> {
        Ok(ReadOptions {
            wxr: crate::wxr::WxrOptions { pages: self.wxr_pages },
            fields: self
                .fields
                .as_deref()
                .map(crate::jsonl::FieldMap::parse)
                .transpose()?
                .unwrap_or_default(),
        })
    }
}

/// How to read formats whose files do not say everything.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// WordPress exports: pages too, not only posts.
    pub wxr: crate::wxr::WxrOptions,
    /// JSON Lines: the names an export gives our fields.
    pub fields: crate::jsonl::FieldMap,
}

impl Corpus {
    /// The analyzer for this corpus's language, for [`build_index`].
    pub fn analyzer(&self) -> Analyzer {
        Analyzer::for_language(&self.language).unwrap_or_else(Analyzer::english)
    }

    /// What the curator should know: each warning and each skipped record (`file:line: why`),
    /// then the counts.
    pub fn report(&self) -> String {
        let mut out = String::new();
        for w in &self.warnings {
            out.push_str(&format!("warning: {w}\n"));
        }
        for r in &self.rejected {
            out.push_str(&format!("skipped: {r}\n"));
        }
        if !self.left_out.is_empty() {
            let kinds: Vec<String> = self.left_out.iter().map(|(k, n)| format!("{k} × {n}")).collect();
            out.push_str(&format!("left out as not articles: {}\n", kinds.join(", ")));
        }
        out.push_str(&format!(
            "{} file(s) read: {} article(s) indexed, {} skipped, {} warning(s)\n",
            self.files_read,
            self.articles.len(),
            self.rejected.len(),
            self.warnings.len()
        ));
        out
    }
}

/// Larger than any article: a file this big is several articles, or not an article.
pub const MAX_ARTICLE_BYTES: u64 = 8 * 1024 * 1024;

/// A corpus's configuration file `name` (`gazetteer.toml`, `archive.toml`): in `root`, or
/// beside it when the corpus is one file.
pub(crate) fn config_file(root: &Path, name: &str) -> PathBuf {
    if root.is_dir() {
        root.join(name)
    } else {
        root.with_file_name(name)
    }
}

/// The text of the configuration file at `path`, `None` if there is none; not UTF-8, an error
/// at its line (see [`utf8`]).
pub(crate) fn read_config(path: &Path) -> Result<Option<String>, CorpusError> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(CorpusError::new(path, None, e.to_string())),
    };
    utf8(path, bytes).map(Some)
}

/// `bytes` as text; not UTF-8 (a file saved as Latin-1), an error at the line of its first bad
/// byte.
fn utf8(path: &Path, bytes: Vec<u8>) -> Result<String, CorpusError> {
    String::from_utf8(bytes).map_err(|e| {
        let line = line_of(e.as_bytes(), e.utf8_error().valid_up_to());
        CorpusError::new(
            path,
            Some(line),
            "not valid UTF-8: save the file as UTF-8 (it may be Latin-1 or Windows-1252)",
        )
    })
}

/// Reads every article file under `root` (or `root` itself if it is a file): Markdown with
/// front matter (`*.md`), JSON Lines (`*.jsonl`, `*.ndjson`, one article a line), WordPress
/// exports (`*.xml`, published posts) and saved web pages (`*.html`, `*.htm`). Every
/// problem in every file is reported, not just the first, so a curator can fix them in one pass.
pub fn read_corpus(root: &Path) -> Result<Corpus, Vec<CorpusError>> {
    read_corpus_with(root, &ReadOptions::default())
}

/// [`read_corpus`] with options for the WordPress and JSON Lines importers.
pub fn read_corpus_with(root: &Path, options: &ReadOptions) -> Result<Corpus, Vec<CorpusError>> {
    let (files, links) = article_files(root).map_err(|e| vec![e])?;
    if files.is_empty() {
        return Err(vec![CorpusError::new(
            root,
            None,
            "no articles found: expected Markdown (*.md), JSON Lines (*.jsonl, *.ndjson), WordPress export (*.xml), web page (*.html, *.htm) or tag-page text dump (*.txt) files",
        )]);
    }
    // The gazetteer is configuration, not a record: a broken one stops the build.
    let gazetteer = crate::gazetteer::read(root).map_err(|e| vec![e])?;
    let entities = gazetteer.entities;
    let archive = crate::archive::read(root).map_err(|e| vec![e])?;
    let language = archive.language.unwrap_or_else(|| "en".to_string());
    let files_read = files.len();
    let mut rejected = Vec::new();
    let mut warnings = gazetteer.warnings;
    warnings.extend(links);
    let mut articles = Vec::new();
    // The line of each article's `slug` key (or JSON line), for the duplicate warning below.
    let mut slug_lines = Vec::new();
    let reading = crate::progress::phase("reading", Some(files_read as u64));
    // Files are read in parallel, and their results taken in file order: the same corpus gives
    // the same articles in the same order, however many cores read it.
    let reads = crate::parallel::map(&files, 1, |(file, format)| {
        let read = read_file(file, *format, options);
        reading.inc(1);
        read
    });
    drop(reading);
    let mut left_out = BTreeMap::new();
    for ((file, _), read) in files.iter().zip(reads) {
        match read {
            Ok(read) => {
                for (kind, n) in read.left_out {
                    *left_out.entry(kind).or_default() += n;
                }
                for (line, a) in read.articles {
                    articles.push((file.clone(), a));
                    slug_lines.push(line);
                }
                rejected.extend(read.rejected);
                warnings.extend(read.warnings);
            }
            Err(e) => rejected.push(e),
        }
    }
    if articles.is_empty() {
        return Err(rejected);
    }
    warnings.extend(settle(&mut articles, &slug_lines, &entities, &language));
    Ok(Corpus {
        root: root.to_path_buf(),
        articles,
        entities,
        name: archive.name,
        language,
        files_read,
        rejected,
        warnings,
        left_out,
    })
}

/// What the build does to the articles of every file once all are read: duplicate slugs
/// renamed, future dates warned about, each article's dated mentions mined and its related
/// articles chosen. `lines` holds each article's line (of its `slug` key or JSON line). Returns
/// the warnings. Public so the importer fuzz targets run imported articles through it.
/// `language` is one [`Analyzer::for_language`] reads (the archive file checked it).
pub fn settle(
    articles: &mut [(PathBuf, Article)],
    lines: &[Option<usize>],
    entities: &[Entity],
    language: &str,
) -> Vec<CorpusError> {
    let mut warnings = Vec::new();
    rename_duplicates(articles, lines, &mut warnings);
    warnings.extend(future_dates(articles, lines));
    let tagger = readingroom_core::entities::Tagger::new(entities);
    let dating = crate::progress::phase("dates and events", Some(articles.len() as u64));
    let dates = crate::parallel::map(articles, 256, |(_, a)| {
        dating.inc(1);
        crate::date_mentions::date_mentions(a, entities, &tagger)
    });
    drop(dating);
    for ((_, a), d) in articles.iter_mut().zip(dates) {
        a.dates = d;
    }
    let relating = crate::progress::phase("related articles", None);
    // With the stop words it writes with diacritics, as the index's builder learns them.
    let mut analyzer = Analyzer::for_language(language).unwrap_or_else(Analyzer::english);
    analyzer.learn_stop_words(
        articles.iter().flat_map(|(_, a)| readingroom_core::index::field_texts(a).into_iter().flatten()),
    );
    crate::related::fill_related(articles.iter_mut().map(|(_, a)| a), &tagger, &analyzer, 5);
    drop(relating);
    warnings
}

/// Two articles with one slug: the first (in file order) keeps it, each later one gets `-2`,
/// `-3`… and a warning. Deterministic, and nothing valid is dropped.
fn rename_duplicates(
    articles: &mut [(PathBuf, Article)],
    lines: &[Option<usize>],
    warnings: &mut Vec<CorpusError>,
) {
    // Where each slug was first used: `file` or `file:line`, to name in the warning.
    let mut taken: BTreeMap<String, String> = BTreeMap::new();
    let all: std::collections::HashSet<String> = articles.iter().map(|(_, a)| a.slug.clone()).collect();
    for ((file, a), line) in articles.iter_mut().zip(lines) {
        if let Some(first) = taken.get(&a.slug) {
            let new = (2..)
                .map(|n| format!("{}-{n}", a.slug))
                .find(|s| !taken.contains_key(s) && !all.contains(s))
                .expect("a free slug");
            warnings.push(CorpusError::new(
                file.as_path(),
                *line,
                format!(
                    "duplicate slug {:?}: already used by {first}; this article is served as {new:?}",
                    a.slug
                ),
            ));
            a.slug = new;
        }
        let here = match line {
            Some(l) => format!("{}:{l}", file.display()),
            None => file.display().to_string(),
        };
        taken.insert(a.slug.clone(), here);
    }
}

/// Dates after the current year: kept (a scheduled piece is possible) but probably typos.
fn future_dates(articles: &[(PathBuf, Article)], lines: &[Option<usize>]) -> Vec<CorpusError> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    // Year of `secs`, to within a day: enough to tell a future year.
    let this_year = 1970 + (secs / 31_556_952) as i32;
    articles
        .iter()
        .zip(lines)
        .filter(|((_, a), _)| a.date.year > this_year)
        .map(|((file, a), line)| {
            let line = if is_json_lines(file) { *line } else { None };
            CorpusError::new(file, line, format!("date {} is in the future: kept as written", a.date.iso()))
        })
        .collect()
}

fn is_json_lines(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

/// How a file holds its articles.
#[derive(Clone, Copy)]
enum Format {
    /// One article, TOML front matter and a Markdown body.
    Markdown,
    /// One article a line.
    JsonLines,
    /// A WordPress export.
    Wxr,
    /// One saved web page.
    Html,
    /// A text dump of a blog's tag or archive page: several posts.
    TextDump,
}

/// The format of an article file, or `None` for a file that is not one. A `*.xml` file is a
/// WordPress export only if its first 8 KB say so: other XML in a corpus is left alone.
fn format_of(path: &Path) -> Option<Format> {
    use std::io::Read;
    let ext = path.extension()?;
    // Extensions in any case: "NOTES.MD" and "FEED.JSONL" had been passed over without a word.
    if ext.eq_ignore_ascii_case("md") {
        Some(Format::Markdown)
    } else if is_json_lines(path) {
        Some(Format::JsonLines)
    } else if ext.eq_ignore_ascii_case("xml") {
        let mut head = Vec::new();
        let read = std::fs::File::open(path).and_then(|f| f.take(8192).read_to_end(&mut head));
        (read.is_ok() && crate::wxr::is_wxr(&head)).then_some(Format::Wxr)
    } else if ext.eq_ignore_ascii_case("html") || ext.eq_ignore_ascii_case("htm") {
        Some(Format::Html)
    } else if ext.eq_ignore_ascii_case("txt") {
        let mut head = Vec::new();
        let read = std::fs::File::open(path).and_then(|f| f.take(4096).read_to_end(&mut head));
        (read.is_ok() && crate::textdump::is_dump(path, &head)).then_some(Format::TextDump)
    } else {
        None
    }
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, CorpusError> {
    std::fs::read(path).map_err(|e| CorpusError::new(path, None, e.to_string()))
}

/// A file to read articles from, and how.
type ArticleFile = (PathBuf, Format);

/// The article files under `root` with their formats, in path order; `root` itself if it is a
/// file (read as Markdown unless its name or content says otherwise). With them, a warning for
/// each symbolic link not read: one to a folder, or one that leads nowhere.
fn article_files(root: &Path) -> Result<(Vec<ArticleFile>, Vec<CorpusError>), CorpusError> {
    let meta = std::fs::metadata(root)
        .map_err(|e| CorpusError::new(root, None, format!("cannot read corpus: {e}")))?;
    if meta.is_file() {
        // A text file given by name is a dump, whatever its first line.
        // And an XML file, a WordPress export: if it is not one, its error should say so.
        let given = if root.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt")) {
            Format::TextDump
        } else if root.extension().is_some_and(|e| e.eq_ignore_ascii_case("xml")) {
            Format::Wxr
        } else {
            format_of(root).unwrap_or(Format::Markdown)
        };
        return Ok((vec![(root.to_path_buf(), given)], Vec::new()));
    }
    let mut out = Vec::new();
    let mut links = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir)
            .map_err(|e| CorpusError::new(&dir, None, format!("cannot read folder: {e}")))?;
        for entry in entries {
            let entry = entry.map_err(|e| CorpusError::new(&dir, None, e.to_string()))?;
            let path = entry.path();
            // Hidden files and folders (.git, editor locks such as `.#draft.md`) are not articles.
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            // Symbolic links to folders are not followed: a link back up would never end. A
            // curator who linked one in is told, as of a link that leads nowhere.
            let Ok(kind) = entry.file_type() else { continue };
            if kind.is_dir() {
                stack.push(path);
            } else if kind.is_file() || path.is_file() {
                if let Some(format) = format_of(&path) {
                    out.push((path, format));
                }
            } else if kind.is_symlink() {
                // A dangling link is named only where it has an article's name (a missing
                // image is no business of the index).
                const ARTICLE_EXTENSIONS: [&str; 7] = ["md", "jsonl", "ndjson", "xml", "html", "htm", "txt"];
                let article_name = path
                    .extension()
                    .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)));
                if path.is_dir() {
                    let why = "a symbolic link to a folder, not followed: any articles in it are not read (copy the folder in, or give it as a corpus of its own)";
                    links.push(CorpusError::new(&path, None, why));
                } else if article_name {
                    links.push(CorpusError::new(&path, None, "a symbolic link that leads nowhere: not read"));
                }
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    links.sort_by(|a, b| a.file.cmp(&b.file));
    Ok((out, links))
}

/// What one file gives: its articles, each with the line to name in a warning about it, its
/// rejected records, its warnings, and what it left out on purpose, by kind.
#[derive(Default)]
struct FileRead {
    articles: Vec<(Option<usize>, Article)>,
    rejected: Vec<CorpusError>,
    warnings: Vec<CorpusError>,
    left_out: BTreeMap<String, usize>,
}

/// One article file's records; `Err` when the file could not be read at all.
fn read_file(file: &Path, format: Format, options: &ReadOptions) -> Result<FileRead, CorpusError> {
    let lined =
        |articles: Vec<(usize, Article)>| articles.into_iter().map(|(line, a)| (Some(line), a)).collect();
    match format {
        Format::Markdown => {
            read_article(file).map(|(a, line)| FileRead { articles: vec![(line, a)], ..FileRead::default() })
        }
        Format::JsonLines => read_bytes(file).map(|bytes| {
            let (read, rejected) = crate::jsonl::read(file, &bytes, &options.fields);
            FileRead { articles: lined(read), rejected, ..FileRead::default() }
        }),
        Format::TextDump => read_text_dump(file).map(|read| FileRead {
            articles: lined(read.articles),
            rejected: read.errors,
            warnings: read.warnings,
            ..FileRead::default()
        }),
        Format::Wxr => read_bytes(file).map(|bytes| {
            let read = crate::wxr::read(file, &bytes, &options.wxr);
            FileRead {
                articles: lined(read.articles),
                rejected: read.errors,
                warnings: read.warnings,
                left_out: read.skipped,
            }
        }),
        Format::Html => read_bytes(file).and_then(|bytes| crate::html_page::read(file, &bytes)).map(|page| {
            FileRead { articles: vec![(None, page.article)], warnings: page.warnings, ..FileRead::default() }
        }),
    }
}

/// A text dump, with its sidecar manifest if there is one.
fn read_text_dump(path: &Path) -> Result<crate::textdump::DumpRead, CorpusError> {
    let text = decode(path, read_bytes(path)?)?;
    let mpath = crate::textdump::manifest_path(path);
    let manifest = match std::fs::read(&mpath) {
        Ok(bytes) => Some(decode(&mpath, bytes)?),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(CorpusError::new(&mpath, None, e.to_string())),
    };
    Ok(crate::textdump::read(path, &text, manifest.as_deref().map(|m| (mpath.as_path(), m))))
}

/// An article and the line of its `slug` key, if it has one.
fn read_article(path: &Path) -> Result<(Article, Option<usize>), CorpusError> {
    let size = std::fs::metadata(path).map_err(|e| CorpusError::new(path, None, e.to_string()))?.len();
    if size > MAX_ARTICLE_BYTES {
        return Err(CorpusError::new(
            path,
            None,
            format!(
                "{:.1} MB, over the {} MB limit for one article: is it several articles, or not an article?",
                size as f64 / 1e6,
                MAX_ARTICLE_BYTES / 1024 / 1024
            ),
        ));
    }
    read_markdown(path, read_bytes(path)?)
}

/// A Markdown article from its file's bytes, and the line of its `slug` key if it has one: the
/// Markdown importer without the file system (`path` only names the file in errors and gives
/// the slug of an article without one).
pub fn read_markdown(path: &Path, bytes: Vec<u8>) -> Result<(Article, Option<usize>), CorpusError> {
    let text = decode(path, bytes)?;
    let parsed = frontmatter::parse(path, &text)?;
    Ok((to_article(path, &parsed)?, parsed.key_line("slug")))
}

/// The file's text: UTF-8 (a BOM is fine), with old Mac line ends (a lone CR) read as line ends.
/// Other encodings and binary files get an error that says what the file seems to be.
fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, CorpusError> {
    if bytes.is_empty() {
        return Err(CorpusError::new(path, None, "empty file"));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(CorpusError::new(path, Some(1), "UTF-16 text: save the file as UTF-8"));
    }
    // A line number means nothing in a binary file.
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(CorpusError::new(
            path,
            None,
            "a binary file (it holds NUL bytes), not a Markdown article",
        ));
    }
    let text = utf8(path, bytes)?;
    if text.contains('\r') && !text.contains("\r\n") {
        return Ok(text.replace('\r', "\n"));
    }
    Ok(text)
}

fn to_article(path: &Path, p: &Parsed) -> Result<Article, CorpusError> {
    let f = &p.front;
    // Every text field is reduced to its text before validation: a title of only markup is missing.
    let title =
        f.title.as_deref().map(sanitize::text).filter(|t| !t.is_empty()).ok_or_else(|| {
            CorpusError::new(path, p.key_line("title").or(Some(p.front_line)), "missing title")
        })?;
    let date_text = f.date.as_deref().ok_or_else(|| {
        CorpusError::new(path, Some(p.front_line), "missing date (YYYY, YYYY-MM or YYYY-MM-DD)")
    })?;
    let date = PartialDate::parse(date_text).map_err(|e| CorpusError::new(path, p.key_line("date"), e))?;
    let slug = match &f.slug {
        Some(s) => s.clone(),
        // A file name is not chosen as a URL: "My Draft.md" is served as "my-draft".
        None => crate::slug::slugify(&path.file_stem().map(|s| s.to_string_lossy()).unwrap_or_default()),
    };
    if let Some(why) = crate::slug::problem(&slug) {
        return Err(CorpusError::new(path, p.key_line("slug"), why));
    }
    let mut body = body::blocks(p.body, f.interview.as_ref());
    let note_refs = crate::note_refs::extract(&mut body);
    if body.is_empty() {
        return Err(CorpusError::new(path, Some(p.body_line), "the article has no body text"));
    }
    let note = f
        .note
        .as_deref()
        .map(|n| n.split("\n\n").map(sanitize::text).filter(|s| !s.is_empty()).collect())
        .unwrap_or_default();
    let text = |s: &Option<String>| s.as_deref().map(sanitize::text).filter(|t| !t.is_empty());
    let texts = |v: &[String]| v.iter().map(|s| sanitize::text(s)).filter(|t| !t.is_empty()).collect();
    let mut article = Article::new(&slug, &title, date, body);
    article.note_refs = note_refs;
    article.outlet = text(&f.outlet).unwrap_or_default();
    article.kind = text(&f.kind).unwrap_or_default();
    article.authors = texts(&f.authors);
    article.topics = texts(&f.topics);
    article.note = note;
    article.summary = text(&f.summary);
    article.issue = text(&f.issue);
    article.bio = text(&f.bio);
    // A link with a scheme outside the allowlist is dropped, not kept as text: it is no content.
    article.url = f.url.as_deref().and_then(sanitize::url);
    article.media = f
        .media
        .iter()
        .map(|m| Media {
            file: m.file.as_deref().and_then(sanitize::url),
            caption: text(&m.caption),
            credit: text(&m.credit),
        })
        .collect();
    Ok(article)
}

/// Builds the index of a read corpus, with its language's pipeline.
pub fn build_index(corpus: &Corpus) -> Index {
    let _indexing = crate::progress::phase("index", None);
    let mut builder = IndexBuilder::new(corpus.analyzer())
        .with_entities(corpus.entities.clone())
        .with_name(corpus.name.clone());
    for (_, a) in &corpus.articles {
        builder.add(a.clone());
    }
    builder.finish()
}
