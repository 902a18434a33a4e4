//! HTML bodies (WordPress's `content:encoded`, the main content of a saved page) reduced to the
//! blocks the reader shows: paragraphs, headings, list items, quotes and footnotes; everything
//! else is dropped.
//!
//! Parsed with html5ever (the WHATWG algorithm, as browsers do), so the broken markup of old
//! posts — unclosed `<p>`, stray `</div>`, misnested inline tags — lands where a browser would
//! put it. WordPress stores most posts without `<p>` tags and adds them when it displays the
//! post ("autop"): a blank line there is a paragraph break, so a blank line in a text node ends
//! the paragraph here too.

use html5ever::tendril::TendrilSink;
use html5ever::{parse_document, ParseOpts};
use markup5ever_rcdom::{Handle, NodeData, RcDom};
use readingroom_core::Block;
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Where a footnote call stood, until we know whether the post defines that note.
const CALL_OPEN: char = '\u{E000}';
const CALL_CLOSE: char = '\u{E001}';

/// Elements whose content is not prose: dropped with everything inside them.
const SKIPPED: &[&str] = &[
    "script", "style", "iframe", "noscript", "object", "embed", "video", "audio", "svg", "math", "template",
    "title", "canvas", "select", "button", "form", "map",
];

/// Elements that end the paragraph before them and start a new one after them.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "main",
    "nav",
    "figure",
    "figcaption",
    "pre",
    "address",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "hr",
    "details",
    "summary",
    "blockquote",
    "center",
    "body",
];

/// The blocks of an HTML body, shortcodes handled first (see [`shortcodes`]).
pub fn blocks(html: &str) -> Vec<Block> {
    let html = shortcodes(html);
    let dom = parse_document(RcDom::default(), ParseOpts::default()).one(html.as_str());
    node_blocks(&dom.document)
}

/// The blocks of an already parsed node: a saved page's main content, found by `html_page`.
/// No shortcode step: a page shows WordPress's output, where they have been expanded.
pub fn node_blocks(node: &Handle) -> Vec<Block> {
    let mut w = Walker::default();
    w.walk(node);
    w.flush();
    resolve_calls(w.out)
}

/// WordPress shortcodes: `[caption …]<img> Text[/caption]` keeps its caption text as a
/// paragraph of its own; embeds, media players and galleries are dropped (only a URL or ids
/// inside). Unknown shortcodes stay as written: a bracket in prose ("[sic]", "[1]") is not one.
fn shortcodes(html: &str) -> String {
    static DROPPED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?s)\[(?:embed|video|audio|playlist)\b[^\]]*\].*?\[/(?:embed|video|audio|playlist)\]|\[/?(?:embed|video|audio|playlist|gallery)\b[^\]]*\]",
        )
        .unwrap()
    });
    // The caption is the text inside, or (older WordPress) a `caption="…"` attribute.
    static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"\[(/?)(?:wp_)?caption\b(?:[^\]]*?\bcaption="([^"]*)")?[^\]]*\]"#).unwrap()
    });
    let html = DROPPED.replace_all(html, "");
    CAPTION
        .replace_all(&html, |c: &regex::Captures| match (c[1].is_empty(), c.get(2)) {
            (true, Some(caption)) => format!("<div>{} ", caption.as_str()),
            (true, None) => "<div>".to_string(),
            (false, _) => "</div>".to_string(),
        })
        .into_owned()
}

#[derive(Default)]
struct Walker {
    out: Vec<Block>,
    text: String,
    /// "• " or "3. " for the first paragraph of a list item.
    prefix: Option<String>,
    heading: bool,
    pre: usize,
    /// Open lists: ordered?, the next number.
    lists: Vec<(bool, u32)>,
    /// Inside a footnotes list (`<ol class="wp-block-footnotes">`, `<div class="footnotes">`):
    /// its items are notes, labelled by position.
    notes: Option<u32>,
    note_label: Option<String>,
}

impl Walker {
    fn walk(&mut self, node: &Handle) {
        match &node.data {
            NodeData::Document => self.children(node),
            NodeData::Text { contents } => self.push_text(&contents.borrow()),
            NodeData::Element { name, attrs, .. } => {
                let tag: &str = name.local.as_ref();
                let attr = |n: &str| {
                    attrs
                        .borrow()
                        .iter()
                        .find(|a| a.name.local.as_ref() as &str == n)
                        .map(|a| a.value.to_string())
                };
                let class = attr("class").unwrap_or_default().to_lowercase();
                self.element(node, tag, &class, &attr);
            }
            _ => {}
        }
    }

