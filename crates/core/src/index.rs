//! The index artifact: the articles, a sorted term dictionary, postings with per-field positions,
//! and the field lengths BM25F needs. Written once by the indexer, embedded in the app, read at
//! start-up. The core is the one place that knows this format.

use crate::analyze::{tokenize, Analyzer};
use crate::entities::{entity_term, form_term, Entity, Tagger};
use crate::model::Article;
use crate::shards::{self, ShardMode, ShardOptions, ShardTable};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Bumped whenever the byte layout changes, or the positions the tokenizer gives (7: a mark
/// that folds to nothing is no token; 8: the stop words seen), so an app never misreads an
/// older artifact.
pub const FORMAT_VERSION: u32 = 8;
const MAGIC: &[u8; 4] = b"RRIX";

/// Searched fields. Their weights rank a match in the title above one in the metadata, above
/// one in the blogger's note, above one in the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Title = 0,
    Meta = 1,
    Note = 2,
    Body = 3,
}
pub const FIELD_COUNT: usize = 4;
pub const FIELD_WEIGHTS: [f32; FIELD_COUNT] = [5.0, 3.0, 1.5, 1.0];
/// BM25 length normalisation per field: full for the body, where a long piece mentioning a word
/// once says little; light for short fields, whose length says little about relevance.
pub const FIELD_B: [f32; FIELD_COUNT] = [0.3, 0.3, 0.5, 0.75];

pub use crate::postings::Posting;
use crate::postings::Postings;

/// The in-memory index, as the query engine uses it.
#[derive(Debug, Clone)]
pub struct Index {
    /// The archive's own name (`archive.toml`), for the app's header and its pages' titles;
    /// none for an archive that has not named itself.
    pub name: Option<String>,
    pub language: String,
    /// Newest first: a document id is a position in this list.
    pub articles: Vec<Article>,
    /// Sorted, unique index terms (stemmed).
    pub terms: Vec<String>,
    /// Postings of `terms[i]`, sorted by (doc, field), decoded on first use.
    pub postings: Postings,
    /// Folded surface words → term id, as a finite state transducer: prefix and typo-tolerant
    /// search run on what readers type, not on stems ("terrori" must find "terrorism", whose
    /// stem is "terror"), and the automaton walks only the branches that can match.
    pub words: fst::Map<Vec<u8>>,
    /// Length in tokens of each field of each article.
    pub field_lengths: Vec<[u32; FIELD_COUNT]>,
    pub avg_field_length: [f32; FIELD_COUNT],
    /// Per article, the first token position of each text of the note and body fields (in the
    /// order of `field_texts`): a snippet finds its paragraph from postings, without re-reading
    /// the article.
    pub text_starts: Vec<[Vec<u32>; 2]>,
    /// The gazetteer: mentions are posted under `entity_term(slug)`.
    pub entities: Vec<Entity>,
    pub tagger: Tagger,
    /// The stop words the corpus uses (folded, sorted): the language pipeline keeps its list to
    /// itself, and a word being typed that may yet become one must not filter the results
    /// ("howe…" on its way to "however" has no completions in the index). They include those
    /// the language writes with diacritics, which only the corpus tells (see [`Index::analyzer`]).
    pub stop_words: Vec<String>,
    /// When bodies live in shards (see `shards`), where each article's is; its articles' bodies
    /// are then empty until the app puts a loaded shard's parts back.
    pub shards: Option<ShardTable>,
    /// Ranking's memo of each term's scores; not stored.
    pub(crate) scores: crate::search::TermScores,
    pub(crate) spellings: crate::search::Spellings,
}

#[derive(Debug)]
pub enum IndexError {
    NotAnIndex,
    Version { found: u32, expected: u32 },
    Corrupt(String),
}

impl fmt::Display for IndexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IndexError::NotAnIndex => write!(f, "not a Reading Room index (bad magic bytes)"),
            IndexError::Version { found, expected } => {
                write!(f, "index format {found}, this build reads format {expected}: rebuild the index")
            }
            IndexError::Corrupt(why) => write!(f, "corrupt index: {why}"),
        }
    }
}

