pub mod article_meta;
pub mod marked;
pub mod match_nav;
pub mod search_box;
pub mod show_more;
