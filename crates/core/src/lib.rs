//! The Reading Room search core: the corpus model, text analysis, the index artifact format and
//! the query engine. It has no web dependencies, so it is compiled into both the native indexer
//! and the wasm app, and tested natively.

pub mod analyze;
pub mod cite;
pub mod date;
pub mod dictionary;
pub mod entities;
pub mod export;
pub mod facets;
pub mod fuzzy;
pub mod index;
pub mod model;
pub mod postings;
pub mod profile;
pub mod query;
pub mod search;
pub mod shards;
pub mod snippet;
pub mod tips;

pub use analyze::Analyzer;
pub use date::PartialDate;
pub use entities::{Alias, Entity};
pub use index::{Index, IndexBuilder, IndexError};
pub use model::{Article, Block, DateMention, Media, NoteRef, Role};
pub use search::{search, Hit, Results, Sort};
