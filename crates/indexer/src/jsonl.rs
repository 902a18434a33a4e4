//! JSON Lines corpora: one article a line, as exported by databases and scrapers.
//!
//! Fields (each renamable with a [`FieldMap`]): `id`, `title`, `date`, `author` or `authors`,
//! `tags`, `body`, and optionally `outlet`, `kind`, `url`, `summary`. Other fields are ignored:
//! exports carry many. The body is Markdown or plain text (paragraphs split by blank lines).
//! Every bad line is reported with its line number and the reason; the good lines are kept.

use crate::body;
use crate::error::CorpusError;
use crate::sanitize;
use crate::slug::slugify;
use readingroom_core::{Article, PartialDate};
use serde_json::{Map, Value};
use std::path::Path;

/// The names the fields go by in a particular export, e.g. `title=headline,body=content`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMap {
    pub id: String,
    pub title: String,
    pub date: String,
    pub author: String,
    pub authors: String,
    pub tags: String,
    pub body: String,
    pub outlet: String,
    pub kind: String,
    pub url: String,
    pub summary: String,
}

impl Default for FieldMap {
    fn default() -> Self {
        let s = |x: &str| x.to_string();
        FieldMap {
            id: s("id"),
            title: s("title"),
            date: s("date"),
            author: s("author"),
            authors: s("authors"),
            tags: s("tags"),
            body: s("body"),
            outlet: s("outlet"),
            kind: s("kind"),
            url: s("url"),
            summary: s("summary"),
        }
    }
}

impl FieldMap {
    /// `ours=theirs` pairs separated by commas, over the defaults.
    pub fn parse(spec: &str) -> Result<Self, String> {
        let mut map = FieldMap::default();
        for pair in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (ours, theirs) = pair
                .split_once('=')
                .ok_or_else(|| format!("field mapping {pair:?}: expected ours=theirs"))?;
            let slot = match ours.trim() {
                "id" => &mut map.id,
                "title" => &mut map.title,
                "date" => &mut map.date,
                "author" => &mut map.author,
                "authors" => &mut map.authors,
                "tags" => &mut map.tags,
                "body" => &mut map.body,
                "outlet" => &mut map.outlet,
                "kind" => &mut map.kind,
                "url" => &mut map.url,
                "summary" => &mut map.summary,
                other => return Err(format!("field mapping: unknown field {other:?}")),
            };
            *slot = theirs.trim().to_string();
        }
        Ok(map)
    }
}

/// The articles of a JSON Lines file, each with its line, and an error for each line that
/// could not be used.
pub fn read(path: &Path, bytes: &[u8], fields: &FieldMap) -> (Vec<(usize, Article)>, Vec<CorpusError>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Lines end in LF or CRLF, or, from an old Mac, CR alone (a CR inside a JSON string is
    // escaped, so a bare one ends a line): such a file had been one line, all its records lost.
    let end = if bytes.contains(&b'\n') { b'\n' } else { b'\r' };
    let lines: Vec<(usize, &[u8])> = bytes
        .split(|&b| b == end)
        .enumerate()
        .map(|(i, raw)| (i + 1, raw.strip_suffix(b"\r").unwrap_or(raw)))
        .filter(|(_, raw)| !raw.iter().all(u8::is_ascii_whitespace))
        .collect();
    // Lines are independent: parsed on every core, kept in line order.
    let records = crate::parallel::map(&lines, 1024, |(_, raw)| {
        std::str::from_utf8(raw)
            .map_err(|_| "not valid UTF-8".to_string())
            .and_then(|text| serde_json::from_str::<Value>(text).map_err(|e| format!("not JSON: {e}")))
            .and_then(|value| match value {
                Value::Object(map) => article(&map, fields),
                _ => Err("expected a JSON object, one article a line".to_string()),
            })
    });
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    for ((line, _), record) in lines.iter().zip(records) {
        match record {
            Ok(a) => articles.push((*line, a)),
            Err(message) => errors.push(CorpusError::new(path, Some(*line), message)),
        }
    }
    (articles, errors)
}

fn article(record: &Map<String, Value>, f: &FieldMap) -> Result<Article, String> {
    let text = |name: &str| -> Result<Option<String>, String> {
        match record.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.trim().to_string())),
            Some(Value::Number(n)) => Ok(Some(n.to_string())),
            Some(_) => Err(format!("field {name:?} must be a string")),
        }
    };
    let list = |name: &str| -> Result<Vec<String>, String> {
        match record.get(name) {
            None | Some(Value::Null) => Ok(Vec::new()),
            // "a, b" as exports often flatten lists.
            Some(Value::String(s)) => {
                Ok(s.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect())
            }
            Some(Value::Array(items)) => items
                .iter()
                .map(|v| match v {
                    Value::String(s) => Ok(s.trim().to_string()),
                    _ => Err(format!("field {name:?} must be a list of strings")),
                })
                .filter(|s| !matches!(s, Ok(s) if s.is_empty()))
                .collect(),
            Some(_) => Err(format!("field {name:?} must be a string or a list of strings")),
        }
    };
    // A CMS's export writes its fields as HTML (`Q&amp;A`, `<em>` in a title), as front matter
    // may: reduced to their text here as there, so the artifact holds no markup.
    let plain = |s: String| Some(sanitize::text(&s)).filter(|t| !t.is_empty());
    let plain_list = |v: Vec<String>| v.into_iter().filter_map(plain).collect::<Vec<_>>();
    let title = text(&f.title)?.ok_or_else(|| format!("missing title (field {:?})", f.title))?;
    let title = plain(title).ok_or_else(|| format!("the title (field {:?}) has no text to show", f.title))?;
    let date_text = text(&f.date)?.ok_or_else(|| format!("missing date (field {:?})", f.date))?;
    let date = parse_date(&date_text)?;
    let body_text = text(&f.body)?.ok_or_else(|| format!("missing body (field {:?})", f.body))?;
    let blocks = body::blocks(&body_text, None);
    if blocks.is_empty() {
        return Err(format!("the body (field {:?}) has no text", f.body));
    }
    // An id with nothing to make a slug of ("—") gives way to the title.
    let slug =
        text(&f.id)?.map(|id| slugify(&id)).filter(|s| !s.is_empty()).unwrap_or_else(|| slugify(&title));
    if slug.is_empty() {
        return Err(format!("no usable id (field {:?}) or title to name the article by", f.id));
    }
    let mut a = Article::new(&slug, &title, date, blocks);
    let mut authors = plain_list(list(&f.authors)?);
    if authors.is_empty() {
        authors = text(&f.author)?.and_then(plain).into_iter().collect();
    }
    a.authors = authors;
    a.topics = plain_list(list(&f.tags)?);
    a.outlet = text(&f.outlet)?.and_then(plain).unwrap_or_default();
    a.kind = text(&f.kind)?.and_then(plain).unwrap_or_default();
    a.url = text(&f.url)?.and_then(|u| sanitize::url(&u));
    a.summary = text(&f.summary)?.and_then(plain);
    Ok(a)
}

