//! The sample corpus against the seed it was made from: every paragraph of every piece is kept,
//! verbatim, in the right article and the right field; nothing is invented; page furniture is
//! dropped.

use readingroom_core::{Article, Block, Role};
use readingroom_indexer::read_corpus;
use std::collections::HashMap;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The seed's lines, read once for all the tests, without the two publishers' marks that are
/// not text: the RUSI Journal's end mark, a symbol font's glyph (U+F06E), and the CTC
/// Sentinel's "CTC" run into the interview's last answer (the manifest's `end_mark`).
fn seed_lines() -> &'static [String] {
    static SEED: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    SEED.get_or_init(|| {
        let text = std::fs::read_to_string(root().join("corpus-dump/posts-tagged-al-qaeda.txt")).unwrap();
        assert_eq!(text.matches('\u{F06E}').count(), 1);
        let end_mark = |l: &str| {
            l.strip_suffix("CTC")
                .filter(|r| r.ends_with(char::is_whitespace))
                .map(|r| r.trim_end().to_string())
        };
        assert_eq!(text.lines().filter_map(end_mark).count(), 1);
        text.lines()
            .map(|l| end_mark(l).unwrap_or_else(|| l.replace('\u{F06E}', "").trim_end().to_string()))
            .collect()
    })
}

#[test]
fn the_publishers_end_marks_are_not_text() {
    let all: Vec<String> = articles().iter().flat_map(|a| accounted(a).into_iter().map(|(_, t)| t)).collect();
    assert!(all.iter().all(|t| !t.contains('\u{F06E}') && !t.ends_with(" CTC")), "an end mark kept");
}

fn articles() -> Vec<Article> {
    let corpus = read_corpus(&root().join("corpus")).unwrap_or_else(|e| panic!("{e:?}"));
    corpus.articles.into_iter().map(|(_, a)| a).collect()
}

/// `label` and `text` joined as the seed joins them: by a space or a no-break space.
fn as_in_seed(label: &str, text: &str) -> String {
    let seed = seed_lines();
    [" ", "\u{a0}"]
        .iter()
        .map(|sep| format!("{label}{sep}{text}"))
        .find(|l| seed.contains(l))
        .unwrap_or_else(|| format!("{label} {text}"))
}

/// The body as the seed writes it: interview turns with their speaker, notes with their label,
/// and each note's call glued after its word, as the text dump flattened the superscripts.
fn body_lines(a: &Article) -> Vec<String> {
    let texts: Vec<String> = a
        .body_texts()
        .enumerate()
        .map(|(i, t)| {
            let mut t = t.to_string();
            for r in a.note_refs.iter().rev().filter(|r| r.paragraph as usize == i) {
                t.insert_str(r.offset as usize, &r.label);
            }
            t
        })
        .collect();
    let mut texts = texts.into_iter();
    let mut out = Vec::new();
    for b in &a.body {
        match b {
            Block::Paragraph(_) | Block::Heading(_) => out.extend(texts.next()),
            Block::Turn { speaker, paragraphs, .. } => {
                let turn: Vec<String> = texts.by_ref().take(paragraphs.len()).collect();
                out.push(as_in_seed(&format!("{speaker}:"), &turn[0]));
                out.extend(turn[1..].iter().cloned());
            }
            Block::Note { label, .. } => {
                let text = texts.next().unwrap_or_default();
                out.push(as_in_seed(&format!("[{label}]"), &text));
            }
        }
    }
    out
}

/// Every seed line an article accounts for, by field.
fn accounted(a: &Article) -> Vec<(&'static str, String)> {
    let mut out = vec![("title", a.title.clone())];
    out.extend(a.note.iter().map(|n| ("note", n.clone())));
    out.extend(body_lines(a).into_iter().map(|l| ("body", l)));
    out.extend(a.summary.iter().map(|s| ("summary", s.clone())));
    out.extend(a.issue.iter().map(|s| ("issue", s.clone())));
    out.extend(a.bio.iter().map(|s| ("bio", s.clone())));
    out.push(("authors", format!("Authors: {}", a.authors.join(", "))));
    for m in &a.media {
        out.extend(m.file.iter().map(|f| ("media file", f.clone())));
        out.extend(m.caption.iter().map(|c| ("caption", c.clone())));
        // The importer sets a licence run into its credit apart ("The Conversation, CC BY-ND").
        out.extend(m.credit.iter().map(|c| ("credit", c.replace(", CC BY", "CC BY"))));
        if let (Some(c), Some(k)) = (&m.caption, &m.credit) {
            out.push(("caption + credit", format!("{c} Credit: {k}")));
        }
    }
    out
}

