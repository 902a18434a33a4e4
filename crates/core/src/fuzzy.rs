//! Bounded edit distance as an fst automaton: walking the term dictionary with it visits only
//! the branches that can still end within `k` edits of the query, instead of every word.

use fst::Automaton;

/// Levenshtein distance (on bytes) of at most `k` from `query`.
pub struct Within<'a> {
    query: &'a [u8],
    k: u8,
}

impl<'a> Within<'a> {
    pub fn new(query: &'a str, k: u8) -> Self {
        Self { query: query.as_bytes(), k }
    }
}

impl Automaton for Within<'_> {
    /// One row of the edit-distance table: distance from each prefix of the query to the input
    /// read so far, capped at k + 1.
    type State = Vec<u8>;

    fn start(&self) -> Vec<u8> {
        (0..=self.query.len()).map(|i| (i as u8).min(self.k + 1)).collect()
    }

    fn is_match(&self, row: &Vec<u8>) -> bool {
        row.last().is_some_and(|&d| d <= self.k)
    }

    fn can_match(&self, row: &Vec<u8>) -> bool {
        row.iter().any(|&d| d <= self.k)
    }

    fn accept(&self, row: &Vec<u8>, byte: u8) -> Vec<u8> {
        let cap = self.k + 1;
        let mut next = Vec::with_capacity(row.len());
        next.push((row[0] + 1).min(cap));
        for i in 1..row.len() {
            let substitute = row[i - 1] + u8::from(self.query[i - 1] != byte);
            let delete = row[i] + 1;
            let insert = next[i - 1] + 1;
            next.push(substitute.min(delete).min(insert).min(cap));
        }
        next
    }
}

/// Plain edit distance, for ranking the words the automaton found.
pub fn distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut row: Vec<usize> = (0..=a.len()).collect();
    for (j, &cb) in b.iter().enumerate() {
        let mut prev = row[0];
        row[0] = j + 1;
        for i in 1..=a.len() {
            let cur = row[i];
            row[i] = (prev + usize::from(a[i - 1] != cb)).min(cur + 1).min(row[i - 1] + 1);
            prev = cur;
        }
    }
    row[a.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use fst::{IntoStreamer, Set, Streamer};

    #[test]
    fn finds_words_within_k_edits() {
        let set = Set::from_iter(["error", "madrid", "tenor", "terror", "terrorism", "terrorist"]).unwrap();
        let find = |q: &str, k: u8| {
            let mut out = Vec::new();
            let mut s = set.search(Within::new(q, k)).into_stream();
            while let Some(w) = s.next() {
                out.push(String::from_utf8(w.to_vec()).unwrap());
            }
            out
        };
        assert_eq!(find("terorism", 1), ["terrorism"]);
        assert_eq!(find("terrorsit", 2), ["terrorist"]);
        assert_eq!(find("terrorisim", 1), ["terrorism"]);
        assert_eq!(find("teror", 1), ["tenor", "terror"]);
        assert_eq!(find("teror", 2), ["error", "tenor", "terror"]);
        assert_eq!(find("madird", 1), Vec::<String>::new(), "a transposition is two edits");
        assert_eq!(find("madird", 2), ["madrid"]);
        assert_eq!(distance("madird", "madrid"), 2);
        assert_eq!(distance("", "abc"), 3);
    }
}
