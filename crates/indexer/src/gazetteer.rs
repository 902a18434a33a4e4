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
    /// Spanned: errors name the line of the entity they are about.
    name: toml::Spanned<String>,
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

/// A gazetteer read: its entities, and what was left out of them (a name that is only markup).
#[derive(Debug, Default)]
pub struct Gazetteer {
    pub entities: Vec<Entity>,
    pub warnings: Vec<CorpusError>,
}

/// Reads `root/gazetteer.toml`; no file means no entities.
pub fn read(root: &Path) -> Result<Gazetteer, CorpusError> {
    let path = crate::corpus::config_file(root, "gazetteer.toml");
    let Some(text) = crate::corpus::read_config(&path)? else { return Ok(Gazetteer::default()) };
    parse(&path, &text)
}

/// The entities of a gazetteer's text; `path` names the file in errors.
pub fn parse(path: &Path, text: &str) -> Result<Gazetteer, CorpusError> {
    let file: File = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| line_of(text.as_bytes(), s.start));
        CorpusError::new(path, line, format!("malformed gazetteer: {}", e.message()))
    })?;
    let mut out: Vec<Entity> = Vec::new();
    let mut warnings = Vec::new();
    // Each entity's slug and line: its page and its index term need it once.
    let mut seen: std::collections::HashMap<String, (String, usize)> = std::collections::HashMap::new();
    for entry in file.entity {
        let line = line_of(text.as_bytes(), entry.name.span().start);
        let raw_name = entry.name.into_inner();
        let error = |why: String| CorpusError::new(path, Some(line), format!("entity {raw_name:?}: {why}"));
        if !KINDS.contains(&entry.kind.as_str()) {
            return Err(error(format!("type {:?} is not one of {}", entry.kind, KINDS.join(", "))));
        }
        let date = entry.date.as_deref().map(PartialDate::parse).transpose().map_err(error)?;
        let mut aliases = Vec::new();
        for (written, exact_case) in
            entry.aliases.iter().map(|a| (a, false)).chain(entry.exact_case.iter().map(|a| (a, true)))
        {
            let text = sanitize::text(written);
            if text.trim().is_empty() {
                // Left out, and said: nothing else of the entity is wrong.
                warnings.push(error(format!(
                    "the name {written:?} has no text once its markup is removed: left out"
                )));
                continue;
            }
            aliases.push(Alias { text, exact_case });
        }
        // Names are shown on entity pages and chips: markup in them is reduced to its text.
        let name = sanitize::text(&raw_name);
        if name.trim().is_empty() {
            return Err(error("the entity's name has no text".into()));
        }
        let entity = Entity { name, kind: entry.kind, aliases, date };
        let slug = entity.slug();
        if slug.is_empty() {
            return Err(error("the entity's name has no letter or digit".into()));
        }
        if let Some((other, at)) = seen.get(&slug) {
            return Err(error(format!(
                "its name is {other:?}'s, at line {at}, as far as search and its page's address can tell: \
                 name one more fully (\"Georgia (country)\")"
            )));
        }
        seen.insert(slug, (entity.name.clone(), line));
        out.push(entity);
    }
    Ok(Gazetteer { entities: out, warnings })
}
