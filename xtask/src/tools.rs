//! Installing the tools, idempotently: each is checked first and installed only when missing or
//! at the wrong version. Everything comes from the package registries (crates.io, npm, Debian).

use std::path::{Path, PathBuf};
use std::process::Command;

pub type Result<T = ()> = std::result::Result<T, String>;

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask sits in the workspace").to_path_buf()
}

/// Runs a command, failing with its command line when it fails.
pub fn run(cmd: &mut Command) -> Result {
    let status = cmd.status().map_err(|e| format!("cannot start {cmd:?}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{cmd:?} failed ({status})"))
    }
}

/// The first line a tool prints for `--version`, if it runs at all.
fn version_of(program: &str) -> Option<String> {
    let out = Command::new(program).arg("--version").output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).lines().next().unwrap_or("").to_string())
}

/// The version of a package in Cargo.lock.
pub fn locked_version(package: &str) -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let needle = format!("name = \"{package}\"\nversion = \"");
    let at = lock.find(&needle).ok_or_else(|| format!("{package} is not in Cargo.lock"))? + needle.len();
    Ok(lock[at..].split('"').next().unwrap_or_default().to_string())
}

/// The wasm-bindgen version Trunk.toml names: it must equal Cargo.lock's.
pub fn trunk_wasm_bindgen() -> Result<String> {
    let toml = std::fs::read_to_string(root().join("Trunk.toml")).map_err(|e| format!("Trunk.toml: {e}"))?;
    toml.lines()
        .find_map(|l| l.trim().strip_prefix("wasm_bindgen = \""))
        .map(|v| v.trim_end_matches('"').to_string())
        .ok_or_else(|| "Trunk.toml names no wasm_bindgen version".into())
}

fn cargo_install(args: &[&str]) -> Result {
    eprintln!("xtask: installing {} (from crates.io, once)", args.join(" "));
    run(Command::new("cargo").arg("install").args(args))
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

fn apt_install(packages: &[&str]) -> Result {
    eprintln!("xtask: installing {} (Debian packages, once)", packages.join(" "));
    let sudo = if is_root() { None } else { Some("sudo") };
    let apt = |args: &[&str]| {
        let mut cmd = match sudo {
            Some(s) => {
                let mut c = Command::new(s);
                c.arg("apt-get");
                c
            }
            None => Command::new("apt-get"),
        };
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut cmd)
    };
    apt(&["update", "-q"])?;
    let mut args = vec!["install", "-y", "-q", "--no-install-recommends"];
    args.extend(packages);
    apt(&args)
}

pub fn node_bin() -> PathBuf {
    root().join("tools/node_modules/.bin")
}

/// The npm tools (wasm-opt from binaryen, playwright-core), from tools/package-lock.json.
fn ensure_npm_tools() -> Result {
    let tools = root().join("tools");
    let installed = tools.join("node_modules/.package-lock.json");
    let lock = tools.join("package-lock.json");
    let fresh = match (std::fs::metadata(&installed), std::fs::metadata(&lock)) {
        (Ok(i), Ok(l)) => i.modified().ok() >= l.modified().ok(),
        _ => false,
    };
    if !fresh || !node_bin().join("wasm-opt").exists() {
        eprintln!("xtask: installing npm tools (npm ci in tools/)");
        run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(&tools))?;
    }
    Ok(())
}

/// `test` and `bench` build several times in one run: check the tools once per process.
/// 0: not yet checked; 1: build tools checked; 2: the browser too.
static CHECKED: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// Everything the web build needs; with `browser`, also what the end-to-end tests need.
pub fn ensure(browser: bool) -> Result {
    use std::sync::atomic::Ordering;
    let wanted = if browser { 2 } else { 1 };
    if CHECKED.load(Ordering::Relaxed) >= wanted {
        return Ok(());
    }
    check(browser)?;
    CHECKED.fetch_max(wanted, Ordering::Relaxed);
    Ok(())
}

fn check(browser: bool) -> Result {
    let targets = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map_err(|e| format!("rustup: {e}"))?;
    if !String::from_utf8_lossy(&targets.stdout).lines().any(|l| l == "wasm32-unknown-unknown") {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    if !version_of("trunk").is_some_and(|v| v.starts_with("trunk 0.21.")) {
        // 0.22 needs a newer rustc than these machines have (DESIGN.md §6).
        cargo_install(&["trunk", "--locked", "--version", "~0.21"])?;
    }
    if version_of("cargo-deny").is_none_or(|v| v != "cargo-deny 0.20.2") {
        // The supply-chain checks of `cargo xtask test` (licences, bans, sources).
        cargo_install(&["cargo-deny", "--locked", "--version", "0.20.2"])?;
    }
    let wb = locked_version("wasm-bindgen")?;
    if trunk_wasm_bindgen()? != wb {
        return Err(format!("Trunk.toml's wasm_bindgen must be {wb}, the version in Cargo.lock"));
    }
    if version_of("wasm-bindgen").as_deref() != Some(&format!("wasm-bindgen {wb}")) {
        // Not --locked: its own lock pins a crate version the registry no longer serves.
        cargo_install(&["wasm-bindgen-cli", "--version", &wb])?;
    }
    if version_of("node").is_none() || version_of("npm").is_none() {
        apt_install(&["nodejs", "npm"])?;
    }
    ensure_npm_tools()?;
    if browser && (!Path::new("/usr/bin/chromium").exists() || !Path::new("/usr/bin/chromedriver").exists()) {
        apt_install(&["chromium", "chromium-driver", "fonts-dejavu-core"])?;
    }
    Ok(())
}
