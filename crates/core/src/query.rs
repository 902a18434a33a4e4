//! Parsing what a reader types into query clauses.

use crate::analyze::tokenize;

/// One word of a query, folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub word: String,
    /// The reader is still typing this word: it matches as a prefix.
    pub prefix: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub clauses: Vec<Clause>,
}

impl Query {
    /// Words are ANDed; the last word is a prefix unless the reader has typed past it
    /// (a space or punctuation after it). Never fails: any text is a query.
    pub fn parse(text: &str) -> Self {
        let tokens = tokenize(text);
        let typing = tokens.last().is_some_and(|t| t.end == text.len());
        let n = tokens.len();
        let clauses = tokens
            .into_iter()
            .enumerate()
            .map(|(i, t)| Clause { word: t.folded, prefix: typing && i + 1 == n })
            .collect();
        Self { clauses }
    }

    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_word_is_a_prefix_while_typing() {
        let q = Query::parse("Lone act");
        assert_eq!(q.clauses.len(), 2);
        assert!(!q.clauses[0].prefix && q.clauses[1].prefix);
        assert_eq!(q.clauses[1].word, "act");
        assert!(!Query::parse("lone actor ").clauses[1].prefix);
        assert!(Query::parse("  ").is_empty());
    }
}
