pub mod article;
pub mod entity;
pub mod not_found;
pub mod search;
pub mod timeline;
