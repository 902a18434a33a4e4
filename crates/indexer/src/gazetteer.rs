//! The gazetteer file (`gazetteer.toml` at the corpus root): the corpus's entities and their names.

use crate::error::{line_of, CorpusError};
use crate::sanitize;
use readingroom_core::{Alias, Entity, PartialDate};
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    entity: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    name: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    exact_case: Vec<String>,
    /// When an event happened: YYYY, YYYY-MM or YYYY-MM-DD.
    date: Option<String>,
}

const KINDS: [&str; 5] = ["person", "organisation", "group", "place", "event"];

/// Reads `root/gazetteer.toml`; no file means no entities.
pub fn read(root: &Path) -> Result<Vec<Entity>, CorpusError> {
    let path = crate::corpus::config_file(root, "gazetteer.toml");
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(CorpusError::new(&path, None, e.to_string())),
    };
    parse(&path, &text)
}

/// The entities of a gazetteer's text; `path` names the file in errors.
pub fn parse(path: &Path, text: &str) -> Result<Vec<Entity>, CorpusError> {
    let file: File = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| line_of(text.as_bytes(), s.start));
        CorpusError::new(path, line, format!("malformed gazetteer: {}", e.message()))
    })?;
    let mut out = Vec::new();
    for entry in file.entity {
        let line_of_name =
            || text.find(&format!("name = \"{}\"", entry.name)).map(|at| line_of(text.as_bytes(), at));
        if !KINDS.contains(&entry.kind.as_str()) {
            return Err(CorpusError::new(
                path,
                line_of_name(),
                format!("entity {:?}: type {:?} is not one of {}", entry.name, entry.kind, KINDS.join(", ")),
            ));
        }
        let date = match &entry.date {
            Some(d) => Some(PartialDate::parse(d).map_err(|why| {
                CorpusError::new(path, line_of_name(), format!("entity {:?}: {why}", entry.name))
            })?),
            None => None,
        };
        let aliases = entry
            .aliases
            .into_iter()
            .map(|text| Alias { text: sanitize::text(&text), exact_case: false })
            .chain(
                entry
                    .exact_case
                    .into_iter()
                    .map(|text| Alias { text: sanitize::text(&text), exact_case: true }),
            )
            .filter(|a| !a.text.is_empty())
            .collect();
        // Names are shown on entity pages and chips: markup in them is reduced to its text.
        let name = sanitize::text(&entry.name);
        if name.is_empty() {
            return Err(CorpusError::new(path, line_of_name(), "entity name has no text"));
        }
        out.push(Entity { name, kind: entry.kind, aliases, date });
    }
    Ok(out)
}
