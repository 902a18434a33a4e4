//! Bounded edit distance over the term dictionary: walking the fst with it visits only the
//! branches that can still end within `k` edits of the query, instead of every word.

/// The longest word (in bytes) whose typos are forgiven: the automaton's state holds one bit per
/// prefix of the query, lengths 0 to `MAX_LEN`, in a `u32`.
pub const MAX_LEN: usize = 31;

/// The most edits forgiven: one bit set per allowed distance, 0 to `MAX_K`.
pub const MAX_K: u8 = 2;

/// Edit distance (on bytes) of at most `k` (at most [`MAX_K`]) from `query`, simulated
/// bit-parallel (Wu and Manber's NFA): a state is a few machine words and a byte costs a dozen
/// bit operations. Two neighbouring bytes swapped are one edit ("britian" for "britain"), the
/// commonest slip of typing: the distance is the optimal string alignment distance, Levenshtein's
/// with transpositions. A query longer than [`MAX_LEN`] matches nothing.
/// (A dynamic-programming row of 32 entries, copied and filled per byte walked, cost a fifth
/// more.)
struct Within {
    /// Bit `i + 1` of `masks[b]` is set when the query's byte `i` is `b`.
    masks: [u32; 256],
    /// Bits 0 to the query's length.
    full: u32,
    len: usize,
    k: usize,
}

/// Which prefixes of the query are within each distance of the bytes read so far: bit `i` of
/// `reach[d]` is set when the query's first `i` bytes are at most `d` edits from them. Each
/// distance's set contains the one below it.
#[derive(Clone, Copy, Debug)]
struct Row {
    reach: [u32; MAX_K as usize + 1],
    /// Transpositions half read: bit `i + 2` of `swapping[d]` is set when the query's first `i`
    /// bytes were within `d - 1` edits before the last byte, and that byte is the query's byte
    /// `i + 1`; the query's byte `i` next makes its first `i + 2` bytes within `d`.
    swapping: [u32; MAX_K as usize + 1],
}

impl Row {
    /// The edit distance from the whole query (of `query_len` bytes), or `MAX_K + 1` past it.
    fn distance(&self, query_len: usize) -> u8 {
        let bit = 1u64 << query_len.min(32);
        self.reach.iter().position(|&r| u64::from(r) & bit != 0).unwrap_or(self.reach.len()) as u8
    }
}

impl Within {
    fn new(query: &str, k: u8) -> Self {
        let query = query.as_bytes();
        let mut masks = [0u32; 256];
        let fits = query.len() <= MAX_LEN;
        if fits {
            for (i, &b) in query.iter().enumerate() {
                masks[usize::from(b)] |= 1 << (i + 1);
            }
        }
        let full = if fits { (u64::MAX >> (63 - query.len())) as u32 } else { 0 };
        Self { masks, full, len: query.len(), k: usize::from(k.min(MAX_K)) }
    }

    fn start(&self) -> Row {
        // Before any byte, the prefix of length i is i deletions away.
        let mut reach = [0u32; MAX_K as usize + 1];
        for (d, r) in reach.iter_mut().enumerate().take(self.k + 1) {
            *r = (u64::MAX >> (63 - d)) as u32 & self.full;
        }
        Row { reach, swapping: [0; MAX_K as usize + 1] }
    }

    fn is_match(&self, row: &Row) -> bool {
        self.full != 0 && row.reach[self.k] >> self.len & 1 == 1
    }

    fn accept(&self, row: &Row, byte: u8) -> Row {
        let mask = self.masks[usize::from(byte)];
        let mut next = [0u32; MAX_K as usize + 1];
        let mut swapping = [0u32; MAX_K as usize + 1];
        next[0] = (row.reach[0] << 1) & mask;
        for d in 1..=self.k {
            let matched = (row.reach[d] << 1) & mask;
            // An extra byte read (insertion), a byte replaced, a query byte skipped (deletion),
            // the second byte of two swapped (transposition).
            let edited = row.reach[d - 1] | (row.reach[d - 1] << 1) | (next[d - 1] << 1);
            let swapped = ((row.swapping[d] >> 1) & mask) << 1;
            next[d] = (matched | edited | swapped) & self.full;
            swapping[d] = (row.reach[d - 1] << 2) & mask;
        }
        Row { reach: next, swapping }
    }

