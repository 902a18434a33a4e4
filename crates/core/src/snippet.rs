//! Snippets and highlighting: the best window of text around a result's matches, split into
//! plain and marked segments. Segments are plain text; the app renders them as text nodes and
//! `<mark>` elements, never as markup.

use crate::analyze::{tokenize, Analyzer, Token};
use crate::entities::{Alias, Entity, Tagger};
use crate::index::{field_texts, Field, Index};
use crate::model::Article;
use crate::search::Results;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// The first `words` words of `text`, with an ellipsis when cut: the summary line of a result
/// with nothing typed. Shared by the app and the home page pre-rendered at build time, which
/// must show the same text.
pub fn clip_words(text: &str, words: usize) -> String {
    let mut parts = text.split_whitespace();
    let head: Vec<&str> = parts.by_ref().take(words).collect();
    let more = if parts.next().is_some() { " …" } else { "" };
    format!("{}{more}", head.join(" "))
}

/// Words, and characters, of a query that a heading, a tab's title or an announcement repeats.
pub const QUERY_WORDS: usize = 12;
pub const QUERY_CHARS: usize = 100;

/// A query as the page names it: its first [`QUERY_WORDS`] words and at most [`QUERY_CHARS`]
/// characters of them. A pasted paragraph had filled the heading with a screen of capitals, and
/// a pasted link (one long "word") the tab's title.
pub fn clip_query(q: &str) -> String {
    let clipped = clip_words(q.trim(), QUERY_WORDS);
    match clipped.char_indices().nth(QUERY_CHARS) {
        Some((at, _)) => format!("{}…", clipped[..at].trim_end()),
        None => clipped,
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub mark: bool,
}

/// What to mark: words whose index term the query matched, and any written form of the entities
/// it named ("ISIS" marks "Daesh" and "Islamic State" too).
pub struct Highlighter<'a> {
    analyzer: &'a Analyzer,
    /// Terms marked wherever they occur.
    terms: HashSet<String>,
    /// Phrases marked where their words stand in order: each word's place and its terms.
    phrases: Vec<Vec<(usize, HashSet<String>)>>,
    entities: Tagger,
    /// The matched index terms (words and entities) by id, to find snippets from postings.
    ids: HashSet<u32>,
    index: Option<&'a Index>,
}

/// A run of marked tokens, and what it stands for (a term, or an entity's slug).
struct Run {
    first: usize,
    len: usize,
    key: String,
}

impl<'a> Highlighter<'a> {
    pub fn new(index: &'a Index, analyzer: &'a Analyzer, results: &Results) -> Self {
        let mut named: Vec<_> =
            results.entities.iter().map(|&e| index.entities[e as usize].clone()).collect();
        let phrase_terms = results.phrases.iter().flatten().flat_map(|(_, terms)| terms.iter().cloned());
        let ids = results
            .terms
            .iter()
            .cloned()
            .chain(phrase_terms)
            .chain(named.iter().map(|e| crate::entities::entity_term(&e.slug())))
            .chain(results.forms.iter().map(|f| crate::entities::form_term(f)))
            .filter_map(|t| index.term_id(&t))
            .collect();
        // A quoted form ("IS") marks that form as written, not the entity's other names.
        named.extend(results.forms.iter().map(|form| Entity {
            name: String::new(),
            kind: String::new(),
            aliases: vec![Alias { text: form.clone(), exact_case: true }],
            date: None,
        }));
        Self {
            analyzer,
            terms: results.terms.iter().cloned().collect(),
            phrases: phrase_sets(&results.phrases),
            entities: Tagger::new(&named),
            ids,
            index: Some(index),
        }
    }

