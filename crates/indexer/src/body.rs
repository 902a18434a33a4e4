//! The article body: Markdown (CommonMark, via pulldown-cmark) reduced to the blocks the reader
//! shows: paragraphs, headings, interview turns and footnotes.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use readingroom_core::{Block, Role};

use crate::frontmatter::Interview;
use crate::sanitize;

/// Headings under which `[label] text` paragraphs are footnotes or citations.
pub fn is_notes_heading(h: &str) -> bool {
    let h = h.to_lowercase();
    ["notes", "citations", "references", "footnotes", "endnotes", "sources"]
        .iter()
        .any(|w| h.split_whitespace().any(|x| x == *w))
}

/// `[a] text` or `[12] text` → ("a", "text").
fn note_label(p: &str) -> Option<(&str, &str)> {
    let rest = p.strip_prefix('[')?;
    let close = rest.find(']')?;
    let label = &rest[..close];
    // A space or a no-break space follows the label.
    let text = rest[close + 1..].strip_prefix(char::is_whitespace)?.trim_start();
    (!label.is_empty() && label.len() <= 4 && label.chars().all(char::is_alphanumeric))
        .then_some((label, text))
}

/// A paragraph or heading of text, before interview turns and footnotes are told apart.
pub enum RawBlock {
    Paragraph(String),
    Heading(String),
}

use RawBlock as Raw;

/// Markdown may carry raw HTML. Its text is the reader's, its markup is not: a paragraph or
/// heading with inline HTML, and an HTML block, are kept as HTML (the Markdown text escaped) and
/// reduced to text by the sanitiser, so `<script>` goes with its content and the words stay.
/// Paragraphs without HTML are kept exactly as written.
fn raw_blocks(markdown: &str) -> Vec<Raw> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut html = String::new();
    let mut has_html = false;
    let mut heading = false;
    let mut in_code = false;
    // The lists open around the text, innermost last: the next number of each ordered one.
    let mut lists: Vec<Option<u64>> = Vec::new();
    // Text not inside a paragraph (a tight list's items, a code block) is a block of its own, cut
    // where any block starts or ends: kept whole, never dropped for want of a paragraph.
    // A list item's marker, kept as the page showed it, opens the item's first block of text.
    let mut marker: Option<String> = None;
    let flush = |out: &mut Vec<Raw>,
                 text: &mut String,
                 html: &mut String,
                 has_html: &mut bool,
                 heading: bool,
                 marker: &mut Option<String>| {
        let t = if std::mem::take(has_html) { sanitize::text(html) } else { std::mem::take(text) };
        text.clear();
        html.clear();
        let t = t.trim();
        if !sanitize::is_blank(t) {
            // A note written as a list item ("- [1] Smith 2017.") stays a note: no marker.
            let marker = marker.take().filter(|_| note_label(t).is_none()).unwrap_or_default();
            let t = format!("{marker}{t}");
            out.push(if heading { Raw::Heading(t) } else { Raw::Paragraph(t) });
        }
    };
    for event in Parser::new(markdown) {
        match event {
            Event::Start(tag) if !is_inline(&tag) => {
                flush(&mut out, &mut text, &mut html, &mut has_html, heading, &mut marker);
                heading = matches!(tag, Tag::Heading { .. });
                in_code = matches!(tag, Tag::CodeBlock(_));
                match tag {
                    Tag::List(start) => lists.push(start),
                    Tag::Item => {
                        marker = Some(match lists.last_mut() {
                            Some(Some(n)) => {
                                *n += 1;
                                format!("{}. ", *n - 1)
                            }
                            _ => "• ".to_string(),
                        });
                    }
                    _ => {}
                }
            }
            Event::End(end) if !is_inline_end(&end) => {
                flush(&mut out, &mut text, &mut html, &mut has_html, heading, &mut marker);
                heading = false;
                in_code = false;
                // An item with no text of its own gives its marker to nothing after it.
                marker = None;
                if matches!(end, TagEnd::List(_)) {
                    lists.pop();
                }
            }
            Event::Text(t) | Event::Code(t) => {
                // A code block's lines run on as the words of one block.
                let t = if in_code { t.replace('\n', " ").into() } else { t };
                text.push_str(&t);
                html.push_str(&t.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;"));
            }
            Event::Html(h) | Event::InlineHtml(h) => {
                html.push_str(&h);
                has_html = true;
            }
            Event::SoftBreak | Event::HardBreak => {
                text.push(' ');
                html.push(' ');
            }
            _ => {}
        }
    }
    flush(&mut out, &mut text, &mut html, &mut has_html, heading, &mut marker);
    out
}

