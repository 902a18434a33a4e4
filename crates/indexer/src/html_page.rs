//! Saved web pages (`*.html`, `*.htm`): a blog post, a think-tank publication page or a news
//! article, one article a page.
//!
//! The page is parsed with html5ever (as a browser would: saved pages are rarely valid), its
//! metadata read from the `<meta>` tags that publishing tools write for social cards (Open
//! Graph), Google Scholar (`citation_*`) and Dublin Core, and from its JSON-LD; its main content
//! is found by the elements and class names themes and CMSs use, stripped of navigation, sidebars,
//! comments and share buttons, and reduced to blocks by [`html_blocks::node_blocks`], the
//! WordPress importer's converter. What is taken, in order of preference:
//!
//! - content: the first of `<article>`, `<main>`, `[role=main]`, a CMS container
//!   (`.entry-content`…), `#content` that is outside navigation, sidebars and the like and holds
//!   a quarter of the page's text (of several, the one with the most), else the `<body>`; then
//!   without `nav`, `header`, `footer`, `aside`, `form`, bylines and elements whose class or id
//!   says comments, sidebar, share, related, menu, cookie, advert…;
//! - title: `citation_title`, `og:title`, JSON-LD `headline`, the content's first `<h1>`,
//!   `<title>` (a trailing " | Site" taken off);
//! - date: `article:published_time`, `citation_publication_date`, `citation_date`, `DC.date`,
//!   JSON-LD `datePublished`, the content's `<time datetime>`; none is an error;
//! - authors: `citation_author`, `<meta name=author>`, JSON-LD `author`, `rel=author` links;
//! - outlet: `og:site_name`, `citation_journal_title`, `citation_publisher`, JSON-LD publisher;
//! - topics: `article:tag`, else `keywords`; summary: `description`, `og:description`;
//!   url: `<link rel=canonical>`, `og:url`.

use crate::error::{line_of, CorpusError};
use crate::html_blocks;
use crate::names::split_names;
use crate::sanitize;
use crate::slug::slugify;
use encoding_rs::Encoding;
use html5ever::tendril::TendrilSink;
use html5ever::{parse_document, ParseOpts};
use markup5ever_rcdom::{Handle, NodeData, RcDom};
use readingroom_core::{Article, Block, PartialDate};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

/// A page read: its article, and what the curator should check.
#[derive(Debug)]
pub struct HtmlPage {
    pub article: Article,
    /// Used, but maybe not as meant: a date tag that could not be read, no content container.
    pub warnings: Vec<CorpusError>,
}

/// Larger than the 8 MB of one Markdown article: a page saved "complete" inlines its images and
/// styles, and only its text goes into the index. A guard against parsing a dump, not a budget.
pub const MAX_PAGE_BYTES: usize = 64 * 1024 * 1024;

/// The deepest nesting of elements a page may have. The page is walked recursively, on a
/// worker's stack ([`crate::parallel::WORKER_STACK`]) with room for many times this; no page
/// written by hand or by a CMS comes near it.
pub const MAX_DEPTH: usize = 10_000;

