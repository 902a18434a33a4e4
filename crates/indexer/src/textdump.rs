//! Text dumps of a blog's tag or archive page (the text a browser's "save as text" or a
//! copy-paste gives): one file, several posts, newest first, with no markup to say where one
//! post ends and the next begins.
//!
//! Each post is a short note by the blogger, the title of the piece, perhaps an image file name,
//! a caption, an issue line or an authors line, then the piece, perhaps closed by an author-bio
//! line. The page's own furniture ("Advertisements", "Share this:") is dropped.
//!
//! A post starts where a title-like line (short, no closing full stop, not a speaker's turn nor
//! a notes heading) follows a paragraph in the blogger's voice (first person, or "piece",
//! "posting", "spoke to"…), or by a theme's date line ("Posted on March 3, 2018 by Jane Roe"),
//! and leads to prose. That is a heuristic, so an optional sidecar
//! manifest (`NAME.manifest.toml` beside `NAME.txt`) names what the text does not say, post by
//! post, matched by title: date, outlet, kind, topics, slug, an interview's speakers. A title the
//! manifest names is a boundary even where the heuristic would not see one.
//!
//! What the text alone gives is used: an issue line ("February 2018, Volume 11, Issue 2") dates
//! a post; speakers' prefixes ("CTC:", "Basu:") that alternate make an interview; a line
//! repeated with "Credit: …" after it is a caption. A post with no date anywhere is reported
//! with the line of its title and the manifest entry that would date it.

use crate::body::{self, RawBlock};
use crate::error::{line_of, CorpusError};
use crate::frontmatter::Interview;
use crate::names::split_names;
use readingroom_core::{Article, Media, PartialDate};
use regex::Regex;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// Lines a blog page adds around posts: never content.
const FURNITURE: &[&str] = &[
    "advertisements",
    "advertisement",
    "share this:",
    "like this:",
    "like loading...",
    "loading...",
    "related",
    "leave a comment",
    "leave a reply",
    "older posts",
    "newer posts",
    "older entries",
    "newer entries",
];

/// Lines a theme prints under a post ("Posted in Security | Tagged Libya | Leave a comment"):
/// page furniture, and the end of the post.
const FURNITURE_PREFIXES: &[&str] =
    &["posted in ", "filed under ", "tagged ", "continue reading", "read more"];

/// A post's date line as themes print it: "Posted on March 3, 2018 by Jane Roe", "3 March
/// 2018", "Published: 2018-03-03".
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:(?:posted|published)(?:\s+on)?:?\s+|date:\s+|on\s+)?(?P<date>.+?)(?:\s+(?i:by)\s+(?P<by>[^|]+?))?$")
        .expect("dateline pattern")
});

/// The heading of a tag, category or archive page; its group is the tag.
static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:posts tagged|posts in category|tag archives?:|category archives?:|archive for|posts about|tag:|category:)\s*[‘'“]?(?P<tag>[^’'”]+?)[’'”]?\s*(?:category)?$",
    )
    .expect("heading pattern")
});

/// A speaker's turn: one short word or initials, then a colon ("CTC:", "Basu:", "Q:").
static SPEAKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<who>[\p{Lu}][\p{L}.'’-]{0,20}):\s").expect("speaker pattern"));

/// The blogger's voice: first person, or words about posting a piece.
static NOTE_VOICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:I|I'm|I’m|I've|I’ve|my|me|piece|post|posting|posted|spoke to|spoke with|contribute)\b",
    )
    .expect("note pattern")
});

/// An issue or volume line.
static ISSUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:vol(?:ume)?\.?\s*\d+|issue\s+\d+|no\.\s*\d+)").expect("issue pattern")
});

static AUTHORS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:authors?:|by|written by)\s+(?P<names>.+)$").expect("authors pattern"));

/// "Name Surname is (the) Director …": the line that closes an op-ed.
static BIO: LazyLock<Regex> = LazyLock::new(|| {
    // `\s`, not a space: dumps keep the no-break spaces of the page ("is the\u{a0}Director").
    Regex::new(r"^\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+){1,3}\sis\s(?:the\s|an?\s)?(?i:[\p{L}\s]*(?:director|fellow|author|professor|editor|researcher|lecturer|analyst|head|chair|founder)\b)")
        .expect("bio pattern")
});

