//! Front matter: the TOML block between `+++` lines at the top of an article file.
//! TOML was chosen over YAML because the `toml` crate is actively kept and reports byte spans,
//! which become the line numbers in our error messages.

use crate::error::{line_of, CorpusError};
use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub slug: Option<String>,
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub kind: Option<String>,
    #[serde(default)]
    pub authors: Vec<String>,
    #[serde(default)]
    pub topics: Vec<String>,
    pub note: Option<String>,
    pub summary: Option<String>,
    pub issue: Option<String>,
    pub bio: Option<String>,
    pub url: Option<String>,
    pub interview: Option<Interview>,
    #[serde(default)]
    pub media: Vec<MediaEntry>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interview {
    pub questioner: String,
    pub respondent: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MediaEntry {
    pub file: Option<String>,
    pub caption: Option<String>,
    pub credit: Option<String>,
}

/// An article file split into its parts.
pub struct Parsed<'a> {
    pub front: FrontMatter,
    /// The front matter's source text, to find the line of a key.
    pub front_text: &'a str,
    /// Line number (1-based) of the first front-matter line.
    pub front_line: usize,
    pub body: &'a str,
    /// Line number (1-based) of the first body line.
    pub body_line: usize,
}

pub fn parse<'a>(path: &Path, text: &'a str) -> Result<Parsed<'a>, CorpusError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "+++" {
        return Err(CorpusError::new(
            path,
            Some(1),
            "expected front matter: the file must start with a line `+++`",
        ));
    }
    let start = first.len();
    let mut offset = start;
    let mut line_no = 1;
    for line in lines {
        line_no += 1;
        if line.trim_end() == "+++" {
            let front_text = &text[start..offset];
            let body = &text[offset + line.len()..];
            let front: FrontMatter = toml::from_str(front_text).map_err(|e| {
                // The front matter starts on line 2, after the opening `+++`.
                let line = e.span().map(|s| 1 + line_of(front_text.as_bytes(), s.start));
                CorpusError::new(path, line, format!("malformed front matter: {}", e.message()))
            })?;
            return Ok(Parsed { front, front_text, front_line: 2, body, body_line: line_no + 1 });
        }
        offset += line.len();
    }
    Err(CorpusError::new(path, Some(1), "front matter opened with `+++` on line 1 is never closed"))
}

impl Parsed<'_> {
    /// The file line of the front-matter key `key`, for error messages.
    pub fn key_line(&self, key: &str) -> Option<usize> {
        self.front_text
            .lines()
            .position(|l| {
                l.trim_start().strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with('='))
            })
            .map(|i| self.front_line + i)
    }
}
