//! Text analysis: splitting text into word tokens (with their byte offsets, for highlighting),
//! folding them (case, diacritics, in-word apostrophes), then running the language pipeline of
//! elasticlunr-rs (trimmer, stop words, stemmer) so that the indexer and the app agree on terms.

use elasticlunr::Pipeline;
use std::collections::HashSet;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// A word as it appears in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the original text.
    pub start: usize,
    pub end: usize,
    /// Folded form: lower case, no diacritics, no in-word apostrophes.
    pub folded: String,
}

/// Characters that join the two halves of a word rather than separate words:
/// `Qa’ida`, ``Qa`ida``, `Qaʿida`, `Qaʾida` (the transliterations' ayn and hamza), `Qa′ida`;
/// and the invisible ones pages carry inside words: the soft hyphen (`co\u{ad}operation`,
/// a hyphenation hint), the zero-width joiner and non-joiner, the word joiner.
fn is_joiner(c: char) -> bool {
    matches!(
        c,
        '\'' | '’'
            | '‘'
            | '`'
            | 'ʿ'
            | 'ʾ'
            | 'ʼ'
            | 'ʻ'
            | '´'
            | '′'
            | '\u{ad}'
            | '\u{200c}'
            | '\u{200d}'
            | '\u{2060}'
    )
}

/// Letters that Unicode does not decompose into a base letter and a mark, written as a reader
/// without them types them: "Utøya" is "utoya", "Łódź" "lodz", "Straße" "strasse".
fn unmarked(c: char) -> Option<&'static str> {
    Some(match c {
        'ø' | 'Ø' => "o",
        'ł' | 'Ł' => "l",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'ħ' | 'Ħ' => "h",
        'ı' => "i",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ß' | 'ẞ' => "ss",
        'þ' | 'Þ' => "th",
        _ => return None,
    })
}

/// Splits `text` into word tokens. Words are runs of letters and digits; apostrophes inside a
/// word join it, everything else (spaces, punctuation, hyphens, slashes) separates.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if d.is_alphanumeric() || is_combining_mark(d) {
                end = j + d.len_utf8();
                chars.next();
            } else if is_joiner(d) {
                // A joiner counts only when a letter or digit follows it.
                let mut ahead = chars.clone();
                ahead.next();
                match ahead.peek() {
                    Some(&(_, e)) if e.is_alphanumeric() => {
                        chars.next();
                    }
                    _ => break,
                }
            } else {
                break;
            }
        }
        // "ʿ" alone is a letter to Unicode and nothing once folded: no word, or it would match
        // every word as an empty prefix.
        let folded = fold(strip_possessive(&text[start..end]));
        if !folded.is_empty() {
            out.push(Token { start, end, folded });
        }
    }
    out
}

/// "Daesh’s" is matched as "Daesh": the possessive would otherwise fold into a different word
/// ("daeshs") that no name or alias has.
pub(crate) fn strip_possessive(word: &str) -> &str {
    let mut chars = word.char_indices().rev();
    match (chars.next(), chars.next()) {
        (Some((_, 's' | 'S')), Some((at, c))) if is_joiner(c) && at > 0 => &word[..at],
        _ => word,
    }
}

/// Folds a word for matching: compatibility-decomposed, diacritics and apostrophes removed,
/// lower-cased. `José` → `jose`, `Qa’ida` → `qaida`, `Utøya` → `utoya`.
pub fn fold(word: &str) -> String {
    // Plain ASCII, most words of most archives, decomposes to itself: lower-cased, without its
    // apostrophes. (Decomposing took a seventh of a three-word query on the sample.)
    if word.is_ascii() {
        return word.chars().filter(|c| !is_joiner(*c)).map(|c| c.to_ascii_lowercase()).collect();
    }
    fold_decomposed(word)
}