impl std::error::Error for IndexError {}

/// The serialised form. Postings are one varint stream per term, doc ids and positions
/// delta-encoded, which postcard's varints turn into mostly single bytes.
#[derive(Serialize, Deserialize)]
struct Stored {
    name: Option<String>,
    language: String,
    articles: Vec<Article>,
    /// Front coded (see `dictionary`).
    terms: serde_bytes::ByteBuf,
    /// Byte strings, so reading the artifact copies each stream whole rather than byte by byte.
    postings: Vec<serde_bytes::ByteBuf>,
    /// Sorted (word, term id) pairs, each word coded against its term (see `dictionary`). The
    /// fst is rebuilt from them at load: fst's own reader trusts its bytes and can panic on
    /// damaged ones, while building from a list validates it.
    words: serde_bytes::ByteBuf,
    field_lengths: Vec<[u32; FIELD_COUNT]>,
    text_starts: Vec<[Vec<u32>; 2]>,
    entities: Vec<Entity>,
    shards: Option<ShardTable>,
    stop_words: Vec<String>,
}

/// What an archive that has not named itself is called.
pub const DEFAULT_NAME: &str = "Reading Room";

impl Index {
    /// The archive's name, or [`DEFAULT_NAME`].
    pub fn display_name(&self) -> &str {
        self.name.as_deref().unwrap_or(DEFAULT_NAME)
    }

