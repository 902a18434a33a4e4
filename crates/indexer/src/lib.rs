//! The Reading Room indexer: reads a corpus folder, validates it, builds the index artifact, and
//! turns a web build into its relative-path and standalone forms.

pub mod archive;
pub mod body;
pub mod bundle;
pub mod corpus;
pub mod date_mentions;
pub mod date_mining;
pub mod elasticlunr_export;
pub mod error;
pub mod frontmatter;
pub mod gazetteer;
pub mod html_blocks;
pub mod html_page;
pub mod jsonl;
pub mod name_candidates;
pub mod names;
pub mod note_refs;
pub mod parallel;
pub mod progress;
pub mod related;
pub mod sanitize;
pub mod shadow_css;
pub mod shard_files;
pub mod slug;
pub mod summary;
pub mod textdump;
pub mod wxr;

pub use corpus::{build_index, read_corpus, read_corpus_with, Corpus, ReadOptions};
pub use error::CorpusError;
pub use readingroom_core::{Analyzer, Index};