fn fold_decomposed(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.nfkd().filter(|c| !is_combining_mark(*c) && !is_joiner(*c)) {
        match unmarked(c) {
            Some(s) => out.push_str(s),
            None => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The language pipeline: turns a folded word into an index term, or drops it (stop words).
pub struct Analyzer {
    pipeline: Pipeline,
    language: String,
    /// Stop words the language writes with diacritics, folded ("más" → "mas", "été" → "ete"):
    /// the pipeline's list holds them as written, and it only ever sees folded words. Learnt
    /// from a corpus's text ([`Analyzer::learn_stop_words`]); the index keeps them with the
    /// corpus's other stop words, and an app reading the index is given them back.
    folded_stops: HashSet<String>,
}

/// The code lunr-languages (and so elasticlunr-rs) gives a language: Dutch is "du" there, "nl"
/// in ISO 639-1.
pub fn lunr_code(code: &str) -> &str {
    if code == "nl" {
        "du"
    } else {
        code
    }
}

fn iso_code(lunr: &str) -> String {
    if lunr == "du" { "nl" } else { lunr }.to_string()
}

impl Analyzer {
    /// The analyzer for an ISO 639-1 language code ("en", "fr", "de", "nl"…). English is always
    /// compiled in; the others with this crate's `languages` feature (see [`Analyzer::codes`]).
    pub fn for_language(code: &str) -> Option<Self> {
        let code = code.trim().to_ascii_lowercase();
        let lang = elasticlunr::lang::from_code(lunr_code(&code))?;
        Some(Self {
            pipeline: lang.make_pipeline(),
            language: iso_code(&lang.code()),
            folded_stops: HashSet::new(),
        })
    }

    /// The language codes this build can analyse, English first.
    pub fn codes() -> Vec<String> {
        elasticlunr::lang::languages().iter().map(|l| iso_code(&l.code())).collect()
    }

    /// The same analyzer, also taking these folded words for stop words: an index's
    /// [`crate::Index::stop_words`], which hold those the language writes with diacritics.
    pub fn with_stop_words<'w>(mut self, words: impl IntoIterator<Item = &'w String>) -> Self {
        let pipeline_has = |w: &String| self.pipeline_stop(w);
        let extra: Vec<String> = words.into_iter().filter(|w| !pipeline_has(w)).cloned().collect();
        self.folded_stops.extend(extra);
        self
    }

    /// Learns, from `texts`, the stop words the language writes with diacritics, as they fold:
    /// a word is one when the pipeline drops it as written (lower-cased, apostrophes left out).
    /// Then its folded form is a stop word too, wherever it is found, so that the index and a
    /// reader's query (folded as typed, "mas" or "más") agree. English has none to learn, and
    /// its texts are not read: the corpus would be tokenized once more for nothing.
    pub fn learn_stop_words<'t>(&mut self, texts: impl IntoIterator<Item = &'t str>) {
        if self.language == "en" {
            return;
        }
        for text in texts {
            for tok in tokenize(text) {
                let surface = &text[tok.start..tok.end];
                if surface.is_ascii() || self.folded_stops.contains(&tok.folded) {
                    continue;
                }
                let written: String = strip_possessive(surface)
                    .nfc()
                    .filter(|c| !is_joiner(*c))
                    .flat_map(char::to_lowercase)
                    .collect();
                if written != tok.folded && self.pipeline_stop(&written) && !self.pipeline_stop(&tok.folded) {
                    self.folded_stops.insert(tok.folded);
                }
            }
        }
    }

    /// The folded stop words learnt or given beside the pipeline's own, sorted.
    pub fn folded_stop_words(&self) -> Vec<String> {
        let mut words: Vec<String> = self.folded_stops.iter().cloned().collect();
        words.sort_unstable();
        words
    }

    pub fn english() -> Self {
        Self::for_language("en").expect("English is always available")
    }

    pub fn language(&self) -> &str {
        &self.language
    }

    /// The index term for one folded word; `None` for a stop word.
    pub fn term(&self, folded: &str) -> Option<String> {
        if self.folded_stops.contains(folded) {
            return None;
        }
        self.pipeline.run(vec![folded.to_string()]).into_iter().next().filter(|t| !t.is_empty())
    }

    /// Whether the pipeline drops `folded` as a stop word, rather than as a word it has no
    /// letters for (an English pipeline trims "Кашмир" to nothing): a stop word is passed over,
    /// a word of another script matches nothing.
    pub fn is_stop_word(&self, folded: &str) -> bool {
        self.folded_stops.contains(folded) || self.pipeline_stop(folded)
    }

    /// Whether the pipeline's own stop word filter drops `word` (see [`Analyzer::is_stop_word`]).
    fn pipeline_stop(&self, word: &str) -> bool {
        let mut token = word.to_string();
        for step in &self.pipeline.queue {
            if step.name().starts_with("stopWordFilter") {
                return !token.is_empty() && step.filter(token).is_none();
            }
            match step.filter(token) {
                Some(t) => token = t,
                None => return false,
            }
        }
        false
    }

    /// Terms of a text with their token positions (stop words keep their position, so that
    /// phrase distances stay true to the text).
    pub fn terms(&self, text: &str) -> Vec<(String, u32)> {
        tokenize(text)
            .into_iter()
            .enumerate()
            .filter_map(|(pos, tok)| self.term(&tok.folded).map(|t| (t, pos as u32)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.folded).collect()
    }

    #[test]
    fn ascii_folds_as_decomposed() {
        let every: String = (0u8..128).map(char::from).collect();
        for word in [every.as_str(), "Qa'ida", "Qa`ida", "ISIS", "M.I.5", "O'Brien's", "x\u{7f}y"] {
            assert_eq!(fold(word), fold_decomposed(word), "{word:?}");
        }
        for c in (0u8..128).map(char::from) {
            assert_eq!(fold(&c.to_string()), fold_decomposed(&c.to_string()), "{c:?}");
        }
    }

    #[test]
    fn folds_case_diacritics_and_apostrophes() {
        assert_eq!(folded("José María Aznar"), ["jose", "maria", "aznar"]);
        assert_eq!(folded("al-Qa`ida Al-Qa’ida Qaʿida"), ["al", "qaida", "al", "qaida", "qaida"]);
        assert_eq!(folded("al-Qaʾida Qa′ida"), ["al", "qaida", "qaida"]);
        assert_eq!(folded("‘fleet of foot’"), ["fleet", "of", "foot"]);
        assert_eq!(folded("9/11 7/7"), ["9", "11", "7", "7"]);
        assert_eq!(folded("Daesh’s Britain's it's Qa’ida"), ["daesh", "britain", "it", "qaida"]);
        assert_eq!(
            folded("Utøya Łódź Đinđić Straße Æthelred"),
            ["utoya", "lodz", "dindic", "strasse", "aethelred"]
        );
    }

    #[test]
    fn invisible_characters_inside_a_word_do_not_split_it() {
        assert_eq!(folded("co\u{ad}operation counter\u{ad}terrorism"), ["cooperation", "counterterrorism"]);
        assert_eq!(folded("Al\u{200d}Qaeda word\u{2060}joiner"), ["alqaeda", "wordjoiner"]);
        assert_eq!(folded("end\u{ad} next"), ["end", "next"], "a soft hyphen ends nothing");
    }

    #[test]
    fn stop_words_are_told_from_words_the_pipeline_cannot_read() {
        let en = Analyzer::english();
        assert!(en.is_stop_word("the") && en.is_stop_word("is"));
        assert_eq!(en.term("кашмир"), None, "the English trimmer keeps no Cyrillic letter");
        assert!(!en.is_stop_word("кашмир") && !en.is_stop_word("القاعدة"));
        assert!(!en.is_stop_word("kashmir"));
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "Daesh’s “Prevent”c — Zürich";
        for t in tokenize(text) {
            assert_eq!(fold(strip_possessive(&text[t.start..t.end])), t.folded);
        }
        let words: Vec<&str> = tokenize(text).iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(words, ["Daesh’s", "Prevent", "c", "Zürich"]);
    }

    #[test]
    fn english_pipeline_stems_and_drops_stop_words() {
        let a = Analyzer::english();
        assert_eq!(a.term("the"), None);
        assert_eq!(a.term("bombings"), a.term("bombing"));
        assert_eq!(a.term("terrorists"), a.term("terrorist"));
        let terms = a.terms("The threat is evolving");
        assert_eq!(terms.iter().map(|(_, p)| *p).collect::<Vec<_>>(), [1, 3]);
    }
}
