//! The archive file (`archive.toml` at the corpus root): what the archive calls itself and the
//! language it is written in. Its name heads the app and titles its pages; without the file the
//! app is "Reading Room". Its language chooses the stemmer and stop words of the index and of
//! the app's queries; English without it.

use crate::error::{line_of, CorpusError};
use crate::sanitize;
use readingroom_core::Analyzer;
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    /// Spanned, as the gazetteer's names are: errors name the line of the key they are about.
    name: Option<toml::Spanned<String>>,
    language: Option<toml::Spanned<String>>,
}

/// What `archive.toml` says.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Archive {
    pub name: Option<String>,
    /// An ISO 639-1 code that [`Analyzer::for_language`] reads, as it names it ("nl", not "du").
    pub language: Option<String>,
}

/// Longer than a header or a browser tab shows.
const MAX_NAME_CHARS: usize = 80;

/// Reads `root/archive.toml`; no file means no name, and English.
pub fn read(root: &Path) -> Result<Archive, CorpusError> {
    let path = crate::corpus::config_file(root, "archive.toml");
    match crate::corpus::read_config(&path)? {
        Some(text) => parse(&path, &text),
        None => Ok(Archive::default()),
    }
}

/// What an archive file's text says; `path` names the file in errors.
pub fn parse(path: &Path, text: &str) -> Result<Archive, CorpusError> {
    let file: File = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| line_of(text.as_bytes(), s.start));
        CorpusError::new(path, line, format!("malformed archive file: {}", e.message()))
    })?;
    let line = |value: &toml::Spanned<String>| Some(line_of(text.as_bytes(), value.span().start));
    let name = file.name.map(|n| check_name(path, line(&n), n.get_ref())).transpose()?;
    let language = file
        .language
        .map(|code| match Analyzer::for_language(code.get_ref()) {
            Some(a) => Ok(a.language().to_string()),
            None => Err(CorpusError::new(
                path,
                line(&code),
                format!(
                    "the language {:?} is not one Reading Room can stem: use one of {}",
                    code.get_ref(),
                    Analyzer::codes().join(", ")
                ),
            )),
        })
        .transpose()?;
    Ok(Archive { name, language })
}

fn check_name(path: &Path, line: Option<usize>, name: &str) -> Result<String, CorpusError> {
    // Shown as text in the header and the title: markup in it is reduced to its text.
    let name = sanitize::text(name).split_whitespace().collect::<Vec<_>>().join(" ");
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
        let name = |text: &str| parse(path, text).map(|a| a.name.expect("a name"));
        assert_eq!(name("name = \"The  Pantucci <b>Papers</b>\"\n").unwrap(), "The Pantucci Papers");
        let e = parse(path, "# the archive\n\nnmae = \"x\"\n").unwrap_err().to_string();
        assert!(e.starts_with("corpus/archive.toml:3:"), "{e}");
        let e = parse(path, "# the archive\nname = \"  \"\n").unwrap_err().to_string();
        assert_eq!(e, "corpus/archive.toml:2: the archive's name is empty");
        let e = parse(path, &format!("name = \"{}\"", "x".repeat(81))).unwrap_err().to_string();
        assert!(e.contains("longer than 80 characters"), "{e}");
    }

    #[test]
    fn reads_the_language_and_refuses_one_it_cannot_stem() {
        let path = Path::new("corpus/archive.toml");
        let language = |text: &str| parse(path, text).map(|a| a.language);
        assert_eq!(language("language = \"fr\"").unwrap().as_deref(), Some("fr"));
        // Dutch by its ISO code, and by the one lunr-languages gives it.
        assert_eq!(language("language = \"NL\"").unwrap().as_deref(), Some("nl"));
        assert_eq!(language("language = \"du\"").unwrap().as_deref(), Some("nl"));
        assert_eq!(language("name = \"Papers\"").unwrap(), None);
        let e = language("name = \"Papers\"\nlanguage = \"xx\"\n").unwrap_err().to_string();
        assert!(e.starts_with("corpus/archive.toml:2: the language \"xx\" is not one"), "{e}");
        assert!(e.contains("en, ") && e.contains("es") && e.contains("nl"), "{e}");
    }

    #[test]
    fn no_file_no_name() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read(dir.path()).unwrap(), Archive::default());
        std::fs::write(dir.path().join("archive.toml"), "name = \"Papers\"").unwrap();
        assert_eq!(read(dir.path()).unwrap().name.as_deref(), Some("Papers"));
    }
}
