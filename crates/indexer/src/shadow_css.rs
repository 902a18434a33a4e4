//! The app's stylesheet as the embed loader puts it in a shadow root.
//!
//! The stylesheet sizes everything in `rem`. On the app's own page that is the reader's default
//! font size. In a shadow root it is still the host page's root font size, which many sites set
//! to 62.5% (10px) and which would shrink the whole app. The copy written for embedding reads
//! each `rem` in a declaration as a multiple of `--rr-rem`, the reader's default font size,
//! which `embed.js` measures and sets on the host's element (where the theme's defaults, such as
//! the reading measure, are computed). The source stays plain CSS that a
//! designer can read, and the two copies cannot drift apart.

use regex::{Captures, Regex};
use std::sync::LazyLock;

// A comment; an at-rule's prelude (up to its block or its end), left as it is: a media query's
// rem is the reader's default size already, and container queries are written in em of the
// app's root; or a length in rem, with the character before it so that it starts a token.
static TOKENS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?s)/\*.*?\*/|@[^{};]*[{;]|(?P<before>[^\w.\-])(?P<n>-?(?:\d+\.?\d*|\.\d+))rem\b")
        .expect("a valid pattern")
});

/// `css` with every rem length in a declaration read as a multiple of `--rr-rem` (falling back
/// to the rem it was, should no one set it).
pub fn for_shadow_root(css: &str) -> String {
    TOKENS
        .replace_all(css, |c: &Captures| match (c.name("before"), c.name("n")) {
            (Some(before), Some(n)) => {
                format!("{}calc({} * var(--rr-rem, 1rem))", before.as_str(), n.as_str())
            }
            _ => c[0].to_string(),
        })
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_in_rem_follow_the_readers_font_size() {
        let css = ".a { padding: 0.65rem 1rem; margin: -12.5rem 0 .5rem; width: calc((100% - 72rem) / 2); }";
        assert_eq!(
            for_shadow_root(css),
            ".a { padding: calc(0.65 * var(--rr-rem, 1rem)) calc(1 * var(--rr-rem, 1rem)); \
             margin: calc(-12.5 * var(--rr-rem, 1rem)) 0 calc(.5 * var(--rr-rem, 1rem)); \
             width: calc((100% - calc(72 * var(--rr-rem, 1rem))) / 2); }"
        );
    }

    #[test]
    fn queries_comments_names_and_other_units_are_left_alone() {
        let css = "/* 16px, 2rem */\n@media (max-width: 40rem) {\n.x-2rem, .rem { font-size: 1.5em; gap: 2px; }\n}\n\
                   @container rr-root (max-width: 52em) { .b { top: 5rem; } }";
        let out = for_shadow_root(css);
        assert!(out.starts_with(
            "/* 16px, 2rem */\n@media (max-width: 40rem) {\n.x-2rem, .rem { font-size: 1.5em; gap: 2px; }"
        ));
        assert!(out
            .contains("@container rr-root (max-width: 52em) { .b { top: calc(5 * var(--rr-rem, 1rem)); } }"));
    }

    #[test]
    fn the_shipped_stylesheet_keeps_no_rem_outside_queries() {
        let css = include_str!("../../../assets/reading-room.css");
        let out = for_shadow_root(css);
        let uncommented =
            Regex::new(r"(?s)/\*.*?\*/").unwrap().replace_all(&out, "").replace("var(--rr-rem, 1rem)", "");
        let left = Regex::new(r"[\d.]rem\b").unwrap();
        for line in uncommented.lines().filter(|l| !l.trim_start().starts_with("@media")) {
            assert!(!left.is_match(line), "a rem left in: {line}");
        }
        assert!(out.contains(".rr-root {") && out.len() > css.len());
    }
}
