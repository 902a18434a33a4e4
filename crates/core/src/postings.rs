//! Postings lists, stored as one byte stream per term and decoded the first time a query needs
//! the term. Decoding every list at start-up cost seconds and hundreds of MB at 100,000
//! articles (one allocation per article a term occurs in); a query touches a handful of terms.
//!
//! A stream is, per posting: doc id (delta from the previous posting's), field, number of
//! positions, then the positions (each a delta), all as LEB128 varints, mostly single bytes.

use std::sync::OnceLock;

/// Occurrences of one term in one field of one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Posting {
    pub doc: u32,
    pub field: u8,
    pub positions: Vec<u32>,
}

#[derive(Debug, Clone, Default)]
pub struct Postings {
    streams: Vec<Vec<u8>>,
    decoded: Vec<OnceLock<Vec<Posting>>>,
    docs: u32,
    fields: usize,
}

impl PartialEq for Postings {
    fn eq(&self, other: &Self) -> bool {
        self.streams == other.streams
    }
}

/// Appends `v` as a LEB128 varint, as every stream stores its numbers.
pub fn push_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

pub(crate) fn read_varint(bytes: &[u8], at: &mut usize) -> Option<u32> {
    let mut v: u32 = 0;
    for shift in (0..35).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        v |= u32::from(b & 0x7f).checked_shl(shift)?;
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

pub fn encode(list: &[Posting]) -> Vec<u8> {
    let mut out = Vec::with_capacity(list.len() * 4);
    let mut last_doc = 0;
    for p in list {
        push_varint(&mut out, p.doc - last_doc);
        last_doc = p.doc;
        push_varint(&mut out, u32::from(p.field));
        push_varint(&mut out, p.positions.len() as u32);
        let mut last = 0;
        for &pos in &p.positions {
            push_varint(&mut out, pos - last);
            last = pos;
        }
    }
    out
}

/// A posting's doc id (after `doc`, the one before it), field and number of positions; `None`
/// when the stream ends early or they point outside `docs` articles or `fields` fields.
fn read_head(stream: &[u8], at: &mut usize, doc: u32, docs: u32, fields: usize) -> Option<(u32, u8, u32)> {
    let doc = doc.checked_add(read_varint(stream, at)?)?;
    let field = read_varint(stream, at)?;
    let count = read_varint(stream, at)?;
    (doc < docs && (field as usize) < fields).then_some((doc, field as u8, count))
}

/// Decodes one stream; `None` when it ends early or points outside `docs` articles or
/// `fields` fields.
pub fn decode(stream: &[u8], docs: u32, fields: usize) -> Option<Vec<Posting>> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut doc = 0u32;
    while at < stream.len() {
        let (next, field, n) = read_head(stream, &mut at, doc, docs, fields)?;
        doc = next;
        let n = n as usize;
        if n > stream.len() - at {
            return None;
        }
        let mut positions = Vec::with_capacity(n);
        let mut pos = 0u32;
        for _ in 0..n {
            pos = pos.checked_add(read_varint(stream, &mut at)?)?;
            positions.push(pos);
        }
        out.push(Posting { doc, field, positions });
    }
    Some(out)
}

/// One posting as read from its stream without decoding its positions: what ranking and
/// counting need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counted {
    pub doc: u32,
    pub field: u8,
    /// How many times the term occurs in this field of this article.
    pub count: u32,
}

/// Reads a stream's postings in order, stepping over their positions: no allocation, so the
/// first query to need a common term (a prefix's thousands of articles) does not pay for
/// decoding positions it never looks at. It stops at the first damaged posting.
pub struct Scan<'a> {
    stream: &'a [u8],
    at: usize,
    doc: u32,
    docs: u32,
    fields: usize,
}

impl Scan<'_> {
    fn read(&mut self) -> Option<Counted> {
        // Locals, written back once: the loop stays in registers.
        let (stream, mut at) = (self.stream, self.at);
        let (doc, field, count) = read_head(stream, &mut at, self.doc, self.docs, self.fields)?;
        // Positions are varints: each ends with the first byte whose high bit is clear.
        let mut left = count;
        while left > 0 {
            let b = *stream.get(at)?;
            at += 1;
            left -= u32::from(b < 0x80);
        }
        self.at = at;
        self.doc = doc;
        Some(Counted { doc, field, count })
    }
}

