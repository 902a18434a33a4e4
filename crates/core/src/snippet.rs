//! Snippets and highlighting: the best window of text around a result's matches, split into
//! plain and marked segments. Segments are plain text; the app renders them as text nodes and
//! `<mark>` elements, never as markup.

use crate::analyze::{tokenize, Analyzer};
use crate::model::Article;
use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub mark: bool,
}

/// Splits `text` into segments, marking each word whose index term is in `terms`. Marked words
/// joined by a hyphen or slash make one mark ("Al-Qa’ida", not "Al" and "Qa’ida").
pub fn highlight(text: &str, analyzer: &Analyzer, terms: &HashSet<String>) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut last = 0;
    for tok in tokenize(text) {
        if analyzer.term(&tok.folded).is_some_and(|t| terms.contains(&t)) {
            let gap = &text[last..tok.start];
            let joined = out.last().is_some_and(|s| s.mark) && matches!(gap, "-" | "‐" | "/");
            match out.last_mut() {
                Some(prev) if joined => prev.text.push_str(&text[last..tok.end]),
                _ => {
                    if tok.start > last {
                        out.push(Segment { text: gap.to_string(), mark: false });
                    }
                    out.push(Segment { text: text[tok.start..tok.end].to_string(), mark: true });
                }
            }
            last = tok.end;
        }
    }
    if last < text.len() || out.is_empty() {
        out.push(Segment { text: text[last..].to_string(), mark: false });
    }
    out
}

/// The window of about `max_words` words that holds the most distinct matched terms, taken from
/// the standfirst, the blogger's note or the body; the opening of the piece when nothing there
/// matches (the match was in the title or the metadata).
pub fn snippet(
    article: &Article,
    analyzer: &Analyzer,
    terms: &HashSet<String>,
    max_words: usize,
) -> Vec<Segment> {
    let texts: Vec<&str> = article
        .summary
        .iter()
        .map(String::as_str)
        .chain(article.body_texts())
        .chain(article.note.iter().map(String::as_str))
        .collect();
    let mut best: Option<(usize, usize, usize, usize)> = None; // (distinct, count, text, first token)
    for (ti, text) in texts.iter().enumerate() {
        let toks = tokenize(text);
        let hits: Vec<(usize, String)> = toks
            .iter()
            .enumerate()
            .filter_map(|(i, t)| {
                analyzer.term(&t.folded).filter(|term| terms.contains(term)).map(|term| (i, term))
            })
            .collect();
        // Slide a window starting at each hit; keep the one with most distinct terms.
        for (k, (start, _)) in hits.iter().enumerate() {
            let window: Vec<&String> =
                hits[k..].iter().take_while(|(i, _)| *i < start + max_words).map(|(_, t)| t).collect();
            let distinct = window.iter().collect::<HashSet<_>>().len();
            let cand = (distinct, window.len(), ti, *start);
            if best.is_none_or(|b| (cand.0, cand.1) > (b.0, b.1)) {
                best = Some(cand);
            }
        }
    }
    let (text, first) = match best {
        Some((_, _, ti, first)) => (texts[ti], first),
        None => match texts.first() {
            Some(t) => (*t, 0),
            None => return Vec::new(),
        },
    };
    let toks = tokenize(text);
    // Open a few words before the first match, so it reads in context.
    let from = first.saturating_sub(4);
    let to = (from + max_words).min(toks.len());
    let start = if from == 0 { 0 } else { toks[from].start };
    let end = if to >= toks.len() { text.len() } else { toks[to - 1].end };
    let mut segments = highlight(&text[start..end], analyzer, terms);
    if start > 0 {
        segments.insert(0, Segment { text: "… ".into(), mark: false });
    }
    if end < text.len() {
        segments.push(Segment { text: " …".into(), mark: false });
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(text: &str, terms: &[&str]) -> Vec<String> {
        let a = Analyzer::english();
        let terms: HashSet<String> = terms.iter().map(|t| t.to_string()).collect();
        let segs = highlight(text, &a, &terms);
        assert_eq!(segs.iter().map(|s| s.text.as_str()).collect::<String>(), text, "lossless");
        segs.into_iter().filter(|s| s.mark).map(|s| s.text).collect()
    }

    #[test]
    fn marks_matching_words_and_joins_hyphenated_ones() {
        assert_eq!(
            marks("Links to Al-Qa’ida and al - qaida.", &["al", "qaida"]),
            ["Al-Qa’ida", "al", "qaida"]
        );
        assert_eq!(marks("Bombings in Madrid", &["bomb"]), ["Bombings"]);
        assert!(marks("Nothing here", &["madrid"]).is_empty());
    }
}