/// An image file name as a dump keeps it: one token with a separator, no spaces.
static MEDIA_FILE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[\w.-]+$").expect("media pattern"));

/// What the sidecar manifest may say about the whole dump and about each post.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Manifest {
    /// Defaults for every post.
    outlet: Option<String>,
    kind: Option<String>,
    #[serde(default)]
    authors: Vec<String>,
    /// Topics of every post, besides the page's own tag.
    #[serde(default)]
    topics: Vec<String>,
    #[serde(default)]
    post: Vec<ManifestPost>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ManifestPost {
    title: String,
    slug: Option<toml::Spanned<String>>,
    date: Option<toml::Spanned<String>>,
    outlet: Option<String>,
    kind: Option<String>,
    authors: Option<Vec<String>>,
    /// Topics besides the page's tag.
    #[serde(default)]
    topics: Vec<String>,
    summary: Option<String>,
    url: Option<String>,
    interview: Option<Interview>,
    /// The publisher's end mark, which the dump runs into the piece's last paragraph before its
    /// notes ("… part of the answer.     CTC" in the CTC Sentinel): dropped from its end.
    end_mark: Option<String>,
}

/// The articles of one dump (each with the line of its title), the posts that could not be
/// used, and what was used but not as the text said.
#[derive(Default)]
pub struct DumpRead {
    pub articles: Vec<(usize, Article)>,
    pub errors: Vec<CorpusError>,
    pub warnings: Vec<CorpusError>,
}

/// The sidecar manifest of a dump: `NAME.manifest.toml` beside `NAME.txt`.
pub fn manifest_path(dump: &Path) -> PathBuf {
    let stem = dump.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    dump.with_file_name(format!("{stem}.manifest.toml"))
}

/// Whether a `.txt` file in a corpus folder is a dump: it opens with a tag or archive page's
/// heading, or has a manifest. Other text files (a README) are left alone.
pub fn is_dump(path: &Path, head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head);
    let first = text.trim_start_matches('\u{feff}').lines().map(str::trim).find(|l| !l.is_empty());
    first.is_some_and(|l| HEADING.is_match(l)) || manifest_path(path).is_file()
}

/// One non-blank line of the dump, with its 1-based line number.
#[derive(Clone)]
struct Line<'a> {
    no: usize,
    text: &'a str,
}