    /// The bytes that can follow without leaving the k-edit bound, when the budget is spent:
    /// the query's next byte after each prefix still reachable. `None` when any byte can (an
    /// edit is still available).
    fn only_next(&self, row: &Row, query: &[u8]) -> Option<([u8; 32], usize)> {
        if self.k > 0 && row.reach[self.k - 1] != 0 {
            return None;
        }
        let (mut bytes, mut n) = ([0u8; 32], 0);
        let mut add = |i: usize| {
            if !bytes[..n].contains(&query[i]) {
                bytes[n] = query[i];
                n += 1;
            }
        };
        let mut bits = row.reach[self.k] & !(1u32.checked_shl(self.len as u32).unwrap_or(0));
        while bits != 0 {
            let i = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            add(i);
        }
        // A transposition half read goes on with the byte it swapped.
        let mut bits = if self.k > 0 { row.swapping[self.k] } else { 0 };
        while bits != 0 {
            let i = bits.trailing_zeros() as usize - 2;
            bits &= bits - 1;
            add(i);
        }
        bytes[..n].sort_unstable();
        Some((bytes, n))
    }
}

/// The words of `fst` within `k` typos of `query`, in the dictionary's order, with their values
/// and costs. A typo is an edit, but one on the first letter costs two, as in Meilisearch (whose
/// thresholds of one typo from five letters and two from nine we share): a word that does not
/// start with the query's first byte is found only within `k - 1` edits, and reported at one
/// more. People rarely mistype a word's first letter, and walking every first letter of the
/// dictionary was most of a typo search's time (on the State of the Union addresses, 0.109 of a
/// three-word query's 0.120 ms natively), and found its least likely words ("nation" for
/// "ration"). A first-letter slip in a word of five to eight letters is left to the
/// did-you-mean suggestion, which allows one edit more.
///
/// A walk of the fst's nodes rather than `fst`'s automaton stream: once a path has spent its k
/// edits, only the query's own next bytes can continue it, and those are looked up directly
/// instead of trying every transition of the node. Most of the dictionary a fuzzy search
/// touches lies past that point: on the 249 State of the Union addresses (26,434 words) a
/// two-edit search took a third of the time of the automaton stream, a one-edit search a sixth.
pub fn find<D: AsRef<[u8]>>(fst: &fst::raw::Fst<D>, query: &str, k: u8) -> Vec<(Vec<u8>, u64, u8)> {
    let q = query.as_bytes();
    let same_first = Within::new(query, k);
    // Only a budget of two or more leaves an edit once the first letter has cost two.
    let other_first = (k >= 2).then(|| Within::new(query, k - 1));
    let mut found = Vec::new();
    let root = fst.root();
    if root.is_final() && q.is_empty() {
        found.push((Vec::new(), root.final_output().value(), 0));
    }
    for t in root.transitions() {
        let (within, extra) = match &other_first {
            _ if q.first() == Some(&t.inp) => (&same_first, 0),
            Some(other) => (other, 1),
            None => continue,
        };
        let mut walk = Walk { fst, within, query: q, word: Vec::new(), found: &mut found, extra };
        walk.step(t, fst::raw::Output::zero(), &within.start());
    }
    found
}

struct Walk<'a, D> {
    fst: &'a fst::raw::Fst<D>,
    within: &'a Within,
    query: &'a [u8],
    word: Vec<u8>,
    found: &'a mut Vec<(Vec<u8>, u64, u8)>,
    /// Added to each word's distance: one for a word whose first letter was mistyped.
    extra: u8,
}

impl<D: AsRef<[u8]>> Walk<'_, D> {
    fn node(&mut self, node: fst::raw::Node<'_>, out: fst::raw::Output, row: Row) {
        if node.is_final() && self.within.is_match(&row) {
            let value = out.cat(node.final_output()).value();
            self.found.push((self.word.clone(), value, row.distance(self.within.len) + self.extra));
        }
        match self.within.only_next(&row, self.query) {
            Some((bytes, n)) => {
                for &b in &bytes[..n] {
                    if let Some(i) = node.find_input(b) {
                        self.step(node.transition(i), out, &row);
                    }
                }
            }
            None => {
                for t in node.transitions() {
                    self.step(t, out, &row);
                }
            }
        }
    }

    fn step(&mut self, t: fst::raw::Transition, out: fst::raw::Output, row: &Row) {
        let next = self.within.accept(row, t.inp);
        if next.reach[self.within.k] != 0 {
            self.word.push(t.inp);
            self.node(self.fst.node(t.addr), out.cat(t.out), next);
            self.word.pop();
        }
    }
}

