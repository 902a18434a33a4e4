//! Real-world test data whose licence keeps it out of the repository, fetched into
//! `target/fixtures/` when the tests run (once: later runs reuse it).

use crate::tools::{root, run, Result};
use std::path::PathBuf;
use std::process::Command;

const PELICAN: &str = "pelican-4.9.1";
/// The sdist's hash on PyPI: pip refuses anything else.
const PELICAN_SHA256: &str = "c08434f0df2a6b649cfe485cbf0d8fdb727ff89ba6ecb1c867f88ceb2f37f179";
const WXR_IN_SDIST: &str = "pelican/tests/content/wordpressexport.xml";

/// The importers' ignored tests on the real exports, fetched first.
pub fn test_real() -> Result {
    let wxr = pelican_wxr()?;
    run(Command::new("cargo")
        .args(["test", "-p", "readingroom-indexer", "--test", "wxr", "real_export", "--", "--ignored"])
        .current_dir(root())
        .env("READINGROOM_WXR_REAL", wxr))
}

/// Pelican's WordPress export test file (AGPL-3.0), from its sdist on PyPI.
pub fn pelican_wxr() -> Result<PathBuf> {
    let dir = root().join("target/fixtures");
    let wxr = dir.join(PELICAN).join(WXR_IN_SDIST);
    if wxr.is_file() {
        return Ok(wxr);
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let requirements = dir.join("pelican-requirements.txt");
    std::fs::write(&requirements, format!("pelican==4.9.1 --hash=sha256:{PELICAN_SHA256}\n"))
        .map_err(|e| format!("{}: {e}", requirements.display()))?;
    run(Command::new("python3")
        .args([
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-deps",
            "--no-binary",
            ":all:",
            "--require-hashes",
            "-r",
        ])
        .arg(&requirements)
        .arg("-d")
        .arg(&dir))?;
    run(Command::new("tar")
        .arg("xzf")
        .arg(dir.join(format!("{PELICAN}.tar.gz")))
        .arg("-C")
        .arg(&dir)
        .arg(format!("{PELICAN}/{WXR_IN_SDIST}")))?;
    Ok(wxr)
}
