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
            let (mut start, mut end) = (tokens[m.token].start, tokens[m.token + m.len - 1].end);
            // A named event written with its date is one mention: "the July 7, 2005 attacks"
            // the date's, "the 2004 Madrid bombings" the event's, which says the day. The year
            // alone had put the sentence under "2004" as well as under 11 March 2004.
            let overlaps = |f: &DateMention| (f.start as usize) < end && start < f.end as usize;
            let just_before =
                |f: &DateMention| (f.end as usize) <= start && text[f.end as usize..start].trim().is_empty();
            if let Some(i) = found.iter().position(|f| f.entity.is_none() && (overlaps(f) || just_before(f)))
            {
                let f = &found[i];
                let same_time = names_time_of(f, &date);
                if same_time && coarser(f, &date) {
                    (start, end) = (start.min(f.start as usize), end.max(f.end as usize));
                    found.remove(i);
                } else if same_time || overlaps(f) {
                    continue;
                }
                // Else another time beside the name ("the 2005 Madrid bombings trial", "May
                // 2004 Madrid bombings suspects", "from 2001 to 2004 Madrid bombings"): both.
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

/// Whether a mined date is one time that `date` falls in, at the date's own precision: "2004"
/// or "March 2004" for 11 March 2004, not "May 2004", nor a range or decade that holds it.
fn names_time_of(f: &DateMention, date: &readingroom_core::PartialDate) -> bool {
    let d = f.from;
    f.from == f.to
        && d.year == date.year
        && d.month.is_none_or(|m| Some(m) == date.month)
        && d.day.is_none_or(|day| Some(day) == date.day)
}

/// Whether a mined date says less than `date`: one year, or one month, where the event has a
/// month or a day.
fn coarser(f: &DateMention, date: &readingroom_core::PartialDate) -> bool {
    let precision =
        |d: &readingroom_core::PartialDate| u8::from(d.month.is_some()) + u8::from(d.day.is_some());
    f.from == f.to && precision(&f.from) < precision(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use readingroom_core::entities::Alias;
    use readingroom_core::{Block, PartialDate};

    fn mentions(text: &str) -> Vec<(String, String, Option<u32>)> {
        let madrid = Entity {
            name: "2004 Madrid train bombings".into(),
            kind: "event".into(),
            aliases: vec![Alias { text: "Madrid bombings".into(), exact_case: false }],
            date: Some(PartialDate { year: 2004, month: Some(3), day: Some(11) }),
        };
        let entities = vec![madrid];
        let date = PartialDate { year: 2018, month: None, day: None };
        let article = Article::new("a", "A", date, vec![Block::Paragraph(text.into())]);
        date_mentions(&article, &entities, &Tagger::new(&entities))
            .into_iter()
            .map(|m| (text[m.start as usize..m.end as usize].to_string(), m.label, m.entity))
            .collect()
    }

    #[test]
    fn a_year_written_with_its_event_is_the_event() {
        let event = |span: &str| vec![(span.to_string(), "11 March 2004".to_string(), Some(0))];
        assert_eq!(mentions("A review of the 2004 Madrid bombings."), event("2004 Madrid bombings"));
        assert_eq!(
            mentions("Reinares, The 2004 Madrid Train Bombings, 2017."),
            event("2004 Madrid Train Bombings")
                .into_iter()
                .chain([("2017".into(), "2017".into(), None)])
                .collect::<Vec<_>>()
        );
        // A year apart from the name, or another year, stays a date of its own.
        assert_eq!(mentions("In 2004, after the Madrid bombings.").len(), 2);
        assert_eq!(mentions("The 2005 Madrid bombings trial.").len(), 2);
        assert_eq!(mentions("By May 2004 Madrid bombings suspects had fled.").len(), 2);
        assert_eq!(mentions("From 2001 to 2004 Madrid bombings were planned.").len(), 2);
        assert_eq!(mentions("The March 2004 Madrid bombings.")[0].1, "11 March 2004");
        // A date that says as much as the event's is the mention.
        let day = mentions("The 11 March 2004 Madrid bombings.");
        assert_eq!(day.len(), 1, "{day:?}");
        assert_eq!(day[0].2, None);
    }
}
