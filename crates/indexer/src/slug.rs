//! Slugs for articles whose source names them by a title, an id or a file name.

/// A slug: lower-case letters and digits, runs of anything else one hyphen, at most 80 letters.
/// Accents are folded first, as search folds them ("José María" → "jose-maria"), so a name
/// keeps its letters; letters of other scripts stay ("Кашмир" → "кашмир"): an archive in Russian
/// or Arabic names its articles in its own script, and the app percent-encodes them in its URLs.
pub fn slugify(s: &str) -> String {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::new();
    for c in s.nfc() {
        let folded = readingroom_core::analyze::fold(c.encode_utf8(&mut [0; 4]));
        let kept_other = out.chars().last().is_some_and(|l| !l.is_ascii());
        if !folded.is_empty() && folded.chars().all(|f| f.is_ascii_alphanumeric()) {
            // Latin letters lose their accents, as search folds them: "José" → "jose".
            out.push_str(&folded);
        } else if c.is_alphanumeric() || (is_combining_mark(c) && kept_other) {
            // Other scripts keep theirs: "й" stays "й", "ガ" its dakuten, Devanagari its vowel
            // signs.
            out.extend(c.to_lowercase());
        } else if folded.is_empty() || is_combining_mark(c) {
            // A joiner (an apostrophe inside a word) or a stray mark: nothing.
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    // By letters: a cut inside a letter of two bytes or more had panicked.
    if let Some((cut, _)) = out.char_indices().nth(80) {
        out.truncate(cut);
    }
    out.trim_end_matches('-').to_string()
}

/// Whether a slug given by the corpus (front matter, a manifest) is one [`slugify`] could make:
/// lower-case letters, digits and hyphens, nothing else.
pub fn is_valid(slug: &str) -> bool {
    use unicode_normalization::char::is_combining_mark;
    !slug.is_empty()
        && slug
            .chars()
            .all(|c| c == '-' || is_combining_mark(c) || (c.is_alphanumeric() && !c.is_uppercase()))
}

/// What is wrong with a slug given by the corpus, if anything: the error's message.
pub fn problem(slug: &str) -> Option<String> {
    (!is_valid(slug)).then(|| format!("slug {slug:?} must be lower-case letters, digits and hyphens"))
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
        // Other scripts keep their letters: these titles had no slug, and were rejected.
        assert_eq!(slugify("Кашмир и Пакистан"), "кашмир-и-пакистан");
        assert_eq!(slugify("دمشق، ٢٠١٧"), "دمشق-٢٠١٧");
        assert_eq!(slugify(&"Ж".repeat(100)).chars().count(), 80);
        // Their marks too: folding them away changed the word.
        assert_eq!(slugify("Йемен, ガザ"), "йемен-ガザ");
        assert_eq!(slugify("हिन्दी"), "हिन्दी");
        assert!(is_valid("हिन्दी"));
        assert!(is_valid("кашмир-2017") && is_valid("a-1"));
        assert!(!is_valid("Bad Slug/../x") && !is_valid("") && !is_valid("Кашмир"));
    }
}
