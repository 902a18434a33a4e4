//! Parsing what a reader types. The language: words are ANDed; `"an exact phrase"`; `-word` or
//! `-"a phrase"` excludes; `OR` between two terms makes either do; a hyphenated or slashed token
//! (`al-Qaeda`, `9/11`) is a phrase of its words; the word being typed is a prefix, in an open
//! quote too. Parsing never fails: unbalanced quotes close at the end, a lone `-` or a dangling
//! `OR` is ignored.

use crate::analyze::tokenize;

/// A word or a phrase: words that must appear in this order, next to each other.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Term {
    /// Folded words.
    pub words: Vec<String>,
    /// The same words as typed, for exact-case aliases ("IS" the group, not "is").
    pub raw: Vec<String>,
    /// The last word is still being typed: it matches as a prefix.
    pub prefix: bool,
    /// Written in quotes: this form only (no typo tolerance, no aliases; a prefix only while
    /// the quote is still open).
    pub quoted: bool,
    /// A hyphenated word's parts written as one ("counterterrorism" for "counter-terrorism"):
    /// an alternative the parser adds, not a word the reader typed.
    pub joined: bool,
    /// Its words match anywhere in an article, each on its own, not as a phrase: the words of a
    /// name still being typed, which the search groups to find the name's entity as well.
    pub loose: bool,
}

/// Terms of which any may match (`a OR b`), possibly negated (`-a`: that word as typed, or any
/// name of what it names, with no typo forgiven).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Clause {
    pub any: Vec<Term>,
    pub negated: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub clauses: Vec<Clause>,
    /// Words past [`MAX_WORDS`], left out.
    pub ignored: usize,
}

/// The words a query is searched for, as web search engines limit them: a pasted paragraph
/// would otherwise cost a search per word, each ANDed with all the others.
pub const MAX_WORDS: usize = 32;

/// A piece of the query text before terms are built.
#[derive(Debug)]
enum Piece<'a> {
    /// `span`: where the piece stands in the query, its `-` and quotes included.
    Text {
        text: &'a str,
        quoted: bool,
        negated: bool,
        at_end: bool,
        span: (usize, usize),
    },
    Or {
        span: (usize, usize),
    },
}

/// Straight and typographic double quotes: phone keyboards type the latter.
pub fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„')
}

fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |k: usize| chars.get(k).map_or(text.len(), |(i, _)| *i);
    let mut k = 0;
    while k < chars.len() {
        if chars[k].1.is_whitespace() {
            k += 1;
            continue;
        }
        let mut negated = false;
        let first = at(k);
        if chars[k].1 == '-' {
            negated = true;
            k += 1;
            if k >= chars.len() || chars[k].1.is_whitespace() {
                continue; // a lone "-"
            }
        }
        if is_quote(chars[k].1) {
            let start = k + 1;
            let end = (start..chars.len()).find(|&n| is_quote(chars[n].1));
            let stop = end.unwrap_or(chars.len());
            k = end.map_or(chars.len(), |e| e + 1);
            let span = (first, at(k));
            // A quote still open is being typed: its last word is a prefix.
            out.push(Piece::Text {
                text: &text[at(start)..at(stop)],
                quoted: true,
                negated,
                at_end: end.is_none(),
                span,
            });
            continue;
        }
        let start = k;
        while k < chars.len() && !chars[k].1.is_whitespace() && !is_quote(chars[k].1) {
            k += 1;
        }
        let word = &text[at(start)..at(k)];
        if word == "OR" && !negated {
            out.push(Piece::Or { span: (first, at(k)) });
        } else {
            let span = (first, at(k));
            out.push(Piece::Text { text: word, quoted: false, negated, at_end: k == chars.len(), span });
        }
    }
    out
}