/// Whether the tree is nested deeper than [`MAX_DEPTH`], walked without recursion, and if so the
/// line where the element that goes too deep opens, when its start tag can be found in `text`.
fn too_deep(doc: &Handle, text: &str) -> Option<Option<usize>> {
    let mut stack = vec![(doc.clone(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        if depth > MAX_DEPTH {
            // The element's start tag: the nth of its name, counted in the source, where n is its
            // place among those the walk met. Close enough to point the curator at the spot.
            let line = tag(&node).and_then(|name| {
                let opened = format!("<{name}");
                let seen = walk_count(doc, name, &node)?;
                let at = text.match_indices(&opened).nth(seen)?.0;
                Some(line_of(text.as_bytes(), at))
            });
            return Some(line);
        }
        for child in node.children.borrow().iter() {
            stack.push((child.clone(), depth + 1));
        }
    }
    None
}

/// How many `name` elements come before `target` in document order, walked without recursion.
fn walk_count(doc: &Handle, name: &str, target: &Handle) -> Option<usize> {
    let mut stack = vec![doc.clone()];
    let mut seen = 0;
    while let Some(node) = stack.pop() {
        if std::rc::Rc::ptr_eq(&node, target) {
            return Some(seen);
        }
        if tag(&node) == Some(name) {
            seen += 1;
        }
        stack.extend(node.children.borrow().iter().rev().cloned());
    }
    None
}

/// What the error for a page without a date lists.
const DATE_SOURCES: &str = "<meta property=\"article:published_time\">, <meta name=\"citation_publication_date\"> \
     or \"citation_date\", <meta name=\"DC.date\">, JSON-LD \"datePublished\" and <time datetime> in the main content";

/// Reads one page. An error names what is missing (no date, no text) or why the bytes cannot be
/// read (binary, an encoding it does not declare).
pub fn read(path: &Path, bytes: &[u8]) -> Result<HtmlPage, CorpusError> {
    if bytes.len() > MAX_PAGE_BYTES {
        return Err(CorpusError::new(
            path,
            None,
            format!(
                "{:.1} MB, over the {} MB limit for one page: is it several pages, or not a page?",
                bytes.len() as f64 / 1e6,
                MAX_PAGE_BYTES / 1024 / 1024
            ),
        ));
    }
    let text = decode(path, bytes)?;
    let dom = parse_document(RcDom::default(), ParseOpts::default()).one(text.as_str());
    let doc = &dom.document;
    if let Some(line) = too_deep(doc, &text) {
        return Err(CorpusError::new(
            path,
            line,
            format!(
                "elements nested over {MAX_DEPTH} deep: is the page damaged (tags opened and never closed)?"
            ),
        ));
    }
    let mut warnings = Vec::new();
    let meta = Meta::of(doc);
    let ld = JsonLd::of(doc);
    let content = main_content(doc);
    let scope = if content.found { IN_CONTAINER } else { IN_PAGE };
    if !content.found {
        warnings.push(CorpusError::new(
            path,
            None,
            "no <article>, <main> or known content container: the body was read without its navigation, \
             header, footer and sidebars; check the article for page furniture",
        ));
    }
    // Looked for before stripping: an article's own <header> holds its title and date.
    let h1 = find(&content.node, scope, &|n| tag(n) == Some("h1")).map(|n| text_of(&n));
    let time = find(&content.node, scope, &|n| is_time(n, true))
        .or_else(|| find(&content.node, scope, &|n| is_time(n, false)))
        .and_then(|n| attr(&n, "datetime"));
    let mut byline = Vec::new();
    each(&content.node, scope, &mut |n| {
        if tag(n) == Some("a") && has_token(n, "rel", "author") {
            byline.push(text_of(n));
        }
    });
    strip(&content.node);
    let mut body = html_blocks::node_blocks(&content.node);

    let outlet = first_text([
        meta.get("og:site_name"),
        meta.get("citation_journal_title"),
        meta.get("citation_publisher"),
        ld.publisher(),
    ]);
    let title = first_text([
        meta.get("citation_title"),
        meta.get("og:title").map(|t| strip_site(&t, outlet.as_deref(), false)),
        ld.text("headline"),
        h1,
        title_element(doc).map(|t| strip_site(&t, outlet.as_deref(), true)),
    ])
    .ok_or_else(|| {
        CorpusError::new(
            path,
            None,
            "no title: no citation_title, og:title, JSON-LD headline, <h1> or <title>",
        )
    })?;
    drop_title_heading(&mut body, &title);
    let note_refs = crate::note_refs::extract(&mut body);
    if body.iter().all(|b| matches!(b, Block::Note { .. })) {
        return Err(CorpusError::new(
            path,
            None,
            "no text: the main content has no paragraphs once navigation, scripts and the like are removed",
        ));
    }

    let dates = [
        ("article:published_time", meta.get("article:published_time")),
        ("citation_publication_date", meta.get("citation_publication_date")),
        ("citation_date", meta.get("citation_date")),
        ("DC.date", meta.get("dc.date").or_else(|| meta.get("dc.date.issued"))),
        ("JSON-LD datePublished", ld.text("datePublished")),
        ("<time datetime>", time),
    ];
    let date = date(path, &text, &dates, &mut warnings)?;

    let slug = slug_of(path);
    if slug.is_empty() {
        return Err(CorpusError::new(path, None, "the file name has no letters or digits to make a slug of"));
    }
    let mut a = Article::new(&slug, &title, date, body);
    a.note_refs = note_refs;
    a.outlet = outlet.unwrap_or_default();
    let citation_authors: Vec<String> = meta.all("citation_author").map(last_first).collect();
    let meta_authors: Vec<String> = meta.all("author").flat_map(split_names).collect();
    a.authors = [citation_authors, meta_authors, ld.authors(), byline]
        .into_iter()
        .map(|names| texts(names.into_iter().filter(|n| !looks_like_url(n))))
        .find(|names| !names.is_empty())
        .unwrap_or_default();
    let tags = texts(meta.all("article:tag").map(String::from));
    a.topics = if tags.is_empty() {
        texts(meta.all("keywords").flat_map(|k| k.split([',', ';']).map(String::from).collect::<Vec<_>>()))
    } else {
        tags
    };
    a.summary = first_text([meta.get("description"), meta.get("og:description")]);
    // http(s), mailto or relative only, as for every importer.
    a.url = [canonical(doc), meta.get("og:url")].into_iter().flatten().find_map(|u| sanitize::url(&u));
    Ok(HtmlPage { article: a, warnings })
}

/// The file stem, as for Markdown; `index.html` (a site mirror, one folder a page) is named by
/// its folder.
fn slug_of(path: &Path) -> String {
    let stem = path.file_stem().map(|s| s.to_string_lossy()).unwrap_or_default();
    let name = if stem.eq_ignore_ascii_case("index") {
        path.parent().and_then(Path::file_name).map(|s| s.to_string_lossy()).unwrap_or(stem)
    } else {
        stem
    };
    slugify(&name)
}

// ---- Bytes to text ----

/// The page's text: a BOM decides, then a `<meta charset>` (or `http-equiv` Content-Type) near
/// the top, then UTF-8. A page that is not valid in its encoding is an error naming the line,
/// as for Markdown files: guessing would index mojibake.
fn decode(path: &Path, bytes: &[u8]) -> Result<String, CorpusError> {
    if bytes.is_empty() {
        return Err(CorpusError::new(path, None, "empty file"));
    }
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, bad) = encoding.decode_without_bom_handling(&bytes[bom..]);
        if bad {
            return Err(CorpusError::new(path, None, format!("not valid {} after its BOM", encoding.name())));
        }
        return Ok(text.into_owned());
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(CorpusError::new(path, None, "a binary file (it holds NUL bytes), not a web page"));
    }
    // As browsers do, a declared UTF-16 means UTF-8 (the bytes were read as ASCII to find it).
    let declared = declared_encoding(bytes).map(Encoding::output_encoding);
    match declared {
        Some(encoding) if encoding != encoding_rs::UTF_8 => {
            let (text, bad) = encoding.decode_without_bom_handling(bytes);
            if bad {
                return Err(CorpusError::new(
                    path,
                    None,
                    format!("not valid {}, the encoding its <meta charset> declares", encoding.name()),
                ));
            }
            Ok(text.into_owned())
        }
        _ => String::from_utf8(bytes.to_vec()).map_err(|e| {
            let line = line_of(bytes, e.utf8_error().valid_up_to());
            let message = if declared.is_some() {
                "not valid UTF-8 although its <meta charset> says so: it may be Windows-1252; \
                 fix the declaration or save the page as UTF-8"
            } else {
                "not valid UTF-8 and no <meta charset> names another encoding: add one \
                 (e.g. <meta charset=\"windows-1252\">) or save the page as UTF-8"
            };
            CorpusError::new(path, Some(line), message)
        }),
    }
}