    /// What the search box invites: names only where a gazetteer found some (an archive
    /// without one has no people or places to search for).
    pub fn search_placeholder(&self) -> &'static str {
        if self.entities.is_empty() {
            "Search the articles…"
        } else {
            "Search articles, people, places…"
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let stored = Stored {
            name: self.name.clone(),
            language: self.language.clone(),
            articles: self.articles.clone(),
            terms: serde_bytes::ByteBuf::from(crate::dictionary::encode_terms(&self.terms)),
            postings: self.postings.streams().iter().map(|s| serde_bytes::ByteBuf::from(s.clone())).collect(),
            words: {
                use fst::Streamer;
                let mut pairs = Vec::with_capacity(self.words.len());
                let mut stream = self.words.stream();
                while let Some((w, t)) = stream.next() {
                    pairs.push((w.to_vec(), t as u32));
                }
                serde_bytes::ByteBuf::from(crate::dictionary::encode_words(&pairs, &self.terms))
            },
            field_lengths: self.field_lengths.clone(),
            text_starts: self.text_starts.clone(),
            entities: self.entities.clone(),
            shards: self.shards.clone(),
            stop_words: self.stop_words.clone(),
        };
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend(postcard::to_allocvec(&stored).expect("serialising to memory cannot fail"));
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self, IndexError> {
        if bytes.len() < 8 || &bytes[..4] != MAGIC {
            return Err(IndexError::NotAnIndex);
        }
        let found = u32::from_le_bytes(bytes[4..8].try_into().expect("4 bytes"));
        if found != FORMAT_VERSION {
            return Err(IndexError::Version { found, expected: FORMAT_VERSION });
        }
        let s: Stored = postcard::from_bytes(&bytes[8..]).map_err(|e| IndexError::Corrupt(e.to_string()))?;
        let docs = s.articles.len() as u32;
        let terms = crate::dictionary::decode_terms(&s.terms)
            .ok_or_else(|| IndexError::Corrupt("term dictionary".into()))?;
        if terms.len() != s.postings.len()
            || s.field_lengths.len() != s.articles.len()
            || s.text_starts.len() != s.articles.len()
        {
            return Err(IndexError::Corrupt("section lengths disagree".into()));
        }
        if let Some(table) = &s.shards {
            let increasing = table.starts.windows(2).all(|w| w[0] < w[1]);
            if table.starts.first() != Some(&0)
                || !increasing
                || table.starts.last().is_some_and(|&l| l >= docs)
                || table.crcs.len() != table.starts.len()
            {
                return Err(IndexError::Corrupt("shard table does not cover the articles".into()));
            }
        }
        if !s.stop_words.windows(2).all(|w| w[0] < w[1]) {
            return Err(IndexError::Corrupt("stop words not sorted".into()));
        }
        // Decoding checks each word's term id against the dictionary.
        let words = crate::dictionary::decode_words(&s.words, &terms)
            .ok_or_else(|| IndexError::Corrupt("word list".into()))?;
        let words = fst::Map::from_iter(words.iter().map(|(w, t)| (w, u64::from(*t))))
            .map_err(|e| IndexError::Corrupt(format!("word list: {e}")))?;
        let term_count = terms.len();
        let postings =
            Postings::from_streams(s.postings.into_iter().map(|b| b.into_vec()).collect(), docs, FIELD_COUNT);
        Ok(Self {
            avg_field_length: averages(&s.field_lengths),
            name: s.name,
            language: s.language,
            articles: s.articles,
            terms,
            postings,
            words,
            field_lengths: s.field_lengths,
            text_starts: s.text_starts,
            tagger: Tagger::new(&s.entities),
            entities: s.entities,
            shards: s.shards,
            stop_words: s.stop_words,
            scores: crate::search::TermScores::new(term_count),
            spellings: Default::default(),
        })
    }

    /// Moves the articles' bodies into shard files when `options` ask for it (for `Auto`, past
    /// [`shards::AUTO_THRESHOLD`] bytes of bodies), recording where each went. Returns the files,
    /// none when the bodies stay embedded. Call it once the index is built: the postings and
    /// snippet offsets were computed from the bodies.
    pub fn shard_bodies(&mut self, options: ShardOptions) -> Vec<Vec<u8>> {
        let wanted = match options.mode {
            ShardMode::Never => false,
            ShardMode::Always => true,
            ShardMode::Auto => shards::body_bytes(&self.articles) > shards::AUTO_THRESHOLD,
        };
        if !wanted || self.shards.is_some() || self.articles.is_empty() {
            return Vec::new();
        }
        let (table, files) = shards::split(&mut self.articles, options.target_bytes.max(1));
        self.shards = Some(table);
        files
    }

    /// The shard holding article `doc`'s body, when bodies are sharded.
    pub fn shard_of(&self, doc: u32) -> Option<u32> {
        self.shards.as_ref()?.shard_of(doc)
    }

    /// The id of an index term, if the corpus has it.
    pub fn term_id(&self, term: &str) -> Option<u32> {
        self.terms.binary_search_by(|t| t.as_str().cmp(term)).ok().map(|i| i as u32)
    }

    /// The analyzer that made this index: its language's, with the stop words it learnt from
    /// the corpus. `None` when this build does not have the language (see
    /// [`Analyzer::codes`]).
    pub fn analyzer(&self) -> Option<Analyzer> {
        Analyzer::for_language(&self.language).map(|a| a.with_stop_words(&self.stop_words))
    }

    /// Whether `prefix` (folded) begins one of the corpus's stop words, or is one.
    pub fn begins_stop_word(&self, prefix: &str) -> bool {
        let at = self.stop_words.partition_point(|w| w.as_str() < prefix);
        self.stop_words.get(at).is_some_and(|w| w.starts_with(prefix))
    }

    /// Calls `f` with every surface word starting with `prefix` (folded) and its term id, in
    /// order. A range from `prefix` goes straight down to it; a `starts_with` automaton decoded
    /// every sibling on the way, which took a quarter of a three-word query on the sample.
    fn each_starting_with(&self, prefix: &str, mut f: impl FnMut(&[u8], u64)) {
        use fst::{IntoStreamer, Streamer};
        let mut stream = self.words.range().ge(prefix).into_stream();
        while let Some((w, t)) = stream.next() {
            if !w.starts_with(prefix.as_bytes()) {
                break;
            }
            f(w, t);
        }
    }

    /// Term ids of every surface word starting with `prefix` (folded).
    pub fn prefix_terms(&self, prefix: &str) -> Vec<u32> {
        let mut ids = Vec::new();
        self.each_starting_with(prefix, |_, t| ids.push(t as u32));
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Surface words that begin with `word` and run on by 1 to `extra` letters, with their term
    /// id and how many letters more: a prefix walk, where a typo walk would visit far more.
    pub fn extensions(&self, word: &str, extra: usize) -> Vec<(u32, usize)> {
        let mut out = Vec::new();
        self.each_starting_with(word, |w, t| {
            let more = String::from_utf8_lossy(&w[word.len().min(w.len())..]).chars().count();
            if (1..=extra).contains(&more) {
                out.push((t as u32, more));
            }
        });
        out
    }

    /// Surface words within `k` typos of `word` (an edit, two on the first letter: see
    /// [`crate::fuzzy::find`]), with their term id and that cost.
    pub fn fuzzy_words(&self, word: &str, k: u8) -> Vec<(String, u32, usize)> {
        crate::fuzzy::find(self.words.as_fst(), word, k)
            .into_iter()
            .map(|(w, t, d)| (String::from_utf8_lossy(&w).into_owned(), t as u32, usize::from(d)))
            .collect()
    }

    /// Number of articles containing a term.
    pub fn doc_freq(&self, term: u32) -> usize {
        let mut docs: Vec<u32> = self.postings.scan(term as usize).map(|p| p.doc).collect();
        docs.dedup();
        docs.len()
    }

    /// Postings of `term` in article `doc`.
    pub fn postings_in(&self, term: u32, doc: u32) -> &[Posting] {
        let list = &self.postings[term as usize];
        let start = list.partition_point(|p| p.doc < doc);
        let end = start + list[start..].partition_point(|p| p.doc == doc);
        &list[start..end]
    }

    pub fn article(&self, slug: &str) -> Option<(u32, &Article)> {
        self.articles.iter().enumerate().find(|(_, a)| a.slug == slug).map(|(i, a)| (i as u32, a))
    }
}

fn averages(lengths: &[[u32; FIELD_COUNT]]) -> [f32; FIELD_COUNT] {
    let mut avg = [0f32; FIELD_COUNT];
    for l in lengths {
        for (a, &v) in avg.iter_mut().zip(l) {
            *a += v as f32;
        }
    }
    let n = lengths.len().max(1) as f32;
    avg.map(|a| (a / n).max(1.0))
}

/// The texts of each searched field of an article.
pub fn field_texts(a: &Article) -> [Vec<&str>; FIELD_COUNT] {
    let mut meta: Vec<&str> = vec![a.outlet.as_str(), a.kind.as_str()];
    meta.extend(a.authors.iter().map(String::as_str));
    meta.extend(a.topics.iter().map(String::as_str));
    meta.extend(a.summary.as_deref());
    meta.extend(a.issue.as_deref());
    let mut body: Vec<&str> = a.body_texts().collect();
    body.extend(a.bio.as_deref());
    for m in &a.media {
        body.extend(m.caption.as_deref());
        body.extend(m.credit.as_deref());
    }
    [vec![a.title.as_str()], meta, a.note.iter().map(String::as_str).collect(), body]
}

/// Collects articles and writes the index. Output depends only on the set of articles, not on
/// the order they were added in, so builds are reproducible.
pub struct IndexBuilder {
    analyzer: Analyzer,
    articles: Vec<Article>,
    entities: Vec<Entity>,
    name: Option<String>,
}

impl IndexBuilder {
    pub fn new(analyzer: Analyzer) -> Self {
        Self { analyzer, articles: Vec::new(), entities: Vec::new(), name: None }
    }

    /// The archive's name, shown in the app's header and its pages' titles.
    pub fn with_name(mut self, name: Option<String>) -> Self {
        self.name = name;
        self
    }

    /// Tags mentions of these entities, so that any of their names finds all of them.
    pub fn with_entities(mut self, entities: Vec<Entity>) -> Self {
        self.entities = entities;
        self
    }

    pub fn add(&mut self, article: Article) {
        self.articles.push(article);
    }

    pub fn finish(mut self) -> Index {
        // Newest first, then by slug: the home page order, and a deterministic id order.
        self.articles.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));
        let doc_count = self.articles.len() as u32;
        let mut postings: BTreeMap<String, Vec<Posting>> = BTreeMap::new();
        let mut words: BTreeMap<String, String> = BTreeMap::new();
        let mut stop_words: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
        let mut field_lengths = Vec::with_capacity(self.articles.len());
        let mut text_starts = Vec::with_capacity(self.articles.len());
        let tagger = Tagger::new(&self.entities);
        let slugs: Vec<String> = self.entities.iter().map(|e| entity_term(&e.slug())).collect();
        // Before any term is made: a word the language writes with diacritics ("más") is a stop
        // word wherever it is found, however early.
        self.analyzer
            .learn_stop_words(self.articles.iter().flat_map(|a| field_texts(a).into_iter().flatten()));
        for (doc, article) in self.articles.iter().enumerate() {
            let mut lengths = [0u32; FIELD_COUNT];
            let mut starts: [Vec<u32>; 2] = [Vec::new(), Vec::new()];
            for (field, texts) in field_texts(article).iter().enumerate() {
                let mut per_term: BTreeMap<String, Vec<u32>> = BTreeMap::new();
                let mut base = 0u32;
                for text in texts {
                    if field >= Field::Note as usize {
                        starts[field - Field::Note as usize].push(base);
                    }
                    let tokens = tokenize(text);
                    for (i, tok) in tokens.iter().enumerate() {
                        if let Some(term) = self.analyzer.term(&tok.folded) {
                            per_term.entry(term.clone()).or_default().push(base + i as u32);
                            words.entry(tok.folded.clone()).or_insert(term);
                        } else if !stop_words.contains(&tok.folded) && self.analyzer.is_stop_word(&tok.folded)
                        {
                            stop_words.insert(tok.folded.clone());
                        }
                    }
                    for m in tagger.mentions(text, &tokens) {
                        let at = base + m.token as u32;
                        per_term.entry(slugs[m.entity as usize].clone()).or_default().push(at);
                        let written = &tokens[m.token..m.token + m.len];
                        if written.iter().all(|t| self.analyzer.is_stop_word(&t.folded)) {
                            let form: Vec<&str> = written.iter().map(|t| &text[t.start..t.end]).collect();
                            per_term.entry(form_term(&form.join(" "))).or_default().push(at);
                        }
                    }
                    // A gap between paragraphs keeps phrases from matching across them.
                    base += tokens.len() as u32 + 1;
                }
                lengths[field] = base.saturating_sub(texts.len() as u32);
                for (term, positions) in per_term {
                    postings.entry(term).or_default().push(Posting {
                        doc: doc as u32,
                        field: field as u8,
                        positions,
                    });
                }
            }
            field_lengths.push(lengths);
            text_starts.push(starts);
        }
        let terms: Vec<String> = postings.keys().cloned().collect();
        let term_count = terms.len();
        // A BTreeMap iterates in sorted order, which is what the fst builder needs.
        let words = fst::Map::from_iter(words.into_iter().map(|(w, t)| {
            let id = terms.binary_search(&t).expect("every word's term is indexed") as u64;
            (w, id)
        }))
        .expect("sorted, unique keys");
        Index {
            name: self.name,
            language: self.analyzer.language().to_string(),
            avg_field_length: averages(&field_lengths),
            articles: self.articles,
            terms,
            postings: Postings::from_lists(postings.into_values().collect(), doc_count, FIELD_COUNT),
            words,
            field_lengths,
            text_starts,
            tagger,
            entities: self.entities,
            shards: None,
            stop_words: stop_words.into_iter().collect(),
            scores: crate::search::TermScores::new(term_count),
            spellings: Default::default(),
        }
    }
}