/// Reads a dump and its manifest text, if it has one (`manifest` is its path and text).
pub fn read(path: &Path, text: &str, manifest: Option<(&Path, &str)>) -> DumpRead {
    let mut out = DumpRead::default();
    let manifest = match manifest {
        Some((mpath, mtext)) => match toml::from_str::<Manifest>(mtext) {
            Ok(m) => Some((mpath, mtext, m)),
            Err(e) => {
                let line = e.span().map(|s| line_of(mtext.as_bytes(), s.start));
                out.errors.push(CorpusError::new(
                    mpath,
                    line,
                    format!("malformed manifest: {}", e.message()),
                ));
                return out;
            }
        },
        None => None,
    };
    let text = text.trim_start_matches('\u{feff}');
    let mut lines: Vec<Line> = Vec::new();
    // The lines where the page's furniture stood: a post never runs across one.
    let mut breaks: Vec<usize> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        // A line of no-break spaces is an empty paragraph of the page.
        let t = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
        if t.is_empty() {
            continue;
        }
        let lower = t.to_lowercase();
        if FURNITURE.contains(&lower.as_str()) || FURNITURE_PREFIXES.iter().any(|p| lower.starts_with(p)) {
            breaks.push(lines.len());
            continue;
        }
        lines.push(Line { no: i + 1, text: t });
    }
    let mut tag = None;
    if let Some(c) = lines.first().and_then(|l| HEADING.captures(l.text)) {
        tag = Some(c["tag"].trim().to_string());
        lines.remove(0);
        breaks.iter_mut().for_each(|b| *b = b.saturating_sub(1));
    }

    let wanted: HashMap<String, usize> = manifest
        .as_ref()
        .map(|(_, _, m)| m.post.iter().enumerate().map(|(i, p)| (norm(&p.title), i)).collect())
        .unwrap_or_default();
    let titles: Vec<usize> = (0..lines.len())
        .filter(|&i| wanted.contains_key(&norm(lines[i].text)) || is_title(&lines, i))
        .collect();
    if titles.is_empty() {
        out.errors.push(CorpusError::new(
            path,
            None,
            "no posts found: expected a note, a short title line and the piece, for each post",
        ));
        return out;
    }
    let mut used = vec![false; wanted.len()];
    // Each post runs from its note to the line before the next post's note.
    let starts: Vec<usize> = titles.iter().map(|&t| note_start(&lines, &breaks, t)).collect();
    for (k, &t) in titles.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(lines.len());
        let end = breaks.iter().copied().filter(|&b| b > t && b < end).min().unwrap_or(end);
        // The next post's note can reach back past this title in a mangled dump (found by
        // fuzzing): this post then has no text, an error, not a panic.
        let end = end.max(t + 1);
        let start = starts[k].min(t);
        let entry = wanted.get(&norm(lines[t].text)).map(|&i| {
            used[i] = true;
            &manifest.as_ref().expect("a manifest").2.post[i]
        });
        // A slug or date the manifest gets wrong is an error at its line there, as in front matter.
        if let (Some(e), Some((mpath, mtext, _))) = (entry, &manifest) {
            if let Some(error) = entry_error(mpath, mtext, e) {
                out.errors.push(error);
                continue;
            }
        }
        let defaults = manifest.as_ref().map(|(_, _, m)| m);
        match post(path, &lines[start..t], &lines[t], &lines[t + 1..end], tag.as_deref(), entry, defaults) {
            Ok(a) => out.articles.push((lines[t].no, a)),
            Err(e) => out.errors.push(e),
        }
    }
    if let Some((mpath, mtext, m)) = &manifest {
        for (p, _) in m.post.iter().zip(&used).filter(|(_, u)| !**u) {
            let line = mtext.find(&p.title).map(|at| line_of(mtext.as_bytes(), at));
            out.warnings.push(CorpusError::new(
                *mpath,
                line,
                format!("post {:?} is not in {}: its entry was not used", p.title, path.display()),
            ));
        }
    }
    out
}

/// What is wrong with a manifest entry's slug or date, at its line in the manifest.
fn entry_error(mpath: &Path, mtext: &str, e: &ManifestPost) -> Option<CorpusError> {
    let at = |s: &toml::Spanned<String>| Some(line_of(mtext.as_bytes(), s.span().start));
    if let Some(slug) = &e.slug {
        if let Some(why) = crate::slug::problem(slug.get_ref()) {
            return Some(CorpusError::new(mpath, at(slug), why));
        }
    }
    let date = e.date.as_ref()?;
    let why = PartialDate::parse(date.get_ref()).err()?;
    Some(CorpusError::new(mpath, at(date), format!("post {:?}: {why}", e.title)))
}

/// A title for comparison: spaces, case and quote styles aside.
fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace(['’', '‘'], "'")
        .replace(['“', '”'], "\"")
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Prose: a sentence or more.
fn is_prose(s: &str) -> bool {
    words(s) >= 12 && s.trim_end_matches(['”', '’', '"', '\'', ')']).ends_with(['.', '!', '?', '…'])
}

fn is_title(lines: &[Line], i: usize) -> bool {
    let t = lines[i].text;
    let n = words(t);
    let looks_like_title = (2..=30).contains(&n)
        && t.chars().count() <= 250
        && !t.ends_with(['.', ',', ';', ':'])
        && !t.starts_with('[')
        && !SPEAKER.is_match(t)
        && !body::is_notes_heading(t)
        && !BIO.is_match(t);
    let after_note = i > 0 && is_prose(lines[i - 1].text) && NOTE_VOICE.is_match(lines[i - 1].text);
    // Or a theme's date line right above or below it.
    let dated = (i > 0 && dateline(lines[i - 1].text).is_some())
        || lines.get(i + 1).is_some_and(|l| dateline(l.text).is_some());
    // The piece itself follows within a few lines (image, caption, issue and authors lines).
    let leads_to_prose = lines[i + 1..].iter().take(5).any(|l| is_prose(l.text));
    looks_like_title && (after_note || dated) && leads_to_prose && dateline(t).is_none()
}

