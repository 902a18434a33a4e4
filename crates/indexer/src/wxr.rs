//! WordPress exports (WXR: RSS 2.0 with `wp:`, `content:`, `excerpt:` and `dc:` elements).
//!
//! Each published post (and page, with [`WxrOptions::pages`]) becomes an article; drafts,
//! revisions, attachments, menu items and the like are counted and left out, as are comments.
//! Read with quick-xml's streaming reader on raw element names, so an export whose namespace
//! declarations were lost (hand-cut fragments, broken plugins) reads the same; fields are
//! matched on their local names (`post_type`), except `content:encoded` / `excerpt:encoded`.
//! A declared legacy encoding (ISO-8859-1, windows-1252…) is decoded by quick-xml.
//! Every item that cannot be used is reported with the line of its `<item>` and the reason;
//! the others are kept.

use crate::error::CorpusError;
use crate::html_blocks;
use crate::slug::slugify;
use quick_xml::escape::{resolve_html5_entity, resolve_predefined_entity};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use readingroom_core::{Article, Block, PartialDate};
use regex::Regex;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::LazyLock;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WxrOptions {
    /// Pages (`wp:post_type` page) as articles too; off by default: pages are usually "About"
    /// and "Contact", not pieces.
    pub pages: bool,
}

#[derive(Debug, Default)]
pub struct WxrRead {
    /// The articles, each with the line of its `<item>`.
    pub articles: Vec<(usize, Article)>,
    pub errors: Vec<CorpusError>,
    /// Resolved duplicates: the build goes on.
    pub warnings: Vec<CorpusError>,
    /// What was left out on purpose, e.g. "draft post" → 3, "attachment" → 12, "comment" → 40.
    pub skipped: BTreeMap<String, usize>,
}

/// Whether a file is a WordPress export: the first few KB have an `<rss` root and WordPress's
/// export namespace (`http://wordpress.org/export/1.2/`); or it is a fragment of one, `<item>`s
/// cut out of an export (as bug reports and test suites carry them) with their `wp:` fields.
pub fn is_wxr(head: &[u8]) -> bool {
    let head = &head[..head.len().min(8192)];
    let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle));
    let export = has(b"<rss") && (has(b"wordpress.org/export") || has(b"<wp:wxr_version"));
    let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = body.iter().position(|b| !b.is_ascii_whitespace()).map_or(&body[..0], |i| &body[i..]);
    let fragment = start.starts_with(b"<item") && (has(b"<wp:post_type") || has(b"<wp:status"));
    export || fragment
}

/// A multilingual field of the qTranslate plugins (`[:fr]Sous le ciel[:][:en]Under heaven[:]`,
/// or the older `<!--:fr-->…<!--:-->`) reduced to its first language, the site's default; a
/// field without them is returned as it is. Without this, readers see the markers and every
/// language run together.
fn first_language(field: &str) -> std::borrow::Cow<'_, str> {
    static BLOCK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?s)(?:\[:([a-z]{2})\]|<!--:([a-z]{2})-->)(.*?)(?:\[:\]|<!--:-->|\[:[a-z]{2}\]|<!--:[a-z]{2}-->|$)")
            .expect("qTranslate pattern")
    });
    match BLOCK.captures(field) {
        Some(c) => std::borrow::Cow::Owned(c.get(3).map_or("", |m| m.as_str()).to_string()),
        None => std::borrow::Cow::Borrowed(field),
    }
}

/// The fields of one `<item>` that an article needs, as written.
#[derive(Default)]
struct Item {
    line: usize,
    title: String,
    link: String,
    pub_date: String,
    creators: Vec<String>,
    content: String,
    excerpt: String,
    post_id: String,
    post_date: String,
    post_date_gmt: String,
    post_name: String,
    status: String,
    post_type: String,
    /// (domain, name) of each `<category>`.
    categories: Vec<(String, String)>,
    comments: usize,
    /// The first thing wrong with the item's markup.
    broken: Option<String>,
}