/// Tags within a block of text, which do not cut it.
fn is_inline(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Link { .. }
            | Tag::Image { .. }
            | Tag::Superscript
            | Tag::Subscript
    )
}

fn is_inline_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image
            | TagEnd::Superscript
            | TagEnd::Subscript
    )
}

/// `text` without characters of Unicode's private use areas, if anything is left. They are a
/// symbol font's glyphs (a journal's end mark, U+F06E in Wingdings) copied as text: any other
/// font draws them as an empty box.
fn without_private_use(text: String) -> Option<String> {
    let private = |c: char| matches!(c, '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{10FFFF}');
    if !text.contains(private) {
        return Some(text);
    }
    let kept: String = text.chars().filter(|&c| !private(c)).collect();
    let kept = kept.trim();
    (!kept.is_empty()).then(|| kept.to_string())
}

/// Converts a Markdown body into blocks. With an interview, paragraphs opening with
/// `Questioner: ` or `Respondent: ` start a turn, and the paragraphs after one continue it.
pub fn blocks(markdown: &str, interview: Option<&Interview>) -> Vec<Block> {
    from_raw(raw_blocks(markdown), interview)
}

/// Paragraphs and headings of text (from Markdown, or from a text dump's lines) as blocks: under
/// a notes heading, `[label] text` paragraphs are notes; with an interview, turns.
pub fn from_raw(raws: Vec<RawBlock>, interview: Option<&Interview>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut in_notes = false;
    let raws = raws.into_iter().filter_map(|raw| match raw {
        Raw::Heading(h) => Some(Raw::Heading(without_private_use(h)?)),
        Raw::Paragraph(p) => Some(Raw::Paragraph(without_private_use(p)?)),
    });
    for raw in raws {
        match raw {
            Raw::Heading(h) => {
                in_notes = is_notes_heading(&h);
                out.push(Block::Heading(h));
            }
            Raw::Paragraph(p) => {
                if in_notes {
                    if let Some((label, text)) = note_label(&p) {
                        out.push(Block::Note { label: label.into(), text: text.into() });
                        continue;
                    }
                }
                if let Some(iv) = interview {
                    let (questioner, respondent) =
                        (sanitize::text(&iv.questioner), sanitize::text(&iv.respondent));
                    let turn = [(Role::Question, &questioner), (Role::Answer, &respondent)]
                        .into_iter()
                        .find_map(|(role, who)| {
                            // "Basu: " or "Basu:" + no-break space, as sources write it.
                            p.strip_prefix(who.as_str())
                                .and_then(|r| r.strip_prefix(':'))
                                .filter(|r| r.starts_with(char::is_whitespace))
                                .map(|rest| (role, who.clone(), rest.trim_start().to_string()))
                        });
                    if let Some((role, speaker, text)) = turn {
                        out.push(Block::Turn { role, speaker, paragraphs: vec![text] });
                        continue;
                    }
                    if let Some(Block::Turn { paragraphs, .. }) = out.last_mut() {
                        paragraphs.push(p);
                        continue;
                    }
                }
                out.push(Block::Paragraph(p));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_symbol_fonts_glyphs_are_dropped() {
        let b = blocks("The threat remains. \u{F06E}\n\n\u{F06E}\n\nNext.", None);
        assert_eq!(b, vec![Block::Paragraph("The threat remains.".into()), Block::Paragraph("Next.".into())]);
    }

    #[test]
    fn interview_turns_and_notes() {
        let md = "Intro.\n\nCTC: Why?\n\nBasu:\u{a0}Because.\n\nAnd more.\n\n## Substantive Notes\n\n[a]\u{a0}A note.\n\n## Citations\n\n[1] A source.\n";
        let iv = Interview { questioner: "CTC".into(), respondent: "Basu".into() };
        let b = blocks(md, Some(&iv));
        assert_eq!(b[0], Block::Paragraph("Intro.".into()));
        assert_eq!(
            b[1],
            Block::Turn { role: Role::Question, speaker: "CTC".into(), paragraphs: vec!["Why?".into()] }
        );
        assert_eq!(
            b[2],
            Block::Turn {
                role: Role::Answer,
                speaker: "Basu".into(),
                paragraphs: vec!["Because.".into(), "And more.".into()]
            }
        );
        assert_eq!(b[3], Block::Heading("Substantive Notes".into()));
        assert_eq!(b[4], Block::Note { label: "a".into(), text: "A note.".into() });
        assert_eq!(b[6], Block::Note { label: "1".into(), text: "A source.".into() });
    }

    #[test]
    fn raw_html_keeps_its_text_not_its_markup() {
        let md =
            "Hi <script>window.__pwned=1</script><b onclick=\"alert(1)\">there</b> &amp; `<i>code</i>`.\n\n\
                  <div onmouseover=\"alert(1)\">\nBlock <svg onload=alert(1)/>text\n</div>\n\n\
                  <script>alert(2)</script>\n\n\
                  ## Head <img src=x onerror=alert(3)>ing\n\n\
                  Literal &lt;script&gt; stays text.\n";
        assert_eq!(
            blocks(md, None),
            vec![
                Block::Paragraph("Hi there & <i>code</i>.".into()),
                Block::Paragraph("Block text".into()),
                Block::Heading("Head ing".into()),
                Block::Paragraph("Literal <script> stays text.".into()),
            ]
        );
    }

    /// Text outside any paragraph (a tight list's items, a code block) was dropped without a word.
    #[test]
    fn lists_and_code_blocks_keep_their_text() {
        let md = "Intro with *emphasis* and a [link](http://x.org).\n\n- alpha bullet\n- beta bullet\n  1. nested one\n  2. nested two\n\n\
                  3. third\n4. fourth\n\n    let code = 1;\n    more code\n\n> quoted\n\nOutro.";
        let p = |s: &str| Block::Paragraph(s.into());
        assert_eq!(
            blocks(md, None),
            vec![
                p("Intro with emphasis and a link."),
                p("• alpha bullet"),
                p("• beta bullet"),
                p("1. nested one"),
                p("2. nested two"),
                p("3. third"),
                p("4. fourth"),
                p("let code = 1; more code"),
                p("quoted"),
                p("Outro."),
            ]
        );
        // A body that is only a list is a body.
        assert_eq!(blocks("- one\n- two\n", None), vec![p("• one"), p("• two")]);
        // Loose items hold paragraphs: the marker opens the first.
        assert_eq!(blocks("- one\n\n- two\n", None), vec![p("• one"), p("• two")]);
        assert_eq!(blocks("- ![](x.png)\n\nAfter.\n", None), vec![p("After.")]);
        // Notes written as a list are still notes.
        let note = |l: &str, t: &str| Block::Note { label: l.into(), text: t.into() };
        assert_eq!(
            blocks("## Notes\n\n- [1] Smith 2017.\n\n- [2] Jones.\n", None),
            vec![Block::Heading("Notes".into()), note("1", "Smith 2017."), note("2", "Jones.")]
        );
    }

    #[test]
    fn bracketed_text_outside_notes_stays_a_paragraph() {
        let b = blocks("[a] not a note\n", None);
        assert_eq!(b, vec![Block::Paragraph("[a] not a note".into())]);
    }
}