#[test]
fn seven_articles_with_titles_exactly_as_in_the_seed() {
    let seed = seed_lines();
    let a = articles();
    assert_eq!(a.len(), 7);
    for art in &a {
        assert!(seed.contains(&art.title), "title not in seed: {}", art.title);
        assert!(!art.note.is_empty(), "{}: the blogger's note is kept", art.slug);
        assert!(!art.outlet.is_empty() && !art.kind.is_empty() && !art.authors.is_empty(), "{}", art.slug);
        assert!(!art.topics.is_empty(), "{}", art.slug);
    }
}

#[test]
fn every_paragraph_is_verbatim_from_the_seed_and_in_its_own_post() {
    let seed = seed_lines();
    let position: HashMap<&str, Vec<usize>> =
        seed.iter().enumerate().fold(HashMap::new(), |mut m, (i, l)| {
            m.entry(l.as_str()).or_default().push(i);
            m
        });
    let mut spans = Vec::new();
    for a in articles() {
        let mut lines = Vec::new();
        for (field, text) in accounted(&a) {
            if field == "authors" && a.issue.is_none() {
                continue; // only the journal piece has an "Authors:" line
            }
            if field == "caption" || field == "credit" {
                continue; // checked through "caption + credit" or below
            }
            let at = position
                .get(text.as_str())
                .unwrap_or_else(|| panic!("{}: {field} not verbatim in the seed: {text:?}", a.slug));
            lines.extend(at.iter().copied());
        }
        for l in body_lines(&a) {
            assert_ne!(l, "Advertisements", "{}: page furniture in the body", a.slug);
        }
        lines.sort();
        spans.push((lines[0], *lines.last().unwrap(), a.slug.clone()));
    }
    spans.sort();
    for w in spans.windows(2) {
        assert!(w[0].1 < w[1].0, "posts overlap: {:?} and {:?}", w[0], w[1]);
    }
}

#[test]
fn no_line_of_the_seed_is_lost() {
    let all: Vec<String> = articles().iter().flat_map(|a| accounted(a).into_iter().map(|(_, t)| t)).collect();
    let furniture = ["Posts Tagged ‘Al Qaeda’", "Advertisements"];
    let lost: Vec<&String> = seed_lines()
        .iter()
        .filter(|l| !l.trim().is_empty() && !furniture.contains(&l.as_str()))
        .filter(|l| !all.contains(l))
        .collect();
    assert!(lost.is_empty(), "seed lines in no article: {lost:#?}");
}

#[test]
fn the_interview_keeps_its_turns_and_notes() {
    let a = articles().into_iter().find(|a| a.kind == "interview").expect("an interview");
    let turns =
        |role| a.body.iter().filter(|b| matches!(b, Block::Turn { role: r, .. } if *r == role)).count();
    assert_eq!(turns(Role::Question), 12, "the interview's twelve questions");
    assert_eq!(turns(Role::Question), turns(Role::Answer));
    let notes: Vec<&str> = a
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Note { label, .. } => Some(label.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(notes, ["a", "b", "c", "d", "1"]);
}

#[test]
fn dates_follow_the_evidence_and_sort_newest_first() {
    let mut a = articles();
    a.sort_by_key(|x| std::cmp::Reverse(x.date));
    let dates: Vec<String> = a.iter().map(|a| a.date.iso()).collect();
    assert_eq!(dates, ["2018-02", "2018", "2017-07-07", "2017", "2016-12", "2016-10", "2016-09"]);
}
