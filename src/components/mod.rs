pub mod article_meta;
pub mod marked;
pub mod search_box;
