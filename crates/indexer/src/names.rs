//! Author fields that hold several names.

use regex::Regex;
use std::sync::LazyLock;

/// Several names in one field: "Ann Lee and Bob O'Neil", "A, B & C", "A; B" (a `<meta
/// name=author>`, a text dump's `Authors:` or "by" line).
pub fn split_names(s: &str) -> Vec<String> {
    static SEP: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s*(?:[,;&]|\band\b)\s*").expect("separators"));
    SEP.split(s).map(str::trim).filter(|n| !n.is_empty()).map(String::from).collect()
}

#[cfg(test)]
mod tests {
    use super::split_names;

    #[test]
    fn names() {
        // The web-page importer's tests hold the other cases.
        assert_eq!(split_names("Raffaello Pantucci, Jane Doe and John Roe").len(), 3);
    }
}