    fn children(&mut self, node: &Handle) {
        for child in node.children.borrow().iter() {
            self.walk(child);
        }
    }

    fn element(&mut self, node: &Handle, tag: &str, class: &str, attr: &dyn Fn(&str) -> Option<String>) {
        if SKIPPED.contains(&tag) {
            return;
        }
        let footnotes = class.contains("footnote") && self.notes.is_none();
        match tag {
            "br" => self.text.push(' '),
            "td" | "th" => {
                self.children(node);
                self.text.push(' ');
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                self.heading = true;
                self.children(node);
                self.flush();
                self.heading = false;
            }
            "ul" | "ol" => {
                self.flush();
                let start = attr("start").and_then(|s| s.trim().parse().ok()).unwrap_or(1);
                self.lists.push((tag == "ol", start));
                if footnotes {
                    self.notes = Some(0);
                }
                self.children(node);
                if footnotes {
                    self.notes = None;
                }
                self.lists.pop();
                self.flush();
            }
            "li" => {
                self.flush();
                if let Some(n) = self.notes.as_mut() {
                    *n += 1;
                    self.note_label = Some(n.to_string());
                } else {
                    self.prefix = Some(match self.lists.last_mut() {
                        Some((true, n)) => {
                            *n += 1;
                            format!("{}. ", *n - 1)
                        }
                        _ => "• ".to_string(),
                    });
                }
                self.children(node);
                self.flush();
                self.prefix = None;
                self.note_label = None;
            }
            "sup" if self.notes.is_none() => match call_label(node) {
                Some(label) => {
                    self.text.push(CALL_OPEN);
                    self.text.push_str(&label);
                    self.text.push(CALL_CLOSE);
                }
                None => self.children(node),
            },
            // The way back from a note to its call.
            "a" if self.notes.is_some() && is_backlink(node, class, attr) => {}
            "pre" => {
                self.flush();
                self.pre += 1;
                self.children(node);
                self.pre -= 1;
                self.flush();
            }
            _ if BLOCKS.contains(&tag) => {
                self.flush();
                // A footnotes `<div>` or `<section>` around a plain `<ol>`.
                if footnotes {
                    self.notes = Some(0);
                }
                self.children(node);
                if footnotes {
                    self.notes = None;
                }
                self.flush();
            }
            _ => self.children(node),
        }
    }

    fn push_text(&mut self, t: &str) {
        if self.heading || self.pre > 0 {
            self.text.push_str(t);
            return;
        }
        static BLANK_LINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\n[ \t\r]*\n").unwrap());
        let mut parts = BLANK_LINE.split(t);
        if let Some(first) = parts.next() {
            self.text.push_str(first);
        }
        for part in parts {
            self.flush();
            self.text.push_str(part);
        }
    }

    /// Ends the paragraph being collected, if it has any text: white space collapsed (but not
    /// no-break spaces, which authors type on purpose).
    fn flush(&mut self) {
        let text = std::mem::take(&mut self.text);
        let text =
            text.split(|c: char| c.is_ascii_whitespace()).filter(|w| !w.is_empty()).collect::<Vec<_>>();
        let text = text.join(" ");
        // `&nbsp;` alone is WordPress's empty paragraph.
        if text.trim().is_empty() {
            return;
        }
        let text = text.trim().to_string();
        let block = if self.heading {
            Block::Heading(text)
        } else if let Some(label) = &self.note_label {
            Block::Note { label: label.clone(), text }
        } else {
            match self.prefix.take() {
                Some(p) => Block::Paragraph(p + &text),
                None => Block::Paragraph(text),
            }
        };
        self.out.push(block);
    }
}

/// The label of a footnote call: `<sup><a href="#fn1">1</a></sup>` (WordPress's footnotes
/// block, Markdown plugins) — a short label linking within the page.
fn call_label(sup: &Handle) -> Option<String> {
    let children = sup.children.borrow();
    let [a] = children.as_slice() else { return None };
    let NodeData::Element { name, attrs, .. } = &a.data else { return None };
    let internal =
        attrs.borrow().iter().any(|at| at.name.local.as_ref() as &str == "href" && at.value.starts_with('#'));
    if name.local.as_ref() as &str != "a" || !internal {
        return None;
    }
    let label = text_of(a);
    let label = label.trim().trim_start_matches('[').trim_end_matches(']');
    (!label.is_empty() && label.len() <= 4 && label.chars().all(char::is_alphanumeric))
        .then(|| label.to_string())
}