/// The encoding a `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…; charset=…">`
/// in the first 4 KB names (browsers look at 1 KB; saved pages put comments before it).
fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    static CHARSET: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
        regex::bytes::Regex::new(r#"(?i)<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#).unwrap()
    });
    let head = &bytes[..bytes.len().min(4096)];
    let label = CHARSET.captures(head)?.get(1)?.as_bytes();
    Encoding::for_label(label)
}

// ---- The DOM ----

fn tag(node: &Handle) -> Option<&str> {
    match &node.data {
        NodeData::Element { name, .. } => Some(&name.local),
        _ => None,
    }
}

fn attr(node: &Handle, name: &str) -> Option<String> {
    let NodeData::Element { attrs, .. } = &node.data else { return None };
    attrs.borrow().iter().find(|a| &*a.name.local == name).map(|a| a.value.to_string())
}

/// Whether a space-separated attribute (`rel`, `class`) holds `token`, in any case.
fn has_token(node: &Handle, name: &str, token: &str) -> bool {
    attr(node, name).is_some_and(|v| v.split_ascii_whitespace().any(|t| t.eq_ignore_ascii_case(token)))
}

fn text_of(node: &Handle) -> String {
    let mut out = String::new();
    collect_text(node, &mut out);
    out
}

fn collect_text(node: &Handle, out: &mut String) {
    match &node.data {
        NodeData::Text { contents } => out.push_str(&contents.borrow()),
        NodeData::Element { name, .. } if matches!(&*name.local, "script" | "style" | "template") => {}
        _ => {
            for child in node.children.borrow().iter() {
                collect_text(child, out);
            }
        }
    }
}

