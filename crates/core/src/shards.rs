//! Body shards: past a size threshold, what only the article view needs (the body, its note
//! calls, related articles) leaves the embedded artifact for compressed files of consecutive
//! articles, loaded on demand. Titles, metadata, facets and the index stay embedded, so search
//! and facets work at once and only reading waits for a shard.
//!
//! A shard file is `RRSH`, the format version, the shard number, then the zlib-compressed
//! postcard of its articles' parts. The index records each shard's CRC-32, so a damaged,
//! truncated or stale shard (from another build) is told apart from a good one before use.

use crate::model::{Article, Block, NoteRef};
use serde::{Deserialize, Serialize};
use std::fmt;

const MAGIC: &[u8; 4] = b"RRSH";
pub const SHARD_FORMAT: u32 = 1;
/// A shard never inflates past this: a corrupt length cannot make the app allocate gigabytes.
const MAX_INFLATED: usize = 256 << 20;

/// When bodies go into shards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShardMode {
    /// Past `AUTO_THRESHOLD` bytes of bodies.
    Auto,
    Always,
    Never,
}

/// Bodies up to this size stay embedded: a few MB decode in well under a frame's worth of
/// start-up per MB, and an archive this small gains nothing from extra files.
pub const AUTO_THRESHOLD: usize = 4 << 20;
/// Raw bytes of bodies a shard aims at: about 20 KB compressed, one quick request, and a page
/// of twenty results from all over the archive fetches at most twenty of them.
pub const DEFAULT_TARGET: usize = 64 << 10;

#[derive(Debug, Clone, Copy)]
pub struct ShardOptions {
    pub mode: ShardMode,
    pub target_bytes: usize,
}

impl Default for ShardOptions {
    fn default() -> Self {
        Self { mode: ShardMode::Auto, target_bytes: DEFAULT_TARGET }
    }
}

/// The part of an article that lives in a shard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Heavy {
    pub body: Vec<Block>,
    pub related: Vec<String>,
    pub note_refs: Vec<NoteRef>,
}

impl Heavy {
    /// Moves the heavy part out of `a`, leaving it empty.
    pub fn take(a: &mut Article) -> Self {
        Heavy {
            body: std::mem::take(&mut a.body),
            related: std::mem::take(&mut a.related),
            note_refs: std::mem::take(&mut a.note_refs),
        }
    }

    /// `a` with this heavy part put back.
    pub fn restore(&self, a: &Article) -> Article {
        Article {
            body: self.body.clone(),
            related: self.related.clone(),
            note_refs: self.note_refs.clone(),
            ..a.clone()
        }
    }
}

/// Where the shards are: shard `k` holds documents `starts[k]..starts[k + 1]` (the last runs to
/// the end), and must have checksum `crcs[k]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShardTable {
    pub starts: Vec<u32>,
    pub crcs: Vec<u32>,
}

impl ShardTable {
    /// The shard holding document `doc`.
    pub fn shard_of(&self, doc: u32) -> Option<u32> {
        let k = self.starts.partition_point(|&s| s <= doc);
        (k > 0).then(|| (k - 1) as u32)
    }

    /// The documents of shard `k`.
    pub fn docs(&self, k: u32, total: u32) -> std::ops::Range<u32> {
        let k = k as usize;
        let start = self.starts.get(k).copied().unwrap_or(total);
        let end = self.starts.get(k + 1).copied().unwrap_or(total);
        start..end
    }

    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The file name of shard `k`, without extension (`0003`).
    pub fn name(k: u32) -> String {
        format!("{k:04}")
    }
}

/// Splits the heavy parts of `articles` into shards of about `target` raw bytes each, in
/// document order, emptying them in `articles`. Returns the table and the shard files.
pub fn split(articles: &mut [Article], target: usize) -> (ShardTable, Vec<Vec<u8>>) {
    let mut table = ShardTable::default();
    let mut files = Vec::new();
    let mut current: Vec<Heavy> = Vec::new();
    let mut size = 0;
    let flush = |current: &mut Vec<Heavy>, table: &mut ShardTable, files: &mut Vec<Vec<u8>>| {
        let k = files.len() as u32;
        let file = encode(k, current);
        table.crcs.push(crc32fast::hash(&file));
        files.push(file);
        current.clear();
    };
    for (doc, a) in articles.iter_mut().enumerate() {
        if current.is_empty() {
            table.starts.push(doc as u32);
        }
        let heavy = Heavy::take(a);
        size += heavy.body.iter().flat_map(|b| b.texts()).map(str::len).sum::<usize>() + 64;
        current.push(heavy);
        if size >= target {
            flush(&mut current, &mut table, &mut files);
            size = 0;
        }
    }
    if !current.is_empty() {
        flush(&mut current, &mut table, &mut files);
    }
    (table, files)
}

/// Raw bytes of the bodies of `articles`, as [`ShardMode::Auto`] weighs them.
pub fn body_bytes(articles: &[Article]) -> usize {
    articles.iter().flat_map(|a| a.body_texts()).map(str::len).sum()
}

