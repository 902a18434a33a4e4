//! The dates and named events an article's body mentions, for the timeline: dates mined from
//! the text, and mentions of the gazetteer's dated events ("7/7"), each with its sentence.

use crate::date_mining::{mine, sentences};
use readingroom_core::analyze::tokenize;
use readingroom_core::entities::Tagger;
use readingroom_core::{Article, DateMention, Entity};

pub fn date_mentions(article: &Article, entities: &[Entity], tagger: &Tagger) -> Vec<DateMention> {
    let mut out = Vec::new();
    for (paragraph, text) in article.body_texts().enumerate() {
        let paragraph = paragraph as u32;
        let mut found: Vec<DateMention> = mine(text)
            .into_iter()
            .map(|m| DateMention {
                label: m.label(),
                paragraph,
                start: m.start as u32,
                end: m.end as u32,
                sentence_start: m.sentence_start as u32,
                sentence_end: m.sentence_end as u32,
                from: m.from,
                to: m.to,
                entity: None,
            })
            .collect();
        let tokens = tokenize(text);
        let bounds = sentences(text);
        for m in tagger.mentions(text, &tokens) {
            let Some(date) = entities[m.entity as usize].date else { continue };
            let (start, end) = (tokens[m.token].start, tokens[m.token + m.len - 1].end);
            // A named event written with its date ("the July 7, 2005 attacks") is one mention.
            if found.iter().any(|f| (f.start as usize) < end && start < f.end as usize) {
                continue;
            }
            let (s, e) =
                bounds.iter().copied().find(|&(s, e)| s <= start && end <= e).unwrap_or((0, text.len()));
            found.push(DateMention {
                paragraph,
                start: start as u32,
                end: end as u32,
                sentence_start: s as u32,
                sentence_end: e as u32,
                from: date,
                to: date,
                entity: Some(m.entity),
                label: date.to_string(),
            });
        }
        found.sort_by_key(|m| m.start);
        out.extend(found);
    }
    out
}
