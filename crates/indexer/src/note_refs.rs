//! Footnote and citation calls in the text: Markdown's `[^a]` after a word, for a note the
//! article defines under its notes heading (`[a] …`). The marker is taken out of the paragraph
//! and kept as a [`NoteRef`], so the reader can link the call and the note both ways while
//! search, snippets and date mining see only the words.
//!
//! A marker whose label the article does not define stays in the text as written: the curator
//! sees it, and nothing silently disappears.

use readingroom_core::{Block, NoteRef};
use std::collections::HashSet;

/// Takes the markers out of `body`'s paragraphs, headings and interview turns (not out of the
/// notes themselves) and returns where they stood, in reading order.
pub fn extract(body: &mut [Block]) -> Vec<NoteRef> {
    let labels: HashSet<String> = body
        .iter()
        .filter_map(|b| match b {
            Block::Note { label, .. } => Some(label.clone()),
            _ => None,
        })
        .collect();
    let mut refs = Vec::new();
    if labels.is_empty() {
        return refs;
    }
    let mut paragraph = 0u32;
    for block in body.iter_mut() {
        let texts: Vec<&mut String> = match block {
            Block::Paragraph(t) | Block::Heading(t) => vec![t],
            Block::Turn { paragraphs, .. } => paragraphs.iter_mut().collect(),
            Block::Note { .. } => {
                paragraph += 1;
                continue;
            }
        };
        for text in texts {
            take_markers(text, &labels, paragraph, &mut refs);
            paragraph += 1;
        }
    }
    refs
}

fn take_markers(text: &mut String, labels: &HashSet<String>, paragraph: u32, refs: &mut Vec<NoteRef>) {
    if !text.contains("[^") {
        return;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find("[^") {
        let after = &rest[at + 2..];
        let label = after.find(']').map(|close| &after[..close]).filter(|l| labels.contains(*l));
        match label {
            Some(label) => {
                out.push_str(&rest[..at]);
                refs.push(NoteRef { paragraph, offset: out.len() as u32, label: label.to_string() });
                rest = &after[label.len() + 1..];
            }
            None => {
                out.push_str(&rest[..at + 2]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    *text = out;
}

#[cfg(test)]
mod tests {
    use super::*;
    use readingroom_core::Role;

    fn note(label: &str) -> Block {
        Block::Note { label: label.into(), text: format!("Note {label}.") }
    }

    #[test]
    fn markers_become_refs_at_their_offsets_in_reading_order() {
        let mut body = vec![
            Block::Paragraph("Chemistry experimentation[^a] online, the “Prevent”[^c] pillar.".into()),
            Block::Turn {
                role: Role::Answer,
                speaker: "Basu".into(),
                paragraphs: vec!["First.".into(), "In the region.[^1] What now?".into()],
            },
            Block::Heading("Notes".into()),
            note("a"),
            note("c"),
            note("1"),
        ];
        let refs = extract(&mut body);
        assert_eq!(
            body[0],
            Block::Paragraph("Chemistry experimentation online, the “Prevent” pillar.".into())
        );
        let Block::Turn { paragraphs, .. } = &body[1] else { panic!() };
        assert_eq!(paragraphs[1], "In the region. What now?");
        let found: Vec<_> = refs.iter().map(|r| (r.paragraph, r.offset, r.label.as_str())).collect();
        let p0 = "Chemistry experimentation online, the “Prevent”";
        assert_eq!(
            found,
            [(0, "Chemistry experimentation".len() as u32, "a"), (0, p0.len() as u32, "c"), (2, 14, "1")]
        );
    }

    #[test]
    fn unknown_labels_and_lookalikes_stay_as_written() {
        let mut body = vec![Block::Paragraph("See [^z] and [^a and x[^a]".into()), note("a")];
        let refs = extract(&mut body);
        assert_eq!(body[0], Block::Paragraph("See [^z] and [^a and x".into()));
        assert_eq!(refs.len(), 1);
        assert_eq!((refs[0].offset, refs[0].label.as_str()), (22, "a"));
    }

    #[test]
    fn without_notes_nothing_changes() {
        let mut body = vec![Block::Paragraph("A caret [^1] with no note.".into())];
        assert!(extract(&mut body).is_empty());
        assert_eq!(body[0], Block::Paragraph("A caret [^1] with no note.".into()));
    }

    /// The sample interview calls its four notes and its citation from the text.
    #[test]
    fn sample_interview() {
        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        let corpus = crate::read_corpus(&root).unwrap_or_else(|e| panic!("{e:?}"));
        let (_, a) =
            corpus.articles.iter().find(|(_, a)| a.slug == "view-from-the-ct-foxhole-neil-basu").unwrap();
        let labels: Vec<&str> = a.note_refs.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["1", "a", "b", "c", "d"]);
        let texts: Vec<&str> = a.body_texts().collect();
        let before = |r: &NoteRef| &texts[r.paragraph as usize][..r.offset as usize];
        assert!(before(&a.note_refs[0]).ends_with("somewhere in the region."));
        assert!(before(&a.note_refs[1]).ends_with("chemistry experimentation"));
        assert!(before(&a.note_refs[3]).ends_with("the “Prevent”"));
        assert!(texts.iter().all(|t| !t.contains("[^")));
    }
}
