//! Snippets and highlighting: the best window of text around a result's matches, split into
//! plain and marked segments. Segments are plain text; the app renders them as text nodes and
//! `<mark>` elements, never as markup.

use crate::analyze::{tokenize, Analyzer, Token};
use crate::entities::Tagger;
use crate::index::Index;
use crate::model::Article;
use crate::search::Results;
use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub mark: bool,
}

/// What to mark: words whose index term the query matched, and any written form of the entities
/// it named ("ISIS" marks "Daesh" and "Islamic State" too).
pub struct Highlighter<'a> {
    analyzer: &'a Analyzer,
    terms: HashSet<String>,
    entities: Tagger,
}

/// A run of marked tokens, and what it stands for (a term, or an entity's slug).
struct Run {
    first: usize,
    len: usize,
    key: String,
}

impl<'a> Highlighter<'a> {
    pub fn new(index: &Index, analyzer: &'a Analyzer, results: &Results) -> Self {
        let named: Vec<_> = results.entities.iter().map(|&e| index.entities[e as usize].clone()).collect();
        Self { analyzer, terms: results.terms.iter().cloned().collect(), entities: Tagger::new(&named) }
    }

    /// From bare terms, without entities (tests, and callers that have no results).
    pub fn from_terms(analyzer: &'a Analyzer, terms: &[&str]) -> Self {
        Self { analyzer, terms: terms.iter().map(|t| t.to_string()).collect(), entities: Tagger::new(&[]) }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.entities.is_empty()
    }

    fn runs(&self, text: &str, tokens: &[Token]) -> Vec<Run> {
        let mut runs: Vec<Run> = Vec::new();
        let mentions = self.entities.mentions(text, tokens);
        let mut m = mentions.iter().peekable();
        let mut i = 0;
        while i < tokens.len() {
            if let Some(mention) = m.next_if(|x| x.token == i) {
                runs.push(Run { first: i, len: mention.len, key: format!("entity {}", mention.entity) });
                i += mention.len;
                continue;
            }
            while m.next_if(|x| x.token < i).is_some() {}
            if let Some(t) = self.analyzer.term(&tokens[i].folded).filter(|t| self.terms.contains(t)) {
                runs.push(Run { first: i, len: 1, key: t });
            }
            i += 1;
        }
        runs
    }

    /// Splits `text` into segments with its matches marked. Marks joined by a hyphen or slash
    /// make one mark ("Al-Qa’ida", not "Al" and "Qa’ida").
    pub fn highlight(&self, text: &str) -> Vec<Segment> {
        let tokens = tokenize(text);
        let mut out: Vec<Segment> = Vec::new();
        let mut last = 0;
        for run in self.runs(text, &tokens) {
            let (start, end) = (tokens[run.first].start, tokens[run.first + run.len - 1].end);
            let gap = &text[last..start];
            let joined = out.last().is_some_and(|s| s.mark) && matches!(gap, "-" | "‐" | "/");
            match out.last_mut() {
                Some(prev) if joined => prev.text.push_str(&text[last..end]),
                _ => {
                    if start > last {
                        out.push(Segment { text: gap.to_string(), mark: false });
                    }
                    out.push(Segment { text: text[start..end].to_string(), mark: true });
                }
            }
            last = end;
        }
        if last < text.len() || out.is_empty() {
            out.push(Segment { text: text[last..].to_string(), mark: false });
        }
        out
    }

    /// The window of about `max_words` words that holds the most distinct matches, taken from
    /// the standfirst, the body or the blogger's note; the opening of the piece when nothing
    /// there matches (the match was in the title or the metadata).
    pub fn snippet(&self, article: &Article, max_words: usize) -> Vec<Segment> {
        let texts: Vec<&str> = article
            .summary
            .iter()
            .map(String::as_str)
            .chain(article.body_texts())
            .chain(article.note.iter().map(String::as_str))
            .collect();
        // (distinct matches, matches, text, first token)
        let mut best: Option<(usize, usize, usize, usize)> = None;
        for (ti, text) in texts.iter().enumerate() {
            let runs = self.runs(text, &tokenize(text));
            for (k, run) in runs.iter().enumerate() {
                let window: Vec<&str> = runs[k..]
                    .iter()
                    .take_while(|r| r.first < run.first + max_words)
                    .map(|r| r.key.as_str())
                    .collect();
                let distinct = window.iter().collect::<HashSet<_>>().len();
                let cand = (distinct, window.len(), ti, run.first);
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
        let mut segments = self.highlight(&text[start..end]);
        if start > 0 {
            segments.insert(0, Segment { text: "… ".into(), mark: false });
        }
        if end < text.len() {
            segments.push(Segment { text: " …".into(), mark: false });
        }
        segments
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(text: &str, terms: &[&str]) -> Vec<String> {
        let a = Analyzer::english();
        let segs = Highlighter::from_terms(&a, terms).highlight(text);
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