/// How much of the page around an article an element is. Searches skip from a level up;
/// the body is stripped of all three.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Furniture {
    /// A byline or an entry's meta line: not body text, but where a date or an author is.
    Byline,
    /// `<header>`, `<footer>`: inside an article they hold its title and date (themes put them
    /// there); around it they are the site's banner and footer.
    Landmark,
    /// Navigation, sidebars, comments, share buttons…: never the article.
    Noise,
}

/// What a search inside a found container skips: only what is never the article.
const IN_CONTAINER: Furniture = Furniture::Noise;
/// What a search over the whole page skips: the site's header and footer as well.
const IN_PAGE: Furniture = Furniture::Landmark;
/// What the body leaves out: all of it.
const IN_BODY: Furniture = Furniture::Byline;

/// Calls `f` on each element under `node` (not `node` itself), in document order, skipping the
/// subtrees that are not content in `scope`.
fn each(node: &Handle, skip: Furniture, f: &mut dyn FnMut(&Handle)) {
    for child in node.children.borrow().iter() {
        if tag(child).is_none() || furniture(child).is_some_and(|k| k >= skip) {
            continue;
        }
        f(child);
        each(child, skip, f);
    }
}

/// The first element under `node` that `pred` accepts.
fn find(node: &Handle, skip: Furniture, pred: &dyn Fn(&Handle) -> bool) -> Option<Handle> {
    let mut found = None;
    each(node, skip, &mut |n| {
        if found.is_none() && pred(n) {
            found = Some(n.clone());
        }
    });
    found
}

/// Elements that are the page around an article, never the article.
const NOISE_TAGS: [&str; 3] = ["nav", "aside", "form"];
const LANDMARK_TAGS: [&str; 2] = ["header", "footer"];
const NOISE_ROLES: [&str; 3] = ["navigation", "complementary", "search"];
const LANDMARK_ROLES: [&str; 2] = ["banner", "contentinfo"];
/// Words of class names and ids that mark page furniture (split on `-`, `_` and spaces).
const NOISE_WORDS: &[&str] = &[
    "comment",
    "comments",
    "commentlist",
    "respond",
    "sidebar",
    "widget",
    "share",
    "sharing",
    "sharedaddy",
    "social",
    "related",
    "relatedposts",
    "menu",
    "cookie",
    "cookies",
    "consent",
    "advert",
    "adverts",
    "advertisement",
    "ad",
    "ads",
    "breadcrumb",
    "breadcrumbs",
    "newsletter",
    "subscribe",
    "promo",
    "popup",
    "modal",
];
const BYLINE_WORDS: &[&str] = &["byline", "meta"];
/// Words that keep an element whatever else its class says: Genesis wraps the content in
/// `content-sidebar-wrap`, and a noise word there would take the whole article.
const CONTENT_WORDS: &[&str] = &["article", "body", "content", "main", "column", "story"];