struct Frame {
    name: String,
    line: usize,
    /// `domain` of a `<category>`.
    domain: String,
}

/// Lines of byte offsets, counted forward as the reader moves on (not from the start each time).
struct Lines<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: usize,
}

impl Lines<'_> {
    fn at(&mut self, pos: u64) -> usize {
        let pos = (pos as usize).min(self.bytes.len());
        if pos < self.pos {
            (self.pos, self.line) = (0, 1);
        }
        self.line += self.bytes[self.pos..pos].iter().filter(|&&b| b == b'\n').count();
        self.pos = pos;
        self.line
    }
}

/// Reads an export; never fails as a whole: what cannot be read is in `errors`.
pub fn read(path: &Path, bytes: &[u8], options: &WxrOptions) -> WxrRead {
    let mut out = WxrRead::default();
    let mut reader = Reader::from_reader(bytes);
    let config = reader.config_mut();
    // Found in the wild: bare `&` in text, end tags that close nothing or the wrong element.
    // The stack below checks nesting itself, per item.
    config.allow_dangling_amp = true;
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    let mut lines = Lines { bytes, pos: 0, line: 1 };
    let mut stack: Vec<Frame> = Vec::new();
    let mut text = String::new();
    let mut item: Option<Item> = None;
    // Channel-level: the blog's title (the outlet) and author logins → display names.
    let mut outlet = String::new();
    let mut authors: HashMap<String, String> = HashMap::new();
    let mut author_login = String::new();
    let mut items: Vec<Item> = Vec::new();
    let mut buf = Vec::new();
    let mut last_error = None;
    let mut seen_root = false;
    loop {
        buf.clear();
        let before = reader.buffer_position();
        let event = reader.read_event_into(&mut buf);
        let line = lines.at(reader.buffer_position());
        match event {
            Err(e) => {
                let at = reader.error_position();
                let line = lines.at(at);
                // The same error at the same place again: the reader cannot get past it.
                if last_error == Some(at) {
                    break;
                }
                last_error = Some(at);
                let message = format!("malformed XML: {e}");
                match item.as_mut() {
                    Some(it) => {
                        it.broken.get_or_insert(format!("line {line}: {message}"));
                    }
                    None => out.errors.push(CorpusError::new(path, Some(line), message)),
                }
            }
            Ok(Event::Eof) => break,
            Ok(Event::Start(e)) => {
                let name = raw_name(&e);
                seen_root = true;
                if stack.is_empty() && name != "rss" && name != "item" {
                    out.errors.push(CorpusError::new(
                        path,
                        Some(line),
                        format!("not a WordPress export: the root element is <{name}>, not <rss> (or <item>s cut from an export)"),
                    ));
                    return out;
                }
                if name == "item" && item.is_none() {
                    item = Some(Item { line, ..Item::default() });
                } else if let (Some(it), true) = (item.as_mut(), local(&name) == "comment") {
                    if stack.last().is_some_and(|f| f.name == "item") {
                        it.comments += 1;
                    }
                }
                let domain = attr(&e, "domain", reader.decoder());
                stack.push(Frame { name, line, domain });
                text.clear();
            }
            Ok(Event::Empty(_)) => text.clear(),
            Ok(Event::Text(t)) => text.push_str(&t.xml10_content().unwrap_or_else(|_| lossy(&t))),
            // Consecutive sections (`]]]]><![CDATA[>`, how a `]]>` inside is written) just append.
            // A section whose `]]>` is missing runs on to the next one's, swallowing the items
            // between: their tags are text to XML, and they had gone without a word.
            Ok(Event::CData(t)) if runs_over_items(&t) => {
                let opened = lines.at(before);
                let message = format!(
                    "line {opened}: a CDATA section runs on to line {line}, past the end of its item: is its ']]>' missing? The items it ran over are not read either"
                );
                match item.as_mut() {
                    Some(it) => {
                        it.broken.get_or_insert(message);
                    }
                    None => out.errors.push(CorpusError::new(path, Some(opened), message)),
                }
            }
            Ok(Event::CData(t)) => text.push_str(&t.xml10_content().unwrap_or_else(|_| lossy(&t))),
            Ok(Event::GeneralRef(r)) => {
                let name = r.decode().unwrap_or_default();
                match r.resolve_char_ref() {
                    Ok(Some(c)) => text.push(c),
                    // `&nbsp;` and friends, undeclared in XML but common in exports.
                    _ => match resolve_predefined_entity(&name).or_else(|| resolve_html5_entity(&name)) {
                        Some(s) => text.push_str(s),
                        None => {
                            text.push('&');
                            text.push_str(&name);
                            text.push(';');
                        }
                    },
                }
            }
            Ok(Event::End(e)) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                let Some(depth) = stack.iter().rposition(|f| f.name == name) else {
                    if let (Some(it), Some(open)) = (item.as_mut(), stack.last()) {
                        let message = format!("line {line}: </{name}> where </{}> was expected", open.name);
                        it.broken.get_or_insert(message);
                    }
                    continue;
                };
                if depth + 1 < stack.len() {
                    let unclosed = &stack[depth + 1];
                    let message =
                        format!("line {}: <{}> is not closed before </{name}>", unclosed.line, unclosed.name);
                    match item.as_mut() {
                        Some(it) => {
                            it.broken.get_or_insert(message);
                        }
                        None => out.errors.push(CorpusError::new(path, Some(line), message)),
                    }
                }
                stack.truncate(depth + 1);
                let frame = stack.pop().expect("depth is in the stack");
                let value = std::mem::take(&mut text);
                let parent = stack.last().map(|f| f.name.as_str()).unwrap_or("");
                if frame.name == "item" {
                    items.extend(item.take());
                } else if parent == "item" {
                    if let Some(it) = item.as_mut() {
                        it.set(&frame, value);
                    }
                } else if parent == "channel" && frame.name == "title" {
                    outlet = value.trim().to_string();
                } else if local(parent) == "author" && item.is_none() {
                    match local(&frame.name) {
                        // Logins match case-insensitively (WordPress's own lookups do).
                        "author_login" => author_login = value.trim().to_lowercase(),
                        "author_display_name" if !value.trim().is_empty() => {
                            authors.insert(author_login.clone(), plain(&value));
                        }
                        _ => {}
                    }
                }
            }
            Ok(_) => {}
        }
    }
    if !seen_root && out.errors.is_empty() {
        out.errors.push(CorpusError::new(path, None, "not a WordPress export: no <rss> element (empty?)"));
    }
    if let Some(it) = item {
        // What broke the item (a comment or CDATA section never closed runs to the end of the
        // file) says more than that the file ends inside it.
        let message = match it.broken {
            Some(broken) => {
                format!("item not read: {broken}; the file ends inside this item (truncated, or something in it left open?)")
            }
            None => "the file ends inside this <item> (truncated?)".to_string(),
        };
        out.errors.push(CorpusError::new(path, Some(it.line), message));
    } else if let Some(open) = stack.last() {
        out.errors.push(CorpusError::new(
            path,
            Some(open.line),
            format!("the file ends inside <{}> (truncated?)", open.name),
        ));
    }
    // post_id → (line, post_name, title, date) of the first item with that id.
    let mut by_id: HashMap<String, (usize, [String; 3])> = HashMap::new();
    for it in items {
        *out.skipped.entry("comment".into()).or_default() += it.comments;
        // Broken markup first: its fields (even its status) may have been read into the wrong place.
        if let Some(broken) = &it.broken {
            out.errors.push(CorpusError::new(path, Some(it.line), format!("item not read: {broken}")));
            continue;
        }
        if let Some(reason) = it.left_out(options) {
            *out.skipped.entry(reason).or_default() += 1;
            continue;
        }
        // The same post twice (concatenated exports) is kept once; two different posts under
        // one id (hand-edited exports) are both kept: nothing valid is dropped.
        if !it.post_id.is_empty() {
            let key = [it.post_name.clone(), it.title.clone(), it.post_date.clone()];
            match by_id.get(&it.post_id) {
                Some((first, k)) if *k == key => {
                    let message =
                        format!("post {} again (first at line {first}): the first is kept", it.post_id);
                    out.warnings.push(CorpusError::new(path, Some(it.line), message));
                    continue;
                }
                Some((first, _)) => {
                    let message = format!(
                        "post id {} also used by another post at line {first}: both kept",
                        it.post_id
                    );
                    out.warnings.push(CorpusError::new(path, Some(it.line), message));
                }
                None => {
                    by_id.insert(it.post_id.clone(), (it.line, key));
                }
            }
        }
        match it.article(&outlet, &authors) {
            // Slug clashes are the corpus's to resolve, across all files alike (`-2`, `-3`…).
            Ok(a) => {
                if plain(&first_language(&it.title)).is_empty() {
                    let message = format!("no title: listed as \"{}\"", a.title);
                    out.warnings.push(CorpusError::new(path, Some(it.line), message));
                }
                out.articles.push((it.line, a));
            }
            Err(message) => out.errors.push(CorpusError::new(path, Some(it.line), message)),
        }
    }
    out.skipped.retain(|_, n| *n > 0);
    out
}