fn is_backlink(a: &Handle, class: &str, attr: &dyn Fn(&str) -> Option<String>) -> bool {
    let text = text_of(a);
    let arrow = matches!(text.trim().trim_end_matches('\u{fe0e}'), "↩" | "↑" | "^" | "⤴");
    let href = attr("href").unwrap_or_default();
    arrow
        || class.contains("backref")
        || href.contains("fnref")
        || (href.starts_with('#') && href.ends_with("-link"))
}

fn text_of(node: &Handle) -> String {
    let mut out = String::new();
    if let NodeData::Text { contents } = &node.data {
        out.push_str(&contents.borrow());
    }
    for child in node.children.borrow().iter() {
        out.push_str(&text_of(child));
    }
    out
}

/// Calls of notes the post defines become Markdown-style `[^label]` markers (taken out of the
/// text later, see `note_refs`); any other superscript link keeps its text as written.
fn resolve_calls(mut blocks: Vec<Block>) -> Vec<Block> {
    let labels: HashSet<String> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Note { label, .. } => Some(label.clone()),
            _ => None,
        })
        .collect();
    for block in &mut blocks {
        let (Block::Paragraph(t) | Block::Heading(t)) = block else { continue };
        while let Some(open) = t.find(CALL_OPEN) {
            let close = t[open..].find(CALL_CLOSE).map_or(t.len(), |c| open + c);
            let label = t[open + CALL_OPEN.len_utf8()..close].to_string();
            let with = if labels.contains(&label) { format!("[^{label}]") } else { label };
            t.replace_range(open..(close + CALL_CLOSE.len_utf8()).min(t.len()), &with);
        }
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Block {
        Block::Paragraph(s.into())
    }

    #[test]
    fn blank_lines_are_paragraphs_without_p_tags() {
        let html = "First line\nsame paragraph.\n\nSecond <em>one</em>.\r\n \r\nThird.&nbsp;\n\n&nbsp;\n\n";
        assert_eq!(blocks(html), [p("First line same paragraph."), p("Second one."), p("Third.")]);
    }

    #[test]
    fn headings_lists_quotes_and_dropped_elements() {
        let html = "<h2>A  <b>head</b></h2>Intro <a href=\"x\">link text</a>.<ul><li>one</li><li>two<ul><li>deep</li></ul></li></ul>\
            <ol start=\"3\"><li>c</li><li>d</li></ol><blockquote><p>Quoted.</p><p>Again.</p></blockquote>\
            <script>alert(1)</script><style>p{}</style><iframe src=\"v\">no</iframe><p>End<img src=\"a.jpg\"></p>";
        assert_eq!(
            blocks(html),
            [
                Block::Heading("A head".into()),
                p("Intro link text."),
                p("• one"),
                p("• two"),
                p("• deep"),
                p("3. c"),
                p("4. d"),
                p("Quoted."),
                p("Again."),
                p("End"),
            ]
        );
    }

    #[test]
    fn shortcodes_keep_captions_and_drop_embeds() {
        let html = "Before [caption id=\"attachment_5\" align=\"alignleft\" width=\"300\"]<img src=\"x.jpg\" /> The caption[/caption] after.\n\n\
            [embed]https://www.youtube.com/watch?v=x[/embed]\n\n[gallery ids=\"1,2\"]\n\nA [sic] bracket.\n\n\
            [caption align=\"aligncenter\" caption=\"In the attribute\"]<img src=\"y.png\"/>[/caption]";
        assert_eq!(
            blocks(html),
            [p("Before"), p("The caption"), p("after."), p("A [sic] bracket."), p("In the attribute")]
        );
    }

    #[test]
    fn wordpress_footnotes_become_notes_and_calls() {
        let html = "<p>Claim<sup data-fn=\"u1\" class=\"fn\"><a href=\"#u1\" id=\"u1-link\">1</a></sup> and x<sup><a href=\"#top\">9</a></sup>.</p>\
            <ol class=\"wp-block-footnotes\"><li id=\"u1\">A source. <a href=\"#u1-link\" aria-label=\"Jump\">↩︎</a></li></ol>";
        assert_eq!(
            blocks(html),
            [p("Claim[^1] and x9."), Block::Note { label: "1".into(), text: "A source.".into() }]
        );
    }

    #[test]
    fn broken_markup_is_read_as_a_browser_would() {
        let html = "<p>One <b>bold <i>both</b> italic?</i><p>Two</div></span>\n<table><tr><td>a</td><td>b</td></tr></table>";
        assert_eq!(blocks(html), [p("One bold both italic?"), p("Two"), p("a b")]);
    }
}