/// What kind of page furniture an element is, if it is any.
fn furniture(node: &Handle) -> Option<Furniture> {
    let name = tag(node)?;
    // A body's classes describe the layout ("has-sidebar"), not the element.
    if matches!(name, "html" | "body") {
        return None;
    }
    let role = attr(node, "role").unwrap_or_default().to_ascii_lowercase();
    if NOISE_TAGS.contains(&name) || NOISE_ROLES.contains(&role.as_str()) || attr(node, "hidden").is_some() {
        return Some(Furniture::Noise);
    }
    if LANDMARK_TAGS.contains(&name) || LANDMARK_ROLES.contains(&role.as_str()) {
        return Some(Furniture::Landmark);
    }
    // WordPress gives a post's <article> a class per category and tag ("tag-share"): a
    // container is judged by what it is, not by its classes.
    if container_rank(node).is_some() {
        return None;
    }
    let mut byline = false;
    for a in ["class", "id"] {
        let value = attr(node, a).unwrap_or_default().to_ascii_lowercase();
        let words: Vec<&str> =
            value.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
        if words.iter().any(|w| NOISE_WORDS.contains(w)) && !words.iter().any(|w| CONTENT_WORDS.contains(w)) {
            return Some(Furniture::Noise);
        }
        byline |= words.iter().any(|w| BYLINE_WORDS.contains(w));
    }
    byline.then_some(Furniture::Byline)
}

/// Takes page furniture out of `node`'s subtree, in place.
fn strip(node: &Handle) {
    node.children.borrow_mut().retain(|c| furniture(c).is_none_or(|k| k < IN_BODY));
    for child in node.children.borrow().iter() {
        strip(child);
    }
}

/// Length of the text a reader would see under `node`, furniture left out.
fn text_len(node: &Handle) -> usize {
    match &node.data {
        NodeData::Text { contents } => contents.borrow().trim().len(),
        NodeData::Element { .. } if furniture(node).is_some_and(|k| k >= IN_BODY) => 0,
        NodeData::Element { name, .. }
            if matches!(&*name.local, "script" | "style" | "template" | "noscript") =>
        {
            0
        }
        _ => node.children.borrow().iter().map(text_len).sum(),
    }
}

// ---- The main content ----

struct Content {
    node: Handle,
    /// Whether a container was found (else `node` is the body).
    found: bool,
}

/// Class names of the content containers of common themes and CMSs (WordPress, Drupal, news
/// sites), tried after the semantic elements.
const CONTENT_CLASSES: &[&str] = &[
    "entry-content",
    "post-content",
    "article-body",
    "article-content",
    "post-body",
    "story-body",
    "field--name-body",
    "field-name-body",
];
const CONTENT_IDS: &[&str] = &["content", "main-content", "article-body"];

/// How good a container an element is: lower is better; `None`, not one.
fn container_rank(node: &Handle) -> Option<usize> {
    match tag(node)? {
        "article" => return Some(0),
        "main" => return Some(1),
        _ => {}
    }
    if attr(node, "role").is_some_and(|r| r.eq_ignore_ascii_case("main")) {
        return Some(2);
    }
    if CONTENT_CLASSES.iter().any(|c| has_token(node, "class", c)) {
        return Some(3);
    }
    let id = attr(node, "id").unwrap_or_default().to_ascii_lowercase();
    CONTENT_IDS.contains(&id.as_str()).then_some(4)
}

/// The best-ranked container outside page furniture that holds a fair share of the page's text;
/// of several with that rank (a post and the `<article>` cards of other stories) the one with
/// the most text. The share keeps a teaser `<article>` from standing for a page whose story is
/// in a `<main>` without one. Else the container with the most text; else the body.
fn main_content(doc: &Handle) -> Content {
    let body = find(doc, IN_CONTAINER, &|n| tag(n) == Some("body")).unwrap_or_else(|| doc.clone());
    let own_text = |n: &Handle| -> usize { n.children.borrow().iter().map(text_len).sum() };
    let mut candidates: Vec<(usize, usize, Handle)> = Vec::new();
    each(doc, IN_PAGE, &mut |n| {
        if let Some(rank) = container_rank(n) {
            // Its children: the container itself is not judged as furniture.
            let len = own_text(n);
            if len > 0 {
                candidates.push((rank, len, n.clone()));
            }
        }
    });
    let page_len = own_text(&body);
    // Rank first; most text next; min_by keeps the earliest on a tie.
    let best = candidates
        .iter()
        .filter(|(_, len, _)| len * 4 >= page_len)
        .min_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        .or_else(|| candidates.iter().rev().max_by_key(|(_, len, _)| *len));
    match best {
        Some((_, _, node)) => Content { node: node.clone(), found: true },
        None => Content { node: body, found: false },
    }
}