impl Item {
    fn set(&mut self, frame: &Frame, value: String) {
        let slot = match (frame.name.as_str(), local(&frame.name)) {
            ("title", _) => &mut self.title,
            ("link", _) => &mut self.link,
            ("pubDate", _) => &mut self.pub_date,
            (_, "creator") => {
                self.creators.push(value);
                return;
            }
            (name, "encoded") if name.starts_with("excerpt") => &mut self.excerpt,
            (_, "encoded") => &mut self.content,
            (_, "post_id") => &mut self.post_id,
            (_, "post_date") => &mut self.post_date,
            (_, "post_date_gmt") => &mut self.post_date_gmt,
            (_, "post_name") => &mut self.post_name,
            (_, "status") => &mut self.status,
            (_, "post_type") => &mut self.post_type,
            ("category", _) => {
                self.categories.push((frame.domain.clone(), value));
                return;
            }
            _ => return,
        };
        *slot = value.trim().to_string();
    }

    /// Why the item is not an article, if it is not one on purpose.
    fn left_out(&self, options: &WxrOptions) -> Option<String> {
        let kind = match self.post_type.as_str() {
            // RSS without `wp:post_type` (very old exports): a post.
            "" | "post" => "post",
            "page" if options.pages => "page",
            other => return Some(other.to_string()),
        };
        (self.status != "publish").then(|| {
            format!("{} {kind}", if self.status.is_empty() { "unknown-status" } else { &self.status })
        })
    }