/// The date (and author) of a date line: the whole line, less "Posted on" and "by …", must be
/// one date of at least a month's precision.
fn dateline(l: &str) -> Option<(PartialDate, Option<String>)> {
    if words(l) > 14 {
        return None;
    }
    let c = DATELINE.captures(l)?;
    let date = c.name("date")?.as_str().trim().trim_end_matches(['.', ',']);
    let mined = crate::date_mining::mine(date);
    let [m] = mined.as_slice() else { return None };
    (m.start == 0 && m.end == date.len() && m.from == m.to && m.from.month.is_some())
        .then(|| (m.from, c.name("by").map(|b| b.as_str().trim().to_string())))
}

/// The first line of the note before title `t`: up to three paragraphs in the blogger's voice,
/// never across the page's furniture.
fn note_start(lines: &[Line], breaks: &[usize], t: usize) -> usize {
    // A date line above the title starts the post.
    if t > 0 && dateline(lines[t - 1].text).is_some() {
        return t - 1;
    }
    let mut s = t;
    while s > 0
        && t - s < 3
        && !breaks.contains(&s)
        && is_prose(lines[s - 1].text)
        && NOTE_VOICE.is_match(lines[s - 1].text)
    {
        s -= 1;
    }
    s
}

/// One post as an article.
fn post(
    path: &Path,
    note: &[Line],
    title: &Line,
    rest: &[Line],
    tag: Option<&str>,
    entry: Option<&ManifestPost>,
    defaults: Option<&Manifest>,
) -> Result<Article, CorpusError> {
    let mut media: Vec<Media> = Vec::new();
    let mut issue = None;
    let mut authors: Vec<String> = Vec::new();
    let mut summary = None;
    let mut texts: Vec<&str> = Vec::new();
    // A theme's date line, above the title (where the note would be) or in the header.
    let mut dated: Option<PartialDate> = None;
    let mut take_dateline = |l: &str, authors: &mut Vec<String>| match dateline(l) {
        Some((date, by)) if dated.is_none() => {
            dated = Some(date);
            if let Some(by) = by.filter(|_| authors.is_empty()) {
                *authors = split_names(&by);
            }
            true
        }
        _ => false,
    };
    let note: Vec<&Line> = note.iter().filter(|l| !take_dateline(l.text, &mut authors)).collect();
    // Lines before the first prose paragraph: image, caption, issue and authors lines.
    let mut in_header = true;
    let mut i = 0;
    while i < rest.len() {
        let l = rest[i].text;
        let next = rest.get(i + 1).map(|n| n.text);
        // "Caption" then "Caption Credit: Agency": one captioned image.
        if let Some(credit) =
            next.and_then(|n| n.strip_prefix(l)).and_then(|r| r.trim().strip_prefix("Credit:"))
        {
            media.push(Media { file: None, caption: Some(l.into()), credit: Some(credit.trim().into()) });
            i += 2;
            continue;
        }
        if in_header && take_dateline(l, &mut authors) {
            // The date line is metadata, not text.
        } else if MEDIA_FILE.is_match(l) && l.contains(['-', '_', '.']) {
            media.push(Media { file: Some(l.into()), ..Media::default() });
        } else if in_header && issue.is_none() && words(l) <= 15 && ISSUE.is_match(l) {
            issue = Some(l.to_string());
        } else if let Some(c) = AUTHORS.captures(l).filter(|_| in_header && words(l) <= 15) {
            authors = split_names(&c["names"]);
        } else if in_header && !is_prose(l) && words(l) <= 12 {
            media.push(credit_or_caption(l));
        } else if in_header
            && is_prose(l)
            && next.is_some_and(|n| MEDIA_FILE.is_match(n))
            && summary.is_none()
        {
            // A standfirst, set above the picture.
            summary = Some(l.to_string());
        } else if i + 1 == rest.len() && l.starts_with("Illustrations by") {
            media.push(Media { credit: Some(l.into()), ..Media::default() });
        } else {
            in_header = false;
            texts.push(l);
        }
        i += 1;
    }
    let bio = texts.last().filter(|l| BIO.is_match(l) && words(l) <= 40).map(|l| l.to_string());
    if bio.is_some() {
        texts.pop();
    }
    // The piece's last paragraph: before its notes, if it has any.
    if let Some(mark) = entry.and_then(|e| e.end_mark.as_deref()) {
        let notes = texts.iter().position(|t| body::is_notes_heading(t)).unwrap_or(texts.len());
        if let Some(last) = texts[..notes].last_mut() {
            if let Some(rest) = last.strip_suffix(mark).filter(|r| r.ends_with(char::is_whitespace)) {
                *last = rest.trim_end();
            }
        }
    }

    let date = match entry.and_then(|e| e.date.as_ref().map(|d| d.get_ref().as_str())) {
        Some(d) => PartialDate::parse(d).map_err(|why| CorpusError::new(path, Some(title.no), why))?,
        None if dated.is_some() => dated.expect("a date"),
        None => issue
            .as_deref()
            .and_then(|i| crate::date_mining::mine(i).into_iter().next())
            .map(|m| m.from)
            .ok_or_else(|| {
                CorpusError::new(
                    path,
                    Some(title.no),
                    format!(
                        "post {:?} has no date: give it one in {} (a [[post]] with this title and date = \"YYYY-MM-DD\")",
                        title.text,
                        manifest_path(path).file_name().unwrap_or_default().to_string_lossy()
                    ),
                )
            })?,
    };
    let paragraphs: Vec<RawBlock> = texts
        .iter()
        .map(|t| {
            if body::is_notes_heading(t) {
                RawBlock::Heading(t.to_string())
            } else {
                RawBlock::Paragraph(t.to_string())
            }
        })
        .collect();
    let interview = entry.and_then(|e| e.interview.clone()).or_else(|| interview_of(&texts));
    let blocks = body::from_raw(paragraphs, interview.as_ref());
    if blocks.is_empty() {
        return Err(CorpusError::new(path, Some(title.no), format!("post {:?} has no text", title.text)));
    }
    let slug = entry
        .and_then(|e| e.slug.as_ref().map(|s| s.get_ref().clone()))
        .unwrap_or_else(|| crate::slug::slugify(title.text));
    let mut a = Article::new(&slug, title.text, date, blocks);
    a.note = note.iter().map(|l| l.text.to_string()).collect();
    a.media = media;
    a.issue = issue;
    a.bio = bio;
    a.summary = entry.and_then(|e| e.summary.clone()).or(summary);
    a.url = entry.and_then(|e| e.url.as_deref()).and_then(crate::sanitize::url);
    a.outlet = entry
        .and_then(|e| e.outlet.clone())
        .or_else(|| defaults.and_then(|d| d.outlet.clone()))
        .unwrap_or_default();
    a.kind = entry
        .and_then(|e| e.kind.clone())
        .or_else(|| defaults.and_then(|d| d.kind.clone()))
        .unwrap_or_else(|| if interview.is_some() { "interview".into() } else { String::new() });
    a.authors = entry.and_then(|e| e.authors.clone()).filter(|_| authors.is_empty()).unwrap_or(authors);
    if a.authors.is_empty() {
        a.authors = defaults.map(|d| d.authors.clone()).unwrap_or_default();
    }
    let mut topics: Vec<String> = tag.map(String::from).into_iter().collect();
    for t in defaults
        .map(|d| d.topics.as_slice())
        .unwrap_or_default()
        .iter()
        .chain(entry.map(|e| e.topics.as_slice()).unwrap_or_default())
    {
        if !topics.contains(t) {
            topics.push(t.clone());
        }
    }
    a.topics = topics;
    Ok(a)
}