/// `<time datetime>`; `published`: only one marked as the publication date (WordPress's
/// `class="entry-date published"`, microdata's `itemprop=datePublished`, the old `pubdate`).
fn is_time(node: &Handle, published: bool) -> bool {
    if tag(node) != Some("time") || attr(node, "datetime").is_none_or(|d| d.trim().is_empty()) {
        return false;
    }
    let marked = has_token(node, "class", "published")
        || has_token(node, "itemprop", "datePublished")
        || attr(node, "pubdate").is_some();
    let updated = has_token(node, "class", "updated") || has_token(node, "itemprop", "dateModified");
    if published {
        marked
    } else {
        !updated
    }
}

/// The first heading, if it repeats the title (the `<h1>` over the article), goes: the reader
/// shows the title already.
fn drop_title_heading(body: &mut Vec<Block>, title: &str) {
    let key =
        |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
    let title = key(title);
    let at = body.iter().take(3).position(|b| matches!(b, Block::Heading(h) if key(h) == title));
    if let Some(at) = at {
        body.remove(at);
    }
}

// ---- Metadata ----

/// `<meta>` tags by lower-cased `name` or `property`, in document order.
struct Meta(Vec<(String, String)>);

impl Meta {
    fn of(doc: &Handle) -> Meta {
        let mut out = Vec::new();
        walk_all(doc, &mut |n| {
            if tag(n) != Some("meta") {
                return;
            }
            let Some(content) = attr(n, "content").filter(|c| !c.trim().is_empty()) else { return };
            for key in ["name", "property"] {
                if let Some(k) = attr(n, key) {
                    out.push((k.trim().to_ascii_lowercase(), content.trim().to_string()));
                }
            }
        });
        Meta(out)
    }

    fn get(&self, key: &str) -> Option<String> {
        self.all(key).next().map(String::from)
    }