    /// From bare terms, without entities (tests, and callers that have no results).
    pub fn from_terms(analyzer: &'a Analyzer, terms: &[&str], phrases: &[Vec<(usize, Vec<String>)>]) -> Self {
        Self {
            analyzer,
            terms: terms.iter().map(|t| t.to_string()).collect(),
            phrases: phrase_sets(phrases),
            entities: Tagger::new(&[]),
            ids: HashSet::new(),
            index: None,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.phrases.is_empty() && self.entities.is_empty()
    }

    /// The index term a folded word stands for. With an index, the word list answers (a lookup
    /// in the fst) instead of the language pipeline (regular expressions and a stemmer): this
    /// runs for every word of every snippet, between two keystrokes.
    fn term_of(&self, folded: &str) -> Option<Cow<'a, str>> {
        match self.index {
            Some(index) => Some(Cow::Borrowed(index.terms[index.words.get(folded)? as usize].as_str())),
            None => self.analyzer.term(folded).map(Cow::Owned),
        }
    }

    /// The length of the first phrase whose words stand in order from token `i`, and its number;
    /// `terms` holds each token's index term.
    fn phrase_at(&self, terms: &[Option<Cow<'a, str>>], i: usize) -> Option<(usize, usize)> {
        self.phrases.iter().enumerate().find_map(|(k, phrase)| {
            let fits = phrase.iter().all(|(off, slot)| {
                terms.get(i + off).and_then(Option::as_ref).is_some_and(|t| slot.contains(t.as_ref()))
            });
            fits.then(|| (phrase.last().map_or(1, |(off, _)| off + 1), k))
        })
    }

    fn runs(&self, text: &str, tokens: &[Token]) -> Vec<Run> {
        let mut runs: Vec<Run> = Vec::new();
        let mentions = self.entities.mentions(text, tokens);
        let mut m = mentions.iter().peekable();
        // Each token's term, looked up once for the phrases and the single words.
        let terms: Vec<Option<Cow<'a, str>>> = tokens.iter().map(|t| self.term_of(&t.folded)).collect();
        let mut i = 0;
        while i < tokens.len() {
            // Mentions that began inside the run just marked are passed over.
            while m.next_if(|x| x.token < i).is_some() {}
            if let Some(mention) = m.next_if(|x| x.token == i) {
                runs.push(Run { first: i, len: mention.len, key: format!("entity {}", mention.entity) });
                i += mention.len;
            } else if let Some((len, k)) = self.phrase_at(&terms, i) {
                runs.push(Run { first: i, len, key: format!("phrase {k}") });
                i += len;
            } else {
                if let Some(term) = terms[i].as_ref().filter(|t| self.terms.contains(t.as_ref())) {
                    runs.push(Run { first: i, len: 1, key: term.to_string() });
                }
                i += 1;
            }
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

    /// `text` with its tokens and its runs of matches.
    fn read<'b>(&self, text: &'b str) -> (&'b str, Vec<Token>, Vec<Run>) {
        let tokens = tokenize(text);
        let runs = self.runs(text, &tokens);
        (text, tokens, runs)
    }

    /// The paragraph of the body (or else the blogger's note) with the most distinct matches,
    /// found from the postings of article `doc` alone: no paragraph is read but the chosen one,
    /// so a snippet costs the same for a 300-word op-ed and a 9,000-word address.
    /// It comes with its tokens and its runs of matches, found once.
    fn best_text<'b>(&self, doc: u32, article: &'b Article) -> Option<(&'b str, Vec<Token>, Vec<Run>)> {
        let index = self.index?;
        let starts = index.text_starts.get(doc as usize)?;
        // (field rank, text) → distinct terms, occurrences
        let mut found: HashMap<(usize, usize), (HashSet<u32>, usize)> = HashMap::new();
        for &id in &self.ids {
            for p in index.postings_in(id, doc) {
                let Some(which) = (p.field as usize).checked_sub(Field::Note as usize) else { continue };
                for &pos in &p.positions {
                    let text = starts[which].partition_point(|&s| s <= pos).saturating_sub(1);
                    let e = found.entry((which, text)).or_default();
                    e.0.insert(id);
                    e.1 += 1;
                }
            }
        }
        // Most distinct terms, then most occurrences; the body (1) before the note (0); earliest.
        let mut ranked: Vec<(usize, usize, usize, usize)> =
            found.into_iter().map(|((which, text), (ids, n))| (ids.len(), n, which, text)).collect();
        ranked.sort_unstable_by_key(|&(ids, n, which, text)| {
            std::cmp::Reverse((ids, n, which, std::cmp::Reverse(text)))
        });
        let texts = field_texts(article);
        let text_of = |&(_, _, which, text): &(usize, usize, usize, usize)| {
            texts[Field::Note as usize + which].get(text).copied()
        };
        // The postings count a phrase's or a name's words one by one, wherever they stand: the
        // first of the best few paragraphs with a whole match to mark is the one shown.
        let mut best = None;
        for read in ranked.iter().take(8).filter_map(text_of).map(|text| self.read(text)) {
            if !read.2.is_empty() {
                return Some(read);
            }
            // Without a whole match anywhere, the first stands, read once.
            best.get_or_insert(read);
        }
        best
    }

    /// The window of about `max_words` words around the best matches of article `doc`; the
    /// opening of the piece when the match was in the title or the metadata.
    pub fn snippet(&self, doc: u32, article: &Article, max_words: usize) -> Vec<Segment> {
        let found = self
            .best_text(doc, article)
            .or_else(|| Some(self.read(article.summary.as_deref().or_else(|| article.body_texts().next())?)));
        let Some((text, toks, runs)) = found else { return Vec::new() };
        // The window starting at a match that holds the most distinct matches.
        let mut best: Option<(usize, usize, usize)> = None; // (distinct, matches, first token)
        for (k, run) in runs.iter().enumerate() {
            let window: Vec<&str> = runs[k..]
                .iter()
                .take_while(|r| r.first < run.first + max_words)
                .map(|r| r.key.as_str())
                .collect();
            let distinct = window.iter().collect::<HashSet<_>>().len();
            let cand = (distinct, window.len(), run.first);
            if best.is_none_or(|b| (cand.0, cand.1) > (b.0, b.1)) {
                best = Some(cand);
            }
        }
        let first = best.map_or(0, |b| b.2);
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

fn phrase_sets(phrases: &[Vec<(usize, Vec<String>)>]) -> Vec<Vec<(usize, HashSet<String>)>> {
    phrases
        .iter()
        .map(|p| p.iter().map(|(off, terms)| (*off, terms.iter().cloned().collect())).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_is_named_by_its_first_words_and_characters() {
        assert_eq!(clip_query("  lone actor  "), "lone actor");
        let words = "Kashmir ".repeat(20);
        assert_eq!(clip_query(&words), format!("{} …", "Kashmir ".repeat(12).trim()));
        // One long word (a pasted link): cut at a character, never inside one.
        let link = "é".repeat(150);
        assert_eq!(clip_query(&link), format!("{}…", "é".repeat(QUERY_CHARS)));
    }

    fn marks(text: &str, terms: &[&str]) -> Vec<String> {
        marks_with(text, terms, &[])
    }

    fn marks_with(text: &str, terms: &[&str], phrases: &[&[(usize, &str)]]) -> Vec<String> {
        let a = Analyzer::english();
        let phrases: Vec<Vec<(usize, Vec<String>)>> =
            phrases.iter().map(|p| p.iter().map(|(off, t)| (*off, vec![t.to_string()])).collect()).collect();
        let segs = Highlighter::from_terms(&a, terms, &phrases).highlight(text);
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

    #[test]
    fn marks_phrases_only_where_their_words_stand_in_order() {
        let al_qaida: &[(usize, &str)] = &[(0, "al"), (1, "qaida")];
        assert_eq!(
            marks_with("Al-Zarqawi of Al-Qa’ida, and qaida al", &[], &[al_qaida]),
            ["Al-Qa’ida"],
            "neither word alone, nor the two out of order"
        );
        // A stop word keeps its place inside the phrase (any word may stand there, as in the
        // search) and is marked with it.
        let boe: &[(usize, &str)] = &[(0, "bank"), (2, "england")];
        assert_eq!(
            marks_with("The Bank of England, a bank, England", &["madrid"], &[boe]),
            ["Bank of England"]
        );
        // A word the query also has on its own is marked everywhere.
        assert_eq!(marks_with("Al-Zarqawi of Al-Qa’ida", &["al"], &[al_qaida]), ["Al", "Al-Qa’ida"]);
    }
}
