//! Writing body shards (see `readingroom_core::shards`) where the app finds them: the folder
//! `shards/` beside the page, each shard twice:
//! - `NNNN.bin`, the bytes, which the app fetches over http;
//! - `NNNN.js`, the same bytes as base64 in a call to `__readingRoomShard(k, "…")`, which the
//!   app loads with a script element from file://, where browsers refuse fetch.

use base64::Engine;
use readingroom_core::shards::{ShardMode, ShardOptions, ShardTable, DEFAULT_TARGET};
use std::io;
use std::path::Path;

/// The global function a shard script calls (defined by the app before it adds the script).
pub const SHARD_CALLBACK: &str = "__readingRoomShard";
pub const SHARD_DIR: &str = "shards";

/// The command-line flags for [`ShardOptions`].
#[derive(Debug, Clone, clap::Args)]
pub struct ShardArgs {
    /// When article bodies go into shards loaded on demand: past 4 MB of bodies (auto), always
    /// or never.
    #[arg(long, value_enum, default_value = "auto")]
    pub shards: ShardChoice,
    /// Kilobytes of body text a shard aims at.
    #[arg(long, default_value_t = DEFAULT_TARGET / 1024, value_name = "KB")]
    pub shard_kb: usize,
}

impl Default for ShardArgs {
    fn default() -> Self {
        Self { shards: ShardChoice::Auto, shard_kb: DEFAULT_TARGET / 1024 }
    }
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ShardChoice {
    Auto,
    Always,
    Never,
}

impl ShardArgs {
    pub fn options(&self) -> ShardOptions {
        let mode = match self.shards {
            ShardChoice::Auto => ShardMode::Auto,
            ShardChoice::Always => ShardMode::Always,
            ShardChoice::Never => ShardMode::Never,
        };
        ShardOptions { mode, target_bytes: self.shard_kb.max(1) * 1024 }
    }
}

/// The summary line for `files`, as `readingroom index` and `cargo xtask build` print it; empty
/// when the bodies stayed embedded.
pub fn summary(files: &[Vec<u8>]) -> String {
    if files.is_empty() {
        return String::new();
    }
    let size: usize = files.iter().map(Vec::len).sum();
    format!("shards     {} files, {:.1} MB of bodies loaded on demand\n", files.len(), size as f64 / 1e6)
}

/// The script form of shard `k`.
pub fn shard_script(k: u32, bytes: &[u8]) -> String {
    let b64 = base64::engine::general_purpose::STANDARD.encode(bytes);
    format!("{SHARD_CALLBACK}({k},\"{b64}\");\n")
}

/// Replaces `dir/shards/` with `files` (removing it when there are none, so a rebuild without
/// shards leaves no stale ones). Returns the bytes written.
pub fn write(dir: &Path, files: &[Vec<u8>]) -> io::Result<u64> {
    let out = dir.join(SHARD_DIR);
    match std::fs::remove_dir_all(&out) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    if files.is_empty() {
        return Ok(0);
    }
    std::fs::create_dir_all(&out)?;
    let mut written = 0;
    for (k, bytes) in files.iter().enumerate() {
        let name = ShardTable::name(k as u32);
        let script = shard_script(k as u32, bytes);
        std::fs::write(out.join(format!("{name}.bin")), bytes)?;
        std::fs::write(out.join(format!("{name}.js")), &script)?;
        written += (bytes.len() + script.len()) as u64;
    }
    Ok(written)
}
