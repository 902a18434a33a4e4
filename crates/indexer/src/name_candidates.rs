//! Names the gazetteer does not know yet: runs of capitalised words in the corpus, counted, with
//! an example sentence, so that a curator can extend `gazetteer.toml`.

use crate::corpus::Corpus;
use readingroom_core::analyze::tokenize;
use readingroom_core::date::MONTHS;
use readingroom_core::entities::Tagger;
use std::collections::BTreeMap;

/// Lower-case words that may sit inside a name ("Osama bin Laden", "Abu Musab al-Suri").
const CONNECTORS: [&str; 8] = ["bin", "al", "de", "of", "the", "e", "von", "van"];

const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub name: String,
    pub count: usize,
    pub example: String,
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// The sentence of `text` around byte `at`.
fn sentence(text: &str, at: usize) -> String {
    let start = text[..at].rfind(['.', '?', '!']).map_or(0, |i| i + 1);
    let end = text[at..].find(['.', '?', '!']).map_or(text.len(), |i| at + i + 1);
    text[start..end].trim().to_string()
}

/// Capitalised runs seen at least `min` times, most frequent first. A run that opens a
/// sentence counts only if it also appears mid-sentence (else "However" would be a name).
pub fn candidates(corpus: &Corpus, min: usize) -> Vec<Candidate> {
    let tagger = Tagger::new(&corpus.entities);
    let analyzer = corpus.analyzer();
    let mut found: BTreeMap<String, (usize, usize, String)> = BTreeMap::new(); // name → (count, mid, example)
    for (_, a) in &corpus.articles {
        let texts =
            std::iter::once(a.title.as_str()).chain(a.note.iter().map(String::as_str)).chain(a.body_texts());
        for text in texts {
            let tokens = tokenize(text);
            let mut i = 0;
            while i < tokens.len() {
                let word = &text[tokens[i].start..tokens[i].end];
                if !capitalised(word) {
                    i += 1;
                    continue;
                }
                let mut j = i + 1;
                while j < tokens.len() {
                    let w = &text[tokens[j].start..tokens[j].end];
                    let gap = &text[tokens[j - 1].end..tokens[j].start];
                    let joined = matches!(gap, " " | "-");
                    if joined && (capitalised(w) || (CONNECTORS.contains(&w) && j + 1 < tokens.len())) {
                        j += 1;
                    } else {
                        break;
                    }
                }
                // Trailing connectors are not part of the name.
                while j > i + 1 && CONNECTORS.contains(&&text[tokens[j - 1].start..tokens[j - 1].end]) {
                    j -= 1;
                }
                // Nor are leading stop words: "The Home Office" is "Home Office".
                let next = j;
                while i + 1 < j && analyzer.term(&tokens[i].folded).is_none() {
                    i += 1;
                }
                let word = &text[tokens[i].start..tokens[i].end];
                let raw: Vec<String> =
                    tokens[i..j].iter().map(|t| text[t.start..t.end].to_string()).collect();
                // Known if the gazetteer finds a mention here, also one that starts a word earlier
                // ("al Qaeda").
                let known = (i.saturating_sub(1)..j)
                    .any(|k| tagger.mentions(text, &tokens[k..j]).iter().any(|m| m.token + k + m.len > i))
                    || tagger.entity_named(&raw).is_some();
                // Mid-sentence only after a lower-case letter or a comma, semicolon or bracket:
                // anything else (full stops, quotes, footnote markers) may end a sentence.
                let before = text[..tokens[i].start].trim_end().chars().last();
                let opens_sentence =
                    !before.is_some_and(|c| c.is_lowercase() || matches!(c, ',' | ';' | '(' | '–' | '—'));
                let single_short = j == i + 1 && word.chars().count() < 3;
                let calendar = j == i + 1 && (MONTHS.contains(&word) || WEEKDAYS.contains(&word));
                if !known && !single_short && !calendar {
                    let name = text[tokens[i].start..tokens[j - 1].end].to_string();
                    let e = found.entry(name).or_insert((0, 0, String::new()));
                    e.0 += 1;
                    if !opens_sentence {
                        e.1 += 1;
                        if e.2.is_empty() {
                            e.2 = sentence(text, tokens[i].start);
                        }
                    }
                }
                i = next;
            }
        }
    }
    let mut out: Vec<Candidate> = found
        .into_iter()
        .filter(|(_, (count, mid, _))| *count >= min && *mid > 0)
        .map(|(name, (count, _, example))| Candidate { name, count, example })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use readingroom_core::{Article, Block, Entity, PartialDate};
    use std::path::PathBuf;

    fn corpus(body: &[&str]) -> Corpus {
        let body = body.iter().map(|p| Block::Paragraph(p.to_string())).collect();
        let article = Article::new("a", "A title", PartialDate::parse("2017").unwrap(), body);
        Corpus {
            root: PathBuf::from("."),
            name: None,
            language: "en".into(),
            files_read: 1,
            rejected: Vec::new(),
            warnings: Vec::new(),
            left_out: Default::default(),
            articles: vec![(PathBuf::from("a.md"), article)],
            entities: vec![Entity {
                date: None,
                name: "Daesh".into(),
                kind: "group".into(),
                aliases: vec![],
            }],
        }
    }

    #[test]
    fn finds_unknown_names_not_sentence_openers_or_known_ones() {
        let c = corpus(&[
            "However, the Home Office said so. The Home Office and Daesh again.",
            "Reports by Abu Musab al-Suri and the Home Office. However it was.",
        ]);
        let names: Vec<(String, usize)> = candidates(&c, 2).into_iter().map(|c| (c.name, c.count)).collect();
        assert_eq!(names, [("Home Office".to_string(), 3)]);
        let all = candidates(&c, 1);
        assert!(all.iter().any(|c| c.name == "Abu Musab al-Suri"), "{all:?}");
        assert!(!all.iter().any(|c| c.name == "However" || c.name == "Daesh"));
        let home = all.iter().find(|c| c.name == "Home Office").unwrap();
        assert_eq!(home.example, "However, the Home Office said so.");
    }
}