    fn article(&self, outlet: &str, authors: &HashMap<String, String>) -> Result<Article, String> {
        let date = self.date()?;
        let mut body = html_blocks::blocks(&first_language(&self.content));
        let summary: Vec<String> = html_blocks::blocks(&first_language(&self.excerpt))
            .iter()
            .flat_map(|b| b.texts())
            .map(String::from)
            .collect();
        let summary = summary.join(" ");
        // A post that is only an image or an embed: its excerpt, if any, is all it says.
        if body.is_empty() && !summary.is_empty() {
            body.push(Block::Paragraph(summary.clone()));
        }
        if body.iter().all(|b| matches!(b, Block::Note { .. })) {
            return Err(
                "no text: content:encoded has no paragraphs once HTML, shortcodes and embeds are removed"
                    .into(),
            );
        }
        let note_refs = crate::note_refs::extract(&mut body);
        let title = plain(&first_language(&self.title));
        let slug = [&self.post_name, &title]
            .iter()
            .filter(|s| !s.contains('%'))
            .map(|s| slugify(&plain(s)))
            .find(|s| !s.is_empty())
            .unwrap_or_else(|| format!("post-{}", slugify(&self.post_id)));
        if slug == "post-" {
            return Err("no post_name, title or post_id to name the article by".into());
        }
        let title = if title.is_empty() { format!("Untitled ({slug})") } else { title };
        let mut a = Article::new(&slug, &title, date, body);
        a.note_refs = note_refs;
        a.outlet = outlet.to_string();
        a.kind = if self.post_type == "page" { "page".into() } else { String::new() };
        a.authors = self
            .creators
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .map(|c| authors.get(&c.to_lowercase()).cloned().unwrap_or_else(|| plain(c)))
            .collect();
        for (domain, name) in &self.categories {
            let name = plain(name);
            // WordPress files every post without a category under "Uncategorized": no topic.
            let placeholder = domain == "category" && name.eq_ignore_ascii_case("uncategorized");
            if !name.is_empty() && !placeholder && !a.topics.contains(&name) {
                a.topics.push(name);
            }
        }
        a.summary = (!summary.is_empty()).then_some(summary);
        // http(s), mailto or relative only, as for every importer (`sanitize::url`).
        a.url = crate::sanitize::url(&self.link);
        Ok(a)
    }

