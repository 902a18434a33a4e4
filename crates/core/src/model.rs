//! The article model shared by the indexer (which fills it) and the app (which renders it).

use crate::date::PartialDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable identifier used in URLs (`#/article/SLUG`).
    pub slug: String,
    pub title: String,
    pub date: PartialDate,
    pub outlet: String,
    /// interview, book review, op-ed, commentary, comic...
    pub kind: String,
    pub authors: Vec<String>,
    pub topics: Vec<String>,
    /// The blogger's note that introduced the piece, kept apart from the piece itself.
    pub note: Vec<String>,
    /// Standfirst shown under the title, when the piece has one.
    pub summary: Option<String>,
    /// Issue or volume line of a journal piece.
    pub issue: Option<String>,
    /// The author-bio line that closed the piece.
    pub bio: Option<String>,
    pub url: Option<String>,
    /// Images, captions and credits: kept apart from the body so they never pollute it.
    pub media: Vec<Media>,
    pub body: Vec<Block>,
    pub word_count: u32,
    /// Dates and named events the piece mentions, mined at build time, for the timeline.
    pub dates: Vec<DateMention>,
    /// Slugs of the most similar articles, most similar first, computed at build time.
    pub related: Vec<String>,
    /// Where the text calls its footnotes and citations, in reading order.
    pub note_refs: Vec<NoteRef>,
}

/// A call of a footnote or citation in the text: the marker stood at `offset` in paragraph
/// `paragraph` (in `Article::body_texts` order) and was taken out of the text, so that search,
/// snippets and mined dates see the words alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteRef {
    pub paragraph: u32,
    pub offset: u32,
    /// The label of a `Block::Note` of the same article.
    pub label: String,
}

/// A date, span of dates or named event mentioned in the body, with the sentence it is in, so
/// the timeline can link to that sentence and the article can highlight it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    /// Which paragraph, in `Article::body_texts` order.
    pub paragraph: u32,
    /// Byte range of the expression ("July 7, 2005", "the 1980s", "7/7") in the paragraph.
    pub start: u32,
    pub end: u32,
    /// Byte range of its sentence in the paragraph.
    pub sentence_start: u32,
    pub sentence_end: u32,
    /// The time it denotes, inclusive, each end at its own precision.
    pub from: PartialDate,
    pub to: PartialDate,
    /// The gazetteer event it names, if it names one ("7/7").
    pub entity: Option<u32>,
    /// How a reader reads the span: "7 July 2005", "late 1970s", "2002–2004".
    pub label: String,
}

impl DateMention {
    /// Whether what it names begins after `published`: a plan or a forecast ("by 2030"), not
    /// a time the piece looks back on. Only where the dates tell: "2018" in a piece of
    /// February 2018 may be either.
    pub fn ahead_of(&self, published: &PartialDate) -> bool {
        let (f, p) = (&self.from, published);
        if f.year != p.year {
            return f.year > p.year;
        }
        match (f.month, p.month) {
            (Some(a), Some(b)) if a != b => a > b,
            (Some(_), Some(_)) => matches!((f.day, p.day), (Some(a), Some(b)) if a > b),
            _ => false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Media {
    pub file: Option<String>,
    pub caption: Option<String>,
    pub credit: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    Question,
    Answer,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    Paragraph(String),
    Heading(String),
    /// One turn of an interview: who speaks, and what they say (one or more paragraphs).
    Turn {
        role: Role,
        speaker: String,
        paragraphs: Vec<String>,
    },
    /// A footnote or citation, e.g. label "a" or "1".
    Note {
        label: String,
        text: String,
    },
}

impl Block {
    /// The block's paragraphs of plain text, in reading order.
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Block::Paragraph(t) | Block::Heading(t) => vec![t.as_str()],
            Block::Turn { paragraphs, .. } => paragraphs.iter().map(String::as_str).collect(),
            Block::Note { text, .. } => vec![text.as_str()],
        }
    }
}

impl Article {
    /// An article with only what every article has: no metadata beyond the date, no note, no
    /// media. Importers and tests fill in the rest.
    pub fn new(slug: &str, title: &str, date: PartialDate, body: Vec<Block>) -> Self {
        let mut a = Article {
            slug: slug.into(),
            title: title.into(),
            date,
            outlet: String::new(),
            kind: String::new(),
            authors: Vec::new(),
            topics: Vec::new(),
            note: Vec::new(),
            summary: None,
            issue: None,
            bio: None,
            url: None,
            media: Vec::new(),
            body,
            word_count: 0,
            dates: Vec::new(),
            related: Vec::new(),
            note_refs: Vec::new(),
        };
        a.word_count = a.body_texts().map(|t| crate::analyze::tokenize(t).len() as u32).sum();
        a
    }

    /// Every paragraph of the piece's body, in reading order.
    pub fn body_texts(&self) -> impl Iterator<Item = &str> {
        self.body.iter().flat_map(|b| b.texts())
    }

    /// Reading time at 230 words a minute, at least one minute.
    pub fn reading_minutes(&self) -> u32 {
        self.word_count.div_ceil(230).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::DateMention;
    use crate::PartialDate;

    #[test]
    fn a_date_after_publication_is_ahead_only_where_the_dates_tell() {
        let mention = |from: &str| {
            let from = PartialDate::parse(from).unwrap();
            DateMention {
                paragraph: 0,
                start: 0,
                end: 0,
                sentence_start: 0,
                sentence_end: 0,
                from,
                to: from,
                entity: None,
                label: String::new(),
            }
        };
        let feb_2018 = PartialDate::parse("2018-02-14").unwrap();
        assert!(mention("2042").ahead_of(&feb_2018));
        assert!(mention("2018-03").ahead_of(&feb_2018));
        assert!(mention("2018-02-20").ahead_of(&feb_2018));
        assert!(!mention("2018").ahead_of(&feb_2018), "the year it was written: either");
        assert!(!mention("2018-02").ahead_of(&feb_2018));
        assert!(!mention("2018-02-14").ahead_of(&feb_2018));
        assert!(!mention("2005-07-07").ahead_of(&feb_2018));
        // A piece dated to the year only: its own year tells nothing.
        assert!(!mention("2017-07").ahead_of(&PartialDate::parse("2017").unwrap()));
    }
}