/// A short line by a picture: a credit if it names a source or licence, else a caption.
fn credit_or_caption(l: &str) -> Media {
    let credit = l.contains('/')
        || l.contains("CC BY")
        || l.contains('©')
        || l.starts_with("Photo")
        || l.starts_with("Credit");
    if credit {
        Media { credit: Some(licence_apart(l)), ..Media::default() }
    } else {
        Media { caption: Some(l.into()), ..Media::default() }
    }
}

/// A Creative Commons licence that a page's text dump ran into the credit before it (its link
/// text followed the source's with no space: "The ConversationCC BY-ND") set apart by a comma.
fn licence_apart(l: &str) -> String {
    match l.find("CC BY") {
        Some(at) if l[..at].ends_with(|c: char| c.is_alphanumeric()) => {
            format!("{}, {}", &l[..at], &l[at..])
        }
        _ => l.into(),
    }
}

/// Two speakers whose prefixed turns alternate through the piece make an interview; the first
/// to speak asks.
fn interview_of(texts: &[&str]) -> Option<Interview> {
    let speakers: Vec<&str> = texts
        .iter()
        .filter_map(|t| SPEAKER.captures(t))
        .map(|c| c.name("who").expect("who").as_str())
        .collect();
    let first = *speakers.first()?;
    let second = *speakers.iter().find(|s| **s != first)?;
    let count = |w: &str| speakers.iter().filter(|s| **s == w).count();
    let both = count(first) + count(second);
    (count(first) >= 3 && count(second) >= 3 && both * 10 >= speakers.len() * 9)
        .then(|| Interview { questioner: first.into(), respondent: second.into() })
}

