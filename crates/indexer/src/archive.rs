//! The archive file (`archive.toml` at the corpus root): what the archive calls itself. Its
//! name heads the app and titles its pages; without the file the app is "Reading Room".

use crate::error::{line_of, CorpusError};
use crate::sanitize;
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    name: String,
}

/// Longer than a header or a browser tab shows.
const MAX_NAME_CHARS: usize = 80;

/// Reads `root/archive.toml`; no file means no name.
pub fn read(root: &Path) -> Result<Option<String>, CorpusError> {
    let path = crate::corpus::config_file(root, "archive.toml");
    match std::fs::read_to_string(&path) {
        Ok(text) => parse(&path, &text).map(Some),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(CorpusError::new(&path, None, e.to_string())),
    }
}

/// The name in an archive file's text; `path` names the file in errors.
pub fn parse(path: &Path, text: &str) -> Result<String, CorpusError> {
    let file: File = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| line_of(text.as_bytes(), s.start));
        CorpusError::new(path, line, format!("malformed archive file: {}", e.message()))
    })?;
    let line = text.find("name").map(|at| line_of(text.as_bytes(), at));
    // Shown as text in the header and the title: markup in it is reduced to its text.
    let name = sanitize::text(&file.name).split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(CorpusError::new(path, line, "the archive's name is empty"));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(CorpusError::new(
            path,
            line,
            format!("the archive's name is longer than {MAX_NAME_CHARS} characters"),
        ));
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_name_and_names_the_line_of_what_is_wrong() {
        let path = Path::new("corpus/archive.toml");
        assert_eq!(parse(path, "name = \"The  Pantucci <b>Papers</b>\"\n").unwrap(), "The Pantucci Papers");
        let e = parse(path, "# the archive\n\nnmae = \"x\"\n").unwrap_err().to_string();
        assert!(e.starts_with("corpus/archive.toml:3:"), "{e}");
        let e = parse(path, "# the archive\nname = \"  \"\n").unwrap_err().to_string();
        assert_eq!(e, "corpus/archive.toml:2: the archive's name is empty");
        let e = parse(path, &format!("name = \"{}\"", "x".repeat(81))).unwrap_err().to_string();
        assert!(e.contains("longer than 80 characters"), "{e}");
    }

    #[test]
    fn no_file_no_name() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read(dir.path()).unwrap(), None);
        std::fs::write(dir.path().join("archive.toml"), "name = \"Papers\"").unwrap();
        assert_eq!(read(dir.path()).unwrap().as_deref(), Some("Papers"));
    }
}