fn encode(k: u32, parts: &[Heavy]) -> Vec<u8> {
    let raw = postcard::to_allocvec(parts).expect("serialising to memory cannot fail");
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&SHARD_FORMAT.to_le_bytes());
    out.extend_from_slice(&k.to_le_bytes());
    out.extend(miniz_oxide::deflate::compress_to_vec_zlib(&raw, 9));
    out
}

/// Why a shard cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShardError {
    /// Its bytes are not the ones this build wrote (damaged, truncated, or from another build).
    Checksum {
        expected: u32,
        found: u32,
    },
    NotAShard,
    WrongShard {
        expected: u32,
        found: u32,
    },
    Corrupt(String),
}

impl fmt::Display for ShardError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShardError::Checksum { .. } => {
                write!(f, "its contents are damaged or come from another build (checksum mismatch)")
            }
            ShardError::NotAShard => write!(f, "it is not a Reading Room shard"),
            ShardError::WrongShard { expected, found } => write!(f, "it holds shard {found}, not {expected}"),
            ShardError::Corrupt(why) => write!(f, "it is corrupt ({why})"),
        }
    }
}

impl std::error::Error for ShardError {}

/// Reads shard `k` of `table`, which must hold `count` articles.
pub fn decode(table: &ShardTable, k: u32, count: usize, bytes: &[u8]) -> Result<Vec<Heavy>, ShardError> {
    let expected = table
        .crcs
        .get(k as usize)
        .copied()
        .ok_or_else(|| ShardError::Corrupt(format!("this build has no shard {k}")))?;
    let found = crc32fast::hash(bytes);
    if found != expected {
        return Err(ShardError::Checksum { expected, found });
    }
    if bytes.len() < 12 || &bytes[..4] != MAGIC {
        return Err(ShardError::NotAShard);
    }
    let version = u32::from_le_bytes(bytes[4..8].try_into().expect("4 bytes"));
    if version != SHARD_FORMAT {
        return Err(ShardError::Corrupt(format!("shard format {version}, this build reads {SHARD_FORMAT}")));
    }
    let number = u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes"));
    if number != k {
        return Err(ShardError::WrongShard { expected: k, found: number });
    }
    let raw = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&bytes[12..], MAX_INFLATED)
        .map_err(|e| ShardError::Corrupt(format!("inflate: {e:?}")))?;
    let parts: Vec<Heavy> = postcard::from_bytes(&raw).map_err(|e| ShardError::Corrupt(e.to_string()))?;
    if parts.len() != count {
        return Err(ShardError::Corrupt(format!("{} articles, expected {count}", parts.len())));
    }
    Ok(parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PartialDate;

    fn article(i: usize, words: usize) -> Article {
        let body = vec![Block::Paragraph(format!("article {i} ") + &"word ".repeat(words))];
        let mut a =
            Article::new(&format!("a-{i}"), &format!("Title {i}"), PartialDate::parse("2020").unwrap(), body);
        a.related = vec![format!("a-{}", i + 1)];
        a
    }

    #[test]
    fn shards_round_trip_and_every_document_has_one() {
        let original: Vec<Article> = (0..50).map(|i| article(i, 100 + i * 7)).collect();
        let mut articles = original.clone();
        let (table, files) = split(&mut articles, 4_000);
        assert!(files.len() > 5, "{} shards", files.len());
        assert!(articles.iter().all(|a| a.body.is_empty() && a.related.is_empty()));
        assert_eq!(articles[3].word_count, original[3].word_count, "light fields stay");
        let total = articles.len() as u32;
        for (k, file) in files.iter().enumerate() {
            let docs = table.docs(k as u32, total);
            let parts = decode(&table, k as u32, docs.len(), file).unwrap();
            for (doc, part) in docs.zip(&parts) {
                assert_eq!(table.shard_of(doc), Some(k as u32));
                assert_eq!(part.restore(&articles[doc as usize]), original[doc as usize]);
            }
        }
        assert_eq!(table.docs(table.len() as u32 - 1, total).end, total);
    }

    #[test]
    fn damaged_truncated_or_swapped_shards_are_errors() {
        let mut articles: Vec<Article> = (0..20).map(|i| article(i, 300)).collect();
        let (table, files) = split(&mut articles, 3_000);
        let count = |k: u32| table.docs(k, 20).len();
        let mut flipped = files[1].clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 0x40;
        assert!(matches!(decode(&table, 1, count(1), &flipped), Err(ShardError::Checksum { .. })));
        let truncated = &files[1][..files[1].len() / 2];
        assert!(matches!(decode(&table, 1, count(1), truncated), Err(ShardError::Checksum { .. })));
        assert!(decode(&table, 1, count(1), &files[2]).is_err(), "another shard's file");
        assert!(decode(&table, 99, 1, &files[0]).is_err(), "a shard the table does not have");
        // Bytes that pass the checksum but are not a shard still give an error, not a panic.
        let junk = b"not a shard at all".to_vec();
        let lying = ShardTable { starts: vec![0], crcs: vec![crc32fast::hash(&junk)] };
        assert_eq!(decode(&lying, 0, 1, &junk), Err(ShardError::NotAShard));
    }
}