#[cfg(test)]
mod tests {
    use super::*;

    const DUMP: &str = "Posts Tagged ‘Al Qaeda’

A new piece I wrote for a magazine, on terrorism and its many faces, which was published today.

A short title for the piece

piece-image-600x400

March 2018, Volume 3, Issue 2

Authors: Jane Roe and John Doe

The first paragraph of the piece runs on for a sentence or two, long enough to be prose here.

The second paragraph of the piece is prose as well, and ends the piece with a full stop.

Jane Roe is the Director of Studies at an institute

Advertisements

Another posting of mine, late as usual, for a newspaper that I sometimes write for these days.

Second title: what happens next?

The only paragraph of the second piece is long enough to be prose and closes it properly.
";

    #[test]
    fn splits_posts_at_note_and_title() {
        let read = read(Path::new("dump.txt"), DUMP, None);
        assert_eq!(read.articles.len(), 1, "the second post has no date: {:?}", read.errors);
        let (line, a) = &read.articles[0];
        assert_eq!(*line, 5);
        assert_eq!(a.title, "A short title for the piece");
        assert_eq!(a.date.iso(), "2018-03", "the issue line dates the post");
        assert_eq!(a.note.len(), 1);
        assert_eq!(a.authors, ["Jane Roe", "John Doe"]);
        assert_eq!(a.issue.as_deref(), Some("March 2018, Volume 3, Issue 2"));
        assert_eq!(a.bio.as_deref(), Some("Jane Roe is the Director of Studies at an institute"));
        assert_eq!(a.media[0].file.as_deref(), Some("piece-image-600x400"));
        assert_eq!(a.topics, ["Al Qaeda"]);
        assert_eq!(a.body_texts().count(), 2);
        assert_eq!(read.errors.len(), 1);
        let e = read.errors[0].to_string();
        assert!(e.starts_with("dump.txt:23: post \"Second title: what happens next?\" has no date"), "{e}");
        assert!(e.contains("dump.manifest.toml"), "{e}");
    }

    #[test]
    fn a_licence_run_into_its_credit_is_set_apart() {
        let credit = |l| credit_or_caption(l).credit;
        assert_eq!(
            credit("Wes Mountain/The ConversationCC BY-ND").as_deref(),
            Some("Wes Mountain/The Conversation, CC BY-ND")
        );
        assert_eq!(credit("Photo: Jane Roe, CC BY-SA").as_deref(), Some("Photo: Jane Roe, CC BY-SA"));
        assert_eq!(credit("CC BY 4.0").as_deref(), Some("CC BY 4.0"));
        assert_eq!(credit("A harbour at dusk"), None, "a caption");
    }

