//! Bounded edit distance as an fst automaton: walking the term dictionary with it visits only
//! the branches that can still end within `k` edits of the query, instead of every word.

use fst::Automaton;

/// The longest word (in bytes) whose typos are forgiven: the automaton's state is a fixed row of
/// this many entries plus one, copied on every byte of the dictionary it walks. A row on the
/// heap (one allocation per byte walked) was nearly all of a three-word query's time.
pub const MAX_LEN: usize = 31;

/// Levenshtein distance (on bytes) of at most `k` from `query`. A query longer than
/// [`MAX_LEN`] matches nothing.
pub struct Within<'a> {
    query: &'a [u8],
    k: u8,
}

impl<'a> Within<'a> {
    pub fn new(query: &'a str, k: u8) -> Self {
        Self { query: query.as_bytes(), k }
    }

    fn fits(&self) -> bool {
        self.query.len() <= MAX_LEN
    }

    /// The prefixes of the query that can be within k edits after `depth` bytes.
    fn band(&self, depth: u8) -> std::ops::RangeInclusive<usize> {
        let (depth, k) = (usize::from(depth), usize::from(self.k));
        depth.saturating_sub(k)..=(depth + k).min(self.query.len())
    }
}

/// One row of the edit-distance table: the distance from each prefix of the query to the `depth`
/// bytes read so far, capped at k + 1. Only the band of prefixes within k of `depth` in length
/// can be within k edits; the rest stay at the cap and are never computed. Entries past the
/// query's length are unused.
#[derive(Clone, Copy, Debug)]
pub struct Row {
    d: [u8; MAX_LEN + 1],
    depth: u8,
}

impl Row {
    /// The edit distance from the whole query, capped at k + 1.
    pub fn distance(&self, query_len: usize) -> u8 {
        self.d[query_len.min(MAX_LEN)]
    }
}

impl Automaton for Within<'_> {
    type State = Row;

    fn start(&self) -> Row {
        let mut d = [self.k + 1; MAX_LEN + 1];
        if self.fits() {
            for (i, d) in d.iter_mut().enumerate().take(self.query.len() + 1) {
                *d = (i as u8).min(self.k + 1);
            }
        }
        Row { d, depth: 0 }
    }

    fn is_match(&self, row: &Row) -> bool {
        self.fits() && row.d[self.query.len()] <= self.k
    }

    fn can_match(&self, row: &Row) -> bool {
        self.fits() && self.band(row.depth).any(|i| row.d[i] <= self.k)
    }

    fn accept(&self, row: &Row, byte: u8) -> Row {
        let cap = self.k + 1;
        let depth = row.depth.saturating_add(1);
        let mut next = Row { d: [cap; MAX_LEN + 1], depth };
        if !self.fits() {
            return next;
        }
        next.d[0] = depth.min(cap);
        for i in self.band(depth) {
            if i == 0 {
                continue;
            }
            let substitute = row.d[i - 1] + u8::from(self.query[i - 1] != byte);
            let delete = row.d[i] + 1;
            let insert = next.d[i - 1] + 1;
            next.d[i] = substitute.min(delete).min(insert).min(cap);
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
        let long = "a".repeat(MAX_LEN + 1);
        assert_eq!(find(&long, 2), Vec::<String>::new(), "past MAX_LEN, no typo is forgiven");
        let longest = Set::from_iter([&"b".repeat(MAX_LEN)]).unwrap();
        let typo = format!("c{}", "b".repeat(MAX_LEN - 1));
        let mut s = longest.search(Within::new(&typo, 1)).into_stream();
        assert!(s.next().is_some(), "a word of MAX_LEN bytes still forgives its typos");
    }
}