    /// `wp:post_date` (local time, as the blog showed it), else the GMT one, else `pubDate`.
    /// WordPress writes `0000-00-00 00:00:00` and `Mon, 30 Nov -0001` for "no date".
    fn date(&self) -> Result<PartialDate, String> {
        for d in [&self.post_date, &self.post_date_gmt] {
            if let Some(day) = d.get(..10).filter(|day| !day.starts_with("0000")) {
                return PartialDate::parse(day).map_err(|e| format!("wp:post_date: {e}"));
            }
        }
        if !self.pub_date.is_empty() {
            let parsed = chrono::DateTime::parse_from_rfc2822(&self.pub_date)
                .map_err(|e| format!("pubDate {:?}: {e}", self.pub_date))?;
            return PartialDate::parse(&parsed.format("%Y-%m-%d").to_string())
                .map_err(|e| format!("pubDate: {e}"));
        }
        Err("no date: wp:post_date and pubDate are missing or empty".into())
    }
}

fn raw_name(e: &BytesStart) -> String {
    String::from_utf8_lossy(e.name().as_ref()).into_owned()
}

/// `wp:post_type` → `post_type`.
fn local(name: &str) -> &str {
    name.rsplit_once(':').map_or(name, |(_, l)| l)
}

fn attr(e: &BytesStart, name: &str, decoder: quick_xml::encoding::Decoder) -> String {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name.as_bytes())
        .and_then(|a| {
            a.decoded_and_normalized_value(quick_xml::XmlVersion::Implicit1_0, decoder)
                .ok()
                .map(|v| v.into_owned())
        })
        .unwrap_or_default()
}

/// Whether a CDATA section holds the end of an item and another section's start: its own end
/// was left out, and it ran on to the next section's.
fn runs_over_items(t: &[u8]) -> bool {
    let has = |needle: &[u8]| t.windows(needle.len()).any(|w| w == needle);
    has(b"</item>") && has(b"<![CDATA[")
}

fn lossy(t: &[u8]) -> std::borrow::Cow<'static, str> {
    String::from_utf8_lossy(t).into_owned().into()
}

/// A title, name or category as plain text: WordPress stores them with HTML entities
/// (`Q&amp;A`, `&#8217;`), sometimes inside CDATA, where XML left them alone.
fn plain(s: &str) -> String {
    let s = s.trim();
    if !s.contains('&') {
        return s.to_string();
    }
    // Entities only: `<` stays text ("some <html> entities" is a real title).
    let t: String = html_blocks::blocks(&format!("<p>{}</p>", s.replace('<', "&lt;")))
        .iter()
        .flat_map(|b| b.texts())
        .collect::<Vec<_>>()
        .join(" ");
    if t.is_empty() {
        s.to_string()
    } else {
        t
    }
}