    /// A manifest's slug was used unchecked ("Bad Slug/../x"), and its bad date was reported at the
    /// dump's line, in the other file.
    #[test]
    fn a_manifest_slug_or_date_that_is_wrong_is_an_error_at_its_line() {
        let manifest = "[[post]]\ntitle = \"Second title: what happens next?\"\nslug = \"Bad Slug/../x\"\n";
        let first = read(Path::new("dump.txt"), DUMP, Some((Path::new("dump.manifest.toml"), manifest)));
        let errors: Vec<String> = first.errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            errors,
            ["dump.manifest.toml:3: slug \"Bad Slug/../x\" must be lower-case letters, digits and hyphens"]
        );
        assert_eq!(first.articles.len(), 1, "the other post stays");
        let manifest = "[[post]]\ntitle = \"Second title: what happens next?\"\n\ndate = \"2016-13\"\n";
        let read = read(Path::new("dump.txt"), DUMP, Some((Path::new("dump.manifest.toml"), manifest)));
        assert!(
            read.errors[0].to_string().starts_with("dump.manifest.toml:4: post \"Second title"),
            "{:?}",
            read.errors
        );
    }

    #[test]
    fn manifest_dates_and_describes_posts() {
        let manifest = r#"
outlet = "A Newspaper"
[[post]]
title = "Second title: what happens next?"
date = "2019-05-01"
slug = "second"
kind = "op-ed"
topics = ["Futures"]
[[post]]
title = "A title that is not in the dump"
"#;
        let read = read(Path::new("dump.txt"), DUMP, Some((Path::new("dump.manifest.toml"), manifest)));
        assert!(read.errors.is_empty(), "{:?}", read.errors);
        let second = &read.articles[1].1;
        assert_eq!((second.slug.as_str(), second.date.iso()), ("second", "2019-05-01".into()));
        assert_eq!((second.outlet.as_str(), second.kind.as_str()), ("A Newspaper", "op-ed"));
        assert_eq!(second.topics, ["Al Qaeda", "Futures"]);
        assert_eq!(read.warnings.len(), 1);
        assert!(read.warnings[0]
            .to_string()
            .starts_with("dump.manifest.toml:10: post \"A title that is not in the dump\""));
    }

    /// A theme's tag page: no blogger's notes, but a date line by each title and furniture
    /// after each post.
    const THEMED: &str = "Category Archives: Security

Libya after the fall
Posted on March 3, 2018 by Jane Roe
The first paragraph is about Libya and runs on long enough to be prose for the importer.
The second paragraph closes the post with a sentence that ends where it should.
Posted in Security | Tagged Libya | Leave a comment

14 February 2018
The long war, revisited
One paragraph of prose is enough for a post, as long as it reads as a sentence or two.
Posted in Security | Leave a comment
";

    #[test]
    fn a_themes_date_lines_date_and_split_the_posts() {
        let read = read(Path::new("themed.txt"), THEMED, None);
        assert!(read.errors.is_empty(), "{:?}", read.errors);
        let got: Vec<(&str, String, &[String], usize)> = read
            .articles
            .iter()
            .map(|(_, a)| (a.title.as_str(), a.date.iso(), a.authors.as_slice(), a.body_texts().count()))
            .collect();
        assert_eq!(
            got,
            [
                ("Libya after the fall", "2018-03-03".to_string(), &["Jane Roe".to_string()][..], 2),
                ("The long war, revisited", "2018-02-14".to_string(), &[][..], 1),
            ]
        );
        for (_, a) in &read.articles {
            assert!(a.note.is_empty(), "{:?}", a.note);
            assert_eq!(a.topics, ["Security"]);
        }
        assert_eq!(dateline("Published: 2018-03-03").map(|d| d.0.iso()), Some("2018-03-03".into()));
        assert_eq!(dateline("In 2018 we went"), None);
        assert_eq!(dateline("2018"), None, "a year alone is a heading or a number, not a date line");
    }

    #[test]
    fn alternating_speakers_make_an_interview() {
        let t = ["Q: one?", "A: yes.", "more.", "Q: two?", "A: no.", "Q: three?", "A: maybe."];
        let iv = interview_of(&t).expect("an interview");
        assert_eq!((iv.questioner.as_str(), iv.respondent.as_str()), ("Q", "A"));
        assert!(interview_of(&["Note: one thing.", "Plain text."]).is_none());
    }

    #[test]
    fn a_malformed_manifest_names_its_line() {
        let read =
            read(Path::new("d.txt"), DUMP, Some((Path::new("d.manifest.toml"), "[[post]]\ntitel = 1\n")));
        assert!(read.articles.is_empty());
        assert!(
            read.errors[0].to_string().starts_with("d.manifest.toml:2: malformed manifest"),
            "{:?}",
            read.errors
        );
    }
}