/// Edit distance with transpositions (optimal string alignment), as the automaton counts it.
pub fn distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    // Three rows: a transposition reaches back two.
    let mut before: Vec<usize> = vec![0; a.len() + 1];
    let mut last: Vec<usize> = (0..=a.len()).collect();
    let mut row: Vec<usize> = vec![0; a.len() + 1];
    for j in 1..=b.len() {
        row[0] = j;
        for i in 1..=a.len() {
            let mut d =
                (last[i - 1] + usize::from(a[i - 1] != b[j - 1])).min(last[i] + 1).min(row[i - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[i - 2] + 1);
            }
            row[i] = d;
        }
        std::mem::swap(&mut before, &mut last);
        std::mem::swap(&mut last, &mut row);
    }
    last[a.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use fst::Set;

    #[test]
    fn finds_words_within_k_edits() {
        let set = Set::from_iter(["error", "madrid", "tenor", "terror", "terrorism", "terrorist"]).unwrap();
        let find = |q: &str, k: u8| {
            find(set.as_fst(), q, k)
                .into_iter()
                .map(|(w, _, _)| String::from_utf8(w).unwrap())
                .collect::<Vec<_>>()
        };
        assert_eq!(find("terorism", 1), ["terrorism"]);
        assert_eq!(find("terrorsit", 2), ["terrorism", "terrorist"], "terrorism: a swap and a typo");
        assert_eq!(find("terrorsit", 1), ["terrorist"]);
        assert_eq!(find("terrorisim", 1), ["terrorism"]);
        assert_eq!(find("teror", 1), ["tenor", "terror"]);
        // "error" is two edits away, one on the first letter: three.
        assert_eq!(find("teror", 2), ["tenor", "terror"]);
        assert_eq!(find("madird", 1), ["madrid"], "two letters swapped are one edit");
        assert_eq!(find("mdarid", 1), ["madrid"]);
        assert_eq!(find("madrdi", 1), ["madrid"], "at the end too");
        assert_eq!(find("mdarid", 0), Vec::<String>::new());
        assert_eq!(distance("madird", "madrid"), 1);
        assert_eq!(distance("ca", "abc"), 3, "optimal string alignment: a swapped pair is not edited again");
        let with_cost = |q: &str, k: u8| {
            super::find(set.as_fst(), q, k)
                .into_iter()
                .map(|(w, _, d)| (String::from_utf8(w).unwrap(), d))
                .collect::<Vec<_>>()
        };
        assert_eq!(with_cost("nadrid", 1), [], "a typo on the first letter costs two");
        assert_eq!(with_cost("nadrid", 2), [("madrid".to_string(), 2)]);
        assert_eq!(with_cost("adrid", 2), [("madrid".to_string(), 2)], "the first letter left out");
        assert_eq!(with_cost("nadri", 2), [], "a first-letter typo and one more are three");
        assert_eq!(with_cost("terorrism", 2), [("terrorism".to_string(), 1), ("terrorist".to_string(), 2)]);
        assert_eq!(distance("", "abc"), 3);
        let long = "a".repeat(MAX_LEN + 1);
        assert_eq!(find(&long, 2), Vec::<String>::new(), "past MAX_LEN, no typo is forgiven");
        let longest = Set::from_iter([&"b".repeat(MAX_LEN)]).unwrap();
        let typo = format!("{}c", "b".repeat(MAX_LEN - 1));
        assert_eq!(
            super::find(longest.as_fst(), &typo, 1).len(),
            1,
            "a word of MAX_LEN bytes still forgives its typos"
        );
    }

    /// Every word the automaton finds, with the cost it reports, against edit distance over
    /// all words of a small alphabet (so that near-misses are common), plus one for a word that
    /// does not start with the query's first letter.
    #[test]
    fn agrees_with_plain_edit_distance() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let mut word = |len: u64| (0..len).map(|_| char::from(b'a' + next(3) as u8)).collect::<String>();
        let mut words: Vec<String> = (0..3000).map(|i| word(1 + i % 12)).collect();
        words.sort();
        words.dedup();
        let set = fst::Map::from_iter(words.iter().enumerate().map(|(i, w)| (w, i as u64))).unwrap();
        for q in (0..200).map(|i| word(i % 11)) {
            for k in 0..=MAX_K {
                let found: Vec<(String, u64, usize)> = find(set.as_fst(), &q, k)
                    .into_iter()
                    .map(|(w, v, d)| (String::from_utf8(w).unwrap(), v, usize::from(d)))
                    .collect();
                let expected: Vec<(String, u64, usize)> = words
                    .iter()
                    .enumerate()
                    .map(|(i, w)| {
                        let d = distance(&q, w);
                        let first_letter = usize::from(d > 0 && q.bytes().next() != w.bytes().next());
                        (w.clone(), i as u64, d + first_letter)
                    })
                    .filter(|(_, _, d)| *d <= usize::from(k))
                    .collect();
                assert_eq!(found, expected, "query {q:?}, k {k}");
            }
        }
    }
}
