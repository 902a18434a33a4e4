//! Slugs for articles whose source names them by a title, an id or a file name.

/// A URL-safe slug: lower-case ASCII letters and digits, runs of anything else one hyphen.
/// Accents are folded first, as search folds them ("José María" → "jose-maria"), so a name
/// keeps its letters.
pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in readingroom_core::analyze::fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.truncate(80);
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        // An apostrophe inside a word joins it, as in search: "qaedas", not "qaeda-s".
        assert_eq!(slugify("Al-Qaeda’s Revenge: The 2004 Madrid…"), "al-qaedas-revenge-the-2004-madrid");
        assert_eq!(slugify("42"), "42");
        assert_eq!(slugify("—"), "");
        assert_eq!(slugify("José María Aznar, Ⅻ"), "jose-maria-aznar-xii");
    }
}