    fn all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0.iter().filter(move |(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

/// Every element of the document, furniture included (metadata may be anywhere).
fn walk_all(node: &Handle, f: &mut dyn FnMut(&Handle)) {
    for child in node.children.borrow().iter() {
        if tag(child).is_some() {
            f(child);
            walk_all(child, f);
        }
    }
}

fn title_element(doc: &Handle) -> Option<String> {
    let mut title = None;
    walk_all(doc, &mut |n| {
        if title.is_none() && tag(n) == Some("title") {
            title = Some(text_of(n));
        }
    });
    title
}

fn canonical(doc: &Handle) -> Option<String> {
    let mut href = None;
    walk_all(doc, &mut |n| {
        if href.is_none() && tag(n) == Some("link") && has_token(n, "rel", "canonical") {
            href = attr(n, "href");
        }
    });
    href
}

/// Separators between a page's title and its site's name.
const SEPARATORS: [&str; 6] = [" | ", " – ", " — ", " - ", " · ", " :: "];

/// The title without its site's name. With the site's name known, that suffix goes; in a
/// `<title>` (`any`), also any suffix after the last separator that is shorter than what it
/// follows: "Notes from Misrata - Field Notes" loses it, "Libya - a year on" keeps it.
fn strip_site(title: &str, site: Option<&str>, any: bool) -> String {
    let title = title.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(site) = site.map(sanitize::text).filter(|s| !s.is_empty()) {
        for sep in SEPARATORS {
            if let Some(rest) = title.strip_suffix(&format!("{sep}{site}")).filter(|r| !r.trim().is_empty()) {
                return rest.to_string();
            }
        }
    }
    if any {
        let cut = SEPARATORS.iter().filter_map(|sep| title.rfind(sep).map(|at| (at, sep.len()))).max();
        if let Some((at, len)) = cut {
            let (head, tail) = (&title[..at], &title[at + len..]);
            if !head.trim().is_empty() && tail.chars().count() < head.chars().count() {
                return head.to_string();
            }
        }
    }
    title
}

/// The first candidate with text once sanitised.
fn first_text<S: AsRef<str>>(candidates: impl IntoIterator<Item = Option<S>>) -> Option<String> {
    candidates.into_iter().flatten().map(|s| sanitize::text(s.as_ref())).find(|t| !t.is_empty())
}

/// Sanitised, without empties and repeats, in order.
fn texts(items: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in items.into_iter().map(|s| sanitize::text(&s)) {
        if !t.is_empty() && !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// `citation_author` is often "Lee, Ann": the other importers and the citations want "Ann Lee".
fn last_first(name: &str) -> String {
    match name.split_once(',') {
        Some((last, first))
            if !first.contains(',')
                && !last.trim().is_empty()
                && !matches!(
                    first.trim().trim_end_matches('.').to_ascii_lowercase().as_str(),
                    "" | "jr" | "sr" | "ii" | "iii" | "phd"
                ) =>
        {
            format!("{} {}", first.trim(), last.trim())
        }
        _ => name.to_string(),
    }
}

fn looks_like_url(s: &str) -> bool {
    let s = s.trim_start().to_ascii_lowercase();
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.")
}

/// The first date source that parses; the ones before it that did not are warnings. `sources`
/// is in order of preference. A date that did not parse is named at the first line of the
/// page's `source` that has it (the parsed page keeps no lines).
fn date(
    path: &Path,
    source: &str,
    sources: &[(&str, Option<String>)],
    warnings: &mut Vec<CorpusError>,
) -> Result<PartialDate, CorpusError> {
    let mut failed = Vec::new();
    for (name, value) in sources {
        let Some(value) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) else { continue };
        match parse_date(value) {
            Ok(date) => {
                for (line, f) in failed {
                    warnings.push(CorpusError::new(path, line, format!("{f}; the {name} was used")));
                }
                return Ok(date);
            }
            Err(e) => {
                // An attribute's value first, so that the same words earlier in the text are
                // not taken for it.
                let at = [format!("\"{value}\""), format!("'{value}'"), value.to_string()]
                    .iter()
                    .find_map(|v| source.find(v.as_str()));
                let line = at.map(|at| line_of(source.as_bytes(), at));
                failed.push((line, format!("{name} {value:?} not read: {e}")));
            }
        }
    }
    Err(CorpusError::new(
        path,
        failed.first().and_then(|(line, _)| *line),
        if failed.is_empty() {
            format!("no date: looked for {DATE_SOURCES}")
        } else {
            format!(
                "no usable date: {}",
                failed.iter().map(|(_, f)| f.as_str()).collect::<Vec<_>>().join("; ")
            )
        },
    ))
}

/// A date as pages write it: ISO (`2016-03-05`, a timestamp, as in JSON Lines) or Google
/// Scholar's `2016/03/05`, unpadded months and days allowed.
fn parse_date(value: &str) -> Result<PartialDate, String> {
    let (day, time) = match value.find(['T', ' ']) {
        Some(at) => value.split_at(at),
        None => (value, ""),
    };
    let day = day
        .split(['-', '/'])
        .enumerate()
        .map(|(i, p)| if i > 0 && p.len() == 1 { format!("0{p}") } else { p.to_string() })
        .collect::<Vec<_>>()
        .join("-");
    crate::jsonl::parse_date(&format!("{day}{time}"))
}

// ---- JSON-LD ----

/// The article object of the page's JSON-LD (`Article`, `NewsArticle`, `BlogPosting`…; else the
/// first object with a `datePublished`), with every object by `@id` to resolve references
/// (Yoast writes the author as `{"@id": …}` pointing at a `Person` in its `@graph`).
struct JsonLd {
    article: Option<Map<String, Value>>,
    by_id: HashMap<String, Map<String, Value>>,
}

impl JsonLd {
    fn of(doc: &Handle) -> JsonLd {
        let mut objects = Vec::new();
        walk_all(doc, &mut |n| {
            let is_ld = tag(n) == Some("script")
                && attr(n, "type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
            if is_ld {
                // Broken JSON-LD is common and costs nothing but these fields.
                let mut json = String::new();
                for child in n.children.borrow().iter() {
                    collect_text(child, &mut json);
                }
                if let Ok(value) = serde_json::from_str::<Value>(&json) {
                    flatten(value, &mut objects);
                }
            }
        });
        let is_article = |o: &Map<String, Value>| {
            let types: Vec<&str> = match o.get("@type") {
                Some(Value::String(t)) => vec![t.as_str()],
                Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
                _ => Vec::new(),
            };
            types.iter().any(|t| t.ends_with("Article") || t.ends_with("Posting") || *t == "Report")
        };
        let article = objects
            .iter()
            .find(|o| is_article(o))
            .or_else(|| objects.iter().find(|o| o.contains_key("datePublished")))
            .cloned();
        let by_id =
            objects.iter().filter_map(|o| Some((o.get("@id")?.as_str()?.to_string(), o.clone()))).collect();
        JsonLd { article, by_id }
    }

    fn text(&self, key: &str) -> Option<String> {
        match self.article.as_ref()?.get(key)? {
            Value::String(s) => Some(s.clone()),
            Value::Array(items) => items.first()?.as_str().map(String::from),
            _ => None,
        }
    }

    /// A string, or an object's `name` (resolving an `@id` reference).
    fn name(&self, v: &Value) -> Option<String> {
        match v {
            Value::String(s) => Some(s.clone()),
            Value::Object(o) => match o.get("name").and_then(Value::as_str) {
                Some(n) => Some(n.to_string()),
                None => self.by_id.get(o.get("@id")?.as_str()?)?.get("name")?.as_str().map(String::from),
            },
            _ => None,
        }
    }

    fn authors(&self) -> Vec<String> {
        match self.article.as_ref().and_then(|a| a.get("author")) {
            Some(Value::Array(items)) => items.iter().filter_map(|v| self.name(v)).collect(),
            Some(v) => self.name(v).into_iter().collect(),
            None => Vec::new(),
        }
    }

    fn publisher(&self) -> Option<String> {
        self.name(self.article.as_ref()?.get("publisher")?)
    }
}

/// The objects of a JSON-LD value: itself, the items of a top-level array, those of `@graph`.
fn flatten(value: Value, out: &mut Vec<Map<String, Value>>) {
    match value {
        Value::Array(items) => items.into_iter().for_each(|v| flatten(v, out)),
        Value::Object(mut o) => {
            if let Some(graph) = o.remove("@graph") {
                flatten(graph, out);
            }
            out.push(o);
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_lose_their_site() {
        assert_eq!(strip_site("Notes from Misrata | Field Notes", None, true), "Notes from Misrata");
        assert_eq!(strip_site("Notes from Misrata - Field Notes", None, true), "Notes from Misrata");
        assert_eq!(strip_site("Libya - a year on", None, true), "Libya - a year on");
        assert_eq!(strip_site("Libya - a year on – FN", Some("FN"), false), "Libya - a year on");
        assert_eq!(strip_site("A – B", Some("Field Notes"), false), "A – B");
    }

    #[test]
    fn dates_as_pages_write_them() {
        for (raw, iso) in [
            ("2016-03-05T09:00:00+01:00", "2016-03-05"),
            ("2016/3/5", "2016-03-05"),
            ("2016-03", "2016-03"),
            ("2016", "2016"),
            ("2016-03-05 09:00", "2016-03-05"),
        ] {
            assert_eq!(parse_date(raw).map(|d| d.iso()), Ok(iso.to_string()), "{raw}");
        }
        assert!(parse_date("March 5, 2016").is_err());
    }

    #[test]
    fn names() {
        assert_eq!(last_first("Lee, Ann"), "Ann Lee");
        assert_eq!(last_first("Ann Lee"), "Ann Lee");
        assert_eq!(last_first("King, Jr."), "King, Jr.");
        assert_eq!(split_names("Ann Lee and Bob O'Neil"), ["Ann Lee", "Bob O'Neil"]);
        assert_eq!(split_names("A, B & C"), ["A", "B", "C"]);
        assert_eq!(split_names("Alexandra Band"), ["Alexandra Band"]);
    }

    #[test]
    fn declared_encodings() {
        let page = |head: &str| format!("<!doctype html><html><head>{head}</head></html>").into_bytes();
        let name = |b: &[u8]| declared_encoding(b).map(|e| e.name());
        assert_eq!(name(&page("<meta charset=\"windows-1252\">")), Some("windows-1252"));
        assert_eq!(name(&page("<META CHARSET=iso-8859-1>")), Some("windows-1252"));
        assert_eq!(
            name(&page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-15\">")),
            Some("ISO-8859-15")
        );
        assert_eq!(name(&page("<meta name=\"x\">")), None);
    }
}