impl Query {
    pub fn parse(text: &str) -> Self {
        let mut clauses: Vec<Clause> = Vec::new();
        let mut join_next = false;
        let (mut kept, mut ignored) = (0, 0);
        for piece in pieces(text) {
            match piece {
                Piece::Or { .. } => join_next = !clauses.is_empty(),
                Piece::Text { text, quoted, negated, at_end, .. } => {
                    let mut tokens = tokenize(text);
                    let room = MAX_WORDS - kept;
                    let cut = tokens.len() > room;
                    if cut {
                        ignored += tokens.len() - room;
                        tokens.truncate(room);
                    }
                    if tokens.is_empty() {
                        continue;
                    }
                    kept += tokens.len();
                    let raw: Vec<String> = tokens.iter().map(|t| text[t.start..t.end].to_string()).collect();
                    let words: Vec<String> = tokens.into_iter().map(|t| t.folded).collect();
                    // "counter-terrorism" also finds "counterterrorism": archives write such
                    // words both ways, and "MI-5" or "M.I.5" is "MI5". Not numbers alone: "9/11"
                    // is not "911", nor "2016-17" "201617".
                    let joined = (!quoted
                        && words.len() > 1
                        && words.iter().all(|w| w.chars().all(char::is_alphanumeric))
                        && words.iter().any(|w| w.chars().any(char::is_alphabetic)))
                    .then(|| (words.concat(), raw.concat()));
                    // Only a word still being typed is a prefix, "al-qa" too ("al" "qa…"), and the
                    // last word of a quote still open. An excluded word is never one: "-p" on
                    // the way to "-pakistan" would exclude every word in p.
                    let last_char_is_word = text.chars().last().is_some_and(char::is_alphanumeric);
                    let prefix = at_end && !negated && last_char_is_word && !cut;
                    let term = Term { words, raw, prefix, quoted, joined: false, loose: false };
                    match clauses.last_mut() {
                        Some(last) if join_next && !last.negated && !negated => last.any.push(term),
                        _ => clauses.push(Clause { any: vec![term], negated }),
                    }
                    if let (Some((word, raw)), Some(last)) = (joined, clauses.last_mut()) {
                        last.any.push(Term {
                            words: vec![word],
                            raw: vec![raw],
                            prefix,
                            quoted,
                            joined: true,
                            loose: false,
                        });
                    }
                    join_next = false;
                }
            }
        }
        Self { clauses, ignored }
    }

    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }
}

/// Whether `text` asks for anything: words, a phrase, an exclusion. A lone `-`, a quote or
/// `OR` asks for nothing, and lists every article as an empty query does.
pub fn asks_for_something(text: &str) -> bool {
    !text.trim().is_empty() && !Query::parse(text).is_empty()
}

