//! Slugs for articles whose source names them by a title, an id or a file name.

/// A URL-safe slug: lower-case ASCII letters and digits, runs of anything else one hyphen.
pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
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
        assert_eq!(slugify("Al-Qaeda’s Revenge: The 2004 Madrid…"), "al-qaeda-s-revenge-the-2004-madrid");
        assert_eq!(slugify("42"), "42");
        assert_eq!(slugify("—"), "");
    }
}