impl Iterator for Scan<'_> {
    type Item = Counted;

    fn next(&mut self) -> Option<Counted> {
        if self.at >= self.stream.len() {
            return None;
        }
        let read = self.read();
        if read.is_none() {
            // Damaged: nothing after it is read either.
            self.at = self.stream.len();
        }
        read
    }
}

impl Postings {
    /// From decoded lists (the index builder), kept decoded.
    pub fn from_lists(lists: Vec<Vec<Posting>>, docs: u32, fields: usize) -> Self {
        let streams = lists.iter().map(|l| encode(l)).collect();
        let decoded = lists.into_iter().map(OnceLock::from).collect();
        Self { streams, decoded, docs, fields }
    }

    /// From stored streams (the artifact), decoded on first use.
    pub fn from_streams(streams: Vec<Vec<u8>>, docs: u32, fields: usize) -> Self {
        let decoded = (0..streams.len()).map(|_| OnceLock::new()).collect();
        Self { streams, decoded, docs, fields }
    }

    pub fn streams(&self) -> &[Vec<u8>] {
        &self.streams
    }

    pub fn len(&self) -> usize {
        self.streams.len()
    }

    pub fn is_empty(&self) -> bool {
        self.streams.is_empty()
    }

    /// How common term `i` is, without decoding it: the size of its stream grows with every
    /// article and position it has. Ranking a prefix's thousands of completions by decoded
    /// length decoded all of them, and made the first letters of a word the slowest keystrokes.
    pub fn weight(&self, i: usize) -> usize {
        self.streams[i].len()
    }

    /// The postings of term `i` with their counts, read straight from the stream.
    pub fn scan(&self, i: usize) -> Scan<'_> {
        Scan { stream: &self.streams[i], at: 0, doc: 0, docs: self.docs, fields: self.fields }
    }

    /// Checks every stream without keeping what it decodes: for tools that must know an
    /// artifact is whole (the app trusts the artifact its own build embedded).
    pub fn validate(&self) -> bool {
        self.streams.iter().all(|s| decode(s, self.docs, self.fields).is_some())
    }
}

impl std::ops::Index<usize> for Postings {
    type Output = [Posting];

    /// The postings of term `i`, decoded now if no query needed them before. A damaged stream
    /// reads as no postings: a query on a damaged artifact finds less, and never panics.
    fn index(&self, i: usize) -> &[Posting] {
        self.decoded[i].get_or_init(|| decode(&self.streams[i], self.docs, self.fields).unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_round_trip_and_damage_is_caught() {
        let lists = vec![
            vec![
                Posting { doc: 0, field: 0, positions: vec![0, 3, 200] },
                Posting { doc: 7, field: 3, positions: vec![1_000_000] },
            ],
            vec![],
        ];
        let built = Postings::from_lists(lists.clone(), 8, 4);
        let stored = Postings::from_streams(built.streams().to_vec(), 8, 4);
        assert!(stored.validate());
        assert_eq!(&stored[0], &lists[0][..]);
        assert!(stored[1].is_empty());
        let mut cut = built.streams()[0].clone();
        cut.pop();
        assert_eq!(decode(&cut, 8, 4), None);
        assert_eq!(decode(&built.streams()[0], 7, 4), None, "a doc past the end");
        assert_eq!(decode(&[0xff; 6], 8, 4), None, "a varint too long");
        let counted: Vec<Counted> = stored.scan(0).collect();
        assert_eq!(
            counted,
            [Counted { doc: 0, field: 0, count: 3 }, Counted { doc: 7, field: 3, count: 1 }],
            "a scan counts what decoding reads"
        );
        assert_eq!(stored.scan(1).count(), 0);
        let damaged = Postings::from_streams(vec![cut], 8, 4);
        assert_eq!(damaged.scan(0).count(), 1, "a scan stops at the damaged posting");
        let past = Postings::from_streams(built.streams().to_vec(), 7, 4);
        assert_eq!(past.scan(0).count(), 1, "a scan stops at a doc past the end");
        assert!(!damaged.validate());
        assert!(damaged[0].is_empty());
    }
}