/// The query as typed with its exclusions (`-word`, `-"a phrase"`) taken out, for offering the
/// search without them when they removed every match; `None` when it has none, or nothing else.
/// It asks for what the rest of the query asked for: an `OR` beside an exclusion, which the
/// parser passed over, goes with it ("a OR -b c" is "a c", not "a OR c"); and when an exclusion
/// ended the query, so that its last word was not being typed, a space keeps that word whole.
pub fn without_exclusions(text: &str) -> Option<String> {
    let pieces = pieces(text);
    let negated = |i: usize| matches!(pieces.get(i), Some(Piece::Text { negated: true, .. }));
    if !(0..pieces.len()).any(negated) {
        return None;
    }
    let mut cut: Vec<(usize, usize)> = Vec::new();
    for (i, piece) in pieces.iter().enumerate() {
        match *piece {
            Piece::Text { negated: true, span, .. } => cut.push(span),
            Piece::Or { span } if (i > 0 && negated(i - 1)) || negated(i + 1) => cut.push(span),
            _ => {}
        }
    }
    let mut kept = String::new();
    let mut last = 0;
    for (start, end) in cut {
        kept.push_str(&text[last..start]);
        last = end;
    }
    kept.push_str(&text[last..]);
    let mut rest = kept.split_whitespace().collect::<Vec<_>>().join(" ");
    if rest.is_empty() {
        return None;
    }
    if negated(pieces.len() - 1) {
        rest.push(' ');
    }
    Some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A term as parsed, compared without its raw words.
    fn term(words: &[&str], prefix: bool, quoted: bool) -> (Vec<String>, bool, bool) {
        (words.iter().map(|w| w.to_string()).collect(), prefix, quoted)
    }

    fn t(term: &Term) -> (Vec<String>, bool, bool) {
        (term.words.clone(), term.prefix, term.quoted)
    }

    #[test]
    fn words_past_the_limit_are_left_out() {
        let q = Query::parse(&"word ".repeat(40));
        assert_eq!(q.clauses.len(), MAX_WORDS);
        assert_eq!(q.ignored, 40 - MAX_WORDS);
        let q = Query::parse(&format!("{}\"a quoted phrase cut short\"", "w ".repeat(MAX_WORDS - 2)));
        assert_eq!(q.clauses.last().unwrap().any[0].words, ["a", "quoted"]);
        assert!(!q.clauses.last().unwrap().any[0].prefix);
        assert_eq!(q.ignored, 3);
        assert_eq!(Query::parse("lone actor").ignored, 0);
    }

    #[test]
    fn last_word_is_a_prefix_while_typing() {
        let q = Query::parse("Lone act");
        assert_eq!(q.clauses.len(), 2);
        assert_eq!(t(&q.clauses[1].any[0]), term(&["act"], true, false));
        assert!(!q.clauses[0].any[0].prefix);
        assert_eq!(Query::parse("IS Daesh").clauses[0].any[0].raw, ["IS"]);
        assert!(!Query::parse("lone actor ").clauses[1].any[0].prefix);
        assert!(Query::parse("  ").is_empty());
    }

    #[test]
    fn phrases_exclusions_and_or() {
        let q = Query::parse(r#""lone actor" -Daesh madrid OR Manchester"#);
        assert_eq!(q.clauses.len(), 3);
        assert_eq!(
            q.clauses[0].any.iter().map(t).collect::<Vec<_>>(),
            [term(&["lone", "actor"], false, true)]
        );
        assert!(q.clauses[1].negated);
        assert_eq!(q.clauses[2].any.len(), 2);
        assert_eq!(t(&q.clauses[2].any[1]), term(&["manchester"], true, false));
    }

    #[test]
    fn hyphenated_tokens_are_phrases() {
        let q = Query::parse("al-Qa’ida 9/11");
        assert_eq!(t(&q.clauses[0].any[0]), term(&["al", "qaida"], false, false));
        assert_eq!(t(&q.clauses[1].any[0]), term(&["9", "11"], true, false));
        // Written as one word, too; not numbers, nor a quoted form.
        assert_eq!(t(&q.clauses[0].any[1]), term(&["alqaida"], false, false));
        assert!(q.clauses[0].any[1].joined && !q.clauses[0].any[0].joined);
        assert_eq!(q.clauses[1].any.len(), 1);
        assert_eq!(Query::parse("\"counter-terrorism\"").clauses[0].any.len(), 1);
        for written in ["MI-5", "M.I.5", "mi-5"] {
            assert_eq!(t(&Query::parse(written).clauses[0].any[1]), term(&["mi5"], true, false), "{written}");
        }
        assert_eq!(Query::parse("2016-17").clauses[0].any.len(), 1, "numbers are not joined");
        let q = Query::parse("-counter-terrorism");
        assert!(q.clauses[0].negated && q.clauses[0].any.len() == 2, "both forms excluded");
    }

    #[test]
    fn malformed_queries_still_parse() {
        // A quote still open is being typed: its last word is a prefix, until a space.
        assert_eq!(t(&Query::parse(r#""lone act"#).clauses[0].any[0]), term(&["lone", "act"], true, true));
        assert_eq!(t(&Query::parse(r#""lone act "#).clauses[0].any[0]), term(&["lone", "act"], false, true));
        assert_eq!(
            t(&Query::parse(r#""lone act" x"#).clauses[0].any[0]),
            term(&["lone", "act"], false, true)
        );
        // An excluded word is excluded as typed, never as a prefix.
        assert_eq!(t(&Query::parse("syria -pak").clauses[1].any[0]), term(&["pak"], false, false));
        // Marks that fold to nothing are no words.
        assert!(Query::parse("ʿ ʼ ʻ").is_empty());
        assert_eq!(Query::parse("kashmir ʿ").clauses.len(), 1);
        assert_eq!(t(&Query::parse("“lone actor”").clauses[0].any[0]), term(&["lone", "actor"], false, true));
        assert!(Query::parse("-").is_empty());
        assert!(Query::parse("\"\"").is_empty());
        assert_eq!(Query::parse("OR madrid OR").clauses.len(), 1);
        assert!(!Query::parse("- madrid").clauses[0].negated);
        assert_eq!(Query::parse("--x").clauses.len(), 1);
        let q = Query::parse("a -b OR c");
        assert_eq!(q.clauses.len(), 3, "a negated clause takes no alternatives");
    }

    #[test]
    fn exclusions_can_be_taken_out() {
        // An exclusion ended the query: the word before it stays whole, not a prefix.
        assert_eq!(without_exclusions("madrid -spain").as_deref(), Some("madrid "));
        assert_eq!(
            without_exclusions(r#"-"lone actor" Daesh -“al qaida”  attacks"#).as_deref(),
            Some("Daesh attacks")
        );
        assert_eq!(without_exclusions(r#"madrid -"train bomb"#).as_deref(), Some("madrid "));
        // The same query without them: an OR the parser passed over beside an exclusion goes.
        for (q, rest) in [
            ("madrid -spain OR bombing", "madrid bombing"),
            ("a OR -b OR c", "a c"),
            ("-b OR c", "c"),
            ("a OR b -c d", "a OR b d"),
        ] {
            assert_eq!(without_exclusions(q).as_deref(), Some(rest), "{q}");
            assert_eq!(
                Query::parse(rest).clauses,
                Query::parse(q).clauses.into_iter().filter(|c| !c.negated).collect::<Vec<_>>(),
                "{q}: the same clauses"
            );
        }
        // A hyphen inside a word, or a lone one, excludes nothing; nothing but exclusions
        // leaves nothing to offer.
        assert_eq!(without_exclusions("al-qaeda - madrid"), None);
        assert_eq!(without_exclusions("madrid"), None);
        assert_eq!(without_exclusions("-al-qaeda -spain"), None);
    }
}