/// `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a timestamp that starts with a date
/// (`2017-03-05T10:00:00Z`, `2017-03-05 10:00:00`): the time of day says nothing a reader of an
/// archive needs. Also the saved-page importer's, for its meta tags and `<time datetime>`.
pub(crate) fn parse_date(s: &str) -> Result<PartialDate, String> {
    let date = match s.get(10..11) {
        Some("T" | " ") => &s[..10],
        _ => s,
    };
    PartialDate::parse(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(text: &str) -> (Vec<(usize, Article)>, Vec<CorpusError>) {
        read(Path::new("archive.jsonl"), text.as_bytes(), &FieldMap::default())
    }

    /// Fields were copied as written: markup, handlers and `javascript:` links reached the
    /// artifact, which the export and `window.readingRoom` hand on.
    #[test]
    fn fields_are_reduced_to_their_text_and_links_checked() {
        let line = r#"{"id": "evil", "title": "<img src=x onerror=alert(1)>Q&amp;A <em>now</em>", "date": "2017-01-02", "body": "Text.", "outlet": "<b onclick=alert(3)>Bold Outlet</b>", "author": "<script>alert(4)</script>Mallory", "tags": ["<svg onload=alert(5)>Tag", "<i></i>"], "url": "javascript:alert(6)", "summary": "<iframe src=x></iframe>Sum", "kind": "op&#8209;ed"}"#;
        let (articles, errors) = read_str(line);
        assert!(errors.is_empty(), "{errors:?}");
        let a = &articles[0].1;
        assert_eq!(a.title, "Q&A now");
        assert_eq!(a.outlet, "Bold Outlet");
        assert_eq!(a.authors, ["Mallory"]);
        assert_eq!(a.topics, ["Tag"]);
        assert_eq!(a.url, None);
        assert_eq!(a.summary.as_deref(), Some("Sum"));
        assert_eq!(a.kind, "op\u{2011}ed");
        let (_, errors) = read_str(r#"{"title": "<b></b>", "date": "2017-01-02", "body": "Text."}"#);
        assert!(
            errors[0].to_string().contains("archive.jsonl:1: the title (field \"title\") has no text"),
            "{errors:?}"
        );
    }

    #[test]
    fn old_mac_line_ends_and_titles_in_other_scripts() {
        let text = "{\"title\": \"One\", \"date\": \"2017\", \"body\": \"x\"}\r{\"title\": \"Кашмир и Пакистан\", \"date\": \"2017\", \"body\": \"y\"}\r";
        let (articles, errors) = read_str(text);
        assert!(errors.is_empty(), "{errors:?}");
        let slugs: Vec<(usize, &str)> = articles.iter().map(|(l, a)| (*l, a.slug.as_str())).collect();
        assert_eq!(slugs, [(1, "one"), (2, "кашмир-и-пакистан")]);
        // An id with nothing to make a slug of gives way to the title; a title that shows
        // nothing is no title.
        let (articles, errors) = read_str(
            "{\"id\": \"—\", \"title\": \"A good title\", \"date\": \"2017\", \"body\": \"x\"}\n{\"title\": \"\u{200b}\", \"date\": \"2017\", \"body\": \"x\"}\n",
        );
        assert_eq!(articles[0].1.slug, "a-good-title");
        assert!(errors[0].to_string().starts_with("archive.jsonl:2: the title"), "{errors:?}");
    }

    #[test]
    fn good_lines_become_articles_and_bad_ones_are_reported_by_line() {
        let text = concat!(
            r#"{"id": "a-1", "title": "First", "date": "2017-03-05T10:00:00Z", "author": "Ann Lee", "tags": ["Libya", "Daesh"], "body": "One.\n\nTwo.", "extra": 1}"#,
            "\n\n",
            r#"{"id": 2, "title": "Second", "date": "2016-11", "authors": ["A", "B"], "tags": "x, y", "body": "Text."}"#,
            "\n",
            "{not json\n",
            r#"{"title": "No date", "body": "x"}"#,
            "\n",
            r#"{"title": "Bad month", "date": "2028-13-01", "body": "x"}"#,
            "\n",
            r#"["an", "array"]"#,
            "\n",
            r#"{"title": "Spring", "date": "Spring 2017", "body": "x"}"#,
        );
        let (articles, errors) = read_str(text);
        let first = &articles[0];
        assert_eq!(first.0, 1);
        assert_eq!((first.1.slug.as_str(), first.1.title.as_str()), ("a-1", "First"));
        assert_eq!(first.1.date.iso(), "2017-03-05");
        assert_eq!(first.1.authors, ["Ann Lee"]);
        assert_eq!(first.1.topics, ["Libya", "Daesh"]);
        assert_eq!(first.1.body_texts().collect::<Vec<_>>(), ["One.", "Two."]);
        let second = &articles[1];
        assert_eq!((second.0, second.1.slug.as_str(), second.1.date.iso()), (3, "2", "2016-11".into()));
        assert_eq!(second.1.authors, ["A", "B"]);
        assert_eq!(second.1.topics, ["x", "y"]);
        assert_eq!(articles.len(), 2);
        let lines: Vec<(usize, &str)> =
            errors.iter().map(|e| (e.line.unwrap(), e.message.as_str())).collect();
        assert_eq!(lines.len(), 5, "{lines:?}");
        assert!(lines[0].0 == 4 && lines[0].1.starts_with("not JSON"), "{lines:?}");
        assert_eq!(lines[1], (5, "missing date (field \"date\")"));
        assert!(lines[2].0 == 6 && lines[2].1.contains("month 13"), "{lines:?}");
        assert!(lines[3].0 == 7 && lines[3].1.contains("JSON object"), "{lines:?}");
        assert!(lines[4].0 == 8 && lines[4].1.contains("Spring 2017"), "{lines:?}");
        assert!(errors.iter().all(|e| e.to_string().starts_with("archive.jsonl:")));
    }

    #[test]
    fn field_mapping_renames_and_crlf_and_bom_are_fine() {
        let fields = FieldMap::parse("title=headline, body=content,id=guid").unwrap();
        let text =
            "\u{feff}{\"guid\": \"x\", \"headline\": \"H\", \"date\": \"2001\", \"content\": \"C\"}\r\n";
        let (articles, errors) = read(Path::new("a.jsonl"), text.as_bytes(), &fields);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(articles[0].1.title, "H");
        assert!(FieldMap::parse("nope=x").is_err());
        assert!(FieldMap::parse("title").is_err());
    }

    #[test]
    fn invalid_utf8_and_wrong_types_are_errors_not_panics() {
        let mut bytes = br#"{"title": "ok", "date": "2001", "body": "b"}"#.to_vec();
        bytes.extend_from_slice(b"\n{\"title\": \"\xff\"}\n");
        bytes.extend_from_slice(br#"{"title": ["a"], "date": "2001", "body": "b"}"#);
        let (articles, errors) = read(Path::new("a.jsonl"), &bytes, &FieldMap::default());
        assert_eq!(articles.len(), 1);
        assert_eq!(articles[0].1.slug, "ok");
        assert_eq!(errors[0].line, Some(2));
        assert_eq!(errors[0].message, "not valid UTF-8");
        assert_eq!(errors[1].message, "field \"title\" must be a string");
    }
}
