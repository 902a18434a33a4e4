//! Turning Trunk's web build into the two shapes readers get:
//! - the web build with relative paths, so it works under any sub-path of a host site
//!   (Trunk itself emits root-absolute paths, see DESIGN.md);
//! - `standalone.html`, one file that starts from file:// with no network: the CSS inlined,
//!   the wasm-bindgen glue in an inline module script, and the wasm embedded as base64 and
//!   instantiated from bytes (file:// forbids fetching the .wasm and loading module files).

use base64::Engine;
use readingroom_core::snippet::clip_words;
use readingroom_core::{search, Analyzer, Index, Sort};
use std::io;
use std::path::{Path, PathBuf};

/// The files of one web build.
#[derive(Debug)]
pub struct WebBuild {
    pub index_html: PathBuf,
    pub js: PathBuf,
    pub wasm: PathBuf,
    pub css: Vec<PathBuf>,
}

fn only(found: Vec<PathBuf>, what: &str, dist: &Path) -> io::Result<PathBuf> {
    match <[PathBuf; 1]>::try_from(found) {
        Ok([one]) => Ok(one),
        Err(v) => {
            Err(io::Error::other(format!("expected one {what} in {}, found {}", dist.display(), v.len())))
        }
    }
}

pub fn find_build(dist: &Path) -> io::Result<WebBuild> {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(dist)?.map(|e| e.map(|e| e.path())).collect::<io::Result<_>>()?;
    files.sort();
    let named = |suffix: &str| -> Vec<PathBuf> {
        files
            .iter()
            .filter(|p| {
                // Our own additions (the start-up script, the embed loader and its stylesheet)
                // are not Trunk's.
                p.file_name().is_some_and(|n| {
                    let n = n.to_string_lossy();
                    n.ends_with(suffix)
                        && !n.ends_with("-boot.js")
                        && !n.ends_with(SHADOW_CSS_SUFFIX)
                        && n != "embed.js"
                        && n != SHELL_JS_NAME
                })
            })
            .cloned()
            .collect()
    };
    Ok(WebBuild {
        index_html: dist.join("index.html"),
        js: only(named(".js"), "JavaScript glue file", dist)?,
        wasm: only(named("_bg.wasm"), "wasm module", dist)?,
        css: named(".css"),
    })
}

fn file_name(p: &Path) -> String {
    p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Rewrites root-absolute references to the build's own files (`/app-123.js`) as relative
/// ones (`./app-123.js`). Only those references change; anything else in the page is left.
pub fn relative_paths(html: &str, own_files: &[String]) -> String {
    let mut out = html.to_string();
    for name in own_files {
        for quote in ['"', '\''] {
            out = out.replace(&format!("{quote}/{name}"), &format!("{quote}./{name}"));
        }
    }
    out
}

/// The content security policy the web build ships with: only its own scripts (and wasm
/// compilation), styles and everything else.
pub const WEB_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/// Trunk's start-up script is inline, which `script-src 'self'` forbids: it moves to its own
/// file, and the page declares the policy. Returns the page and the script.
pub fn externalize_boot(html: &str, boot_name: &str) -> io::Result<(String, String)> {
    let open = "<script type=\"module\">";
    let start = html.find(open).ok_or_else(|| io::Error::other("no inline start-up script in index.html"))?;
    let body_start = start + open.len();
    let end = body_start
        + html[body_start..]
            .find("</script>")
            .ok_or_else(|| io::Error::other("unterminated start-up script"))?;
    let boot = html[body_start..end].trim().to_string() + "\n";
    let mut page = format!(
        "{}<script type=\"module\" src=\"./{boot_name}\"></script>{}",
        &html[..start],
        &html[end + "</script>".len()..]
    );
    let charset = "<meta charset=\"utf-8\">";
    let at = page.find(charset).ok_or_else(|| io::Error::other("index.html has no <meta charset>"))?
        + charset.len();
    page.insert_str(at, &format!("\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{WEB_CSP}\">"));
    Ok((page, boot))
}

/// Makes `dist/index.html` relative and its start-up script a file, in place.
pub fn relativize(build: &WebBuild) -> io::Result<()> {
    let html = std::fs::read_to_string(&build.index_html)?;
    let mut own = vec![file_name(&build.js), file_name(&build.wasm)];
    own.extend(build.css.iter().map(|c| file_name(c)));
    let boot_name = file_name(&build.js).replace(".js", "-boot.js");
    let (page, boot) = externalize_boot(&relative_paths(&html, &own), &boot_name)?;
    let dist = build.index_html.parent().unwrap_or(Path::new("."));
    std::fs::write(dist.join(&boot_name), boot)?;
    std::fs::write(&build.index_html, page)
}

/// The placeholder Trunk's page (our index.html) shows in the mount element until the wasm runs.
const LOADING: &str = "<p class=\"rr-loading\">Loading the archive…</p>";

/// The script that marks routes other than home before the page paints (see [`SHELL_JS`]).
pub const SHELL_JS_NAME: &str = "shell.js";

/// The home page is pre-rendered into index.html, so it paints before the wasm has arrived;
/// any other route would flash the wrong view, and a dark theme chosen earlier would flash
/// light. This script (a file: the policy forbids inline ones) runs from inside the mount
/// element, before the pre-rendered page is parsed: it marks other routes, for which the
/// stylesheet shows "Loading" instead, and applies the stored theme as the app would. Home is
/// an empty hash, `#` or `#/`.
pub const SHELL_JS: &str = r#"// Written by `cargo xtask build`: index.html carries the home page pre-rendered. Before it is
// parsed, mark other routes (the stylesheet then shows "Loading" until the app has started) and
// apply the colour theme the reader chose (the app's theme toggle stores it).
{
  const root = document.currentScript.parentElement;
  if (!/^(#\/?)?$/.test(location.hash)) root.classList.add('rr-route-other');
  try {
    const theme = localStorage.getItem('readingroom-theme');
    if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
  } catch {
    // Storage can be refused (privacy settings, file://): the system's theme it is.
  }
}
"#;

fn esc(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The app's home page as static HTML: the same elements and classes as the app renders (the
/// header, "Latest articles" and its first page of articles, the footer), so the first and the
/// largest paint happen before the wasm arrives and nothing moves when the app replaces it.
/// The interactive parts are there for the layout; they work once the app has started. Readers
/// without JavaScript, and crawlers, get the list of articles as plain links.
pub fn home_shell(index: &Index, analyzer: &Analyzer) -> String {
    use std::fmt::Write;
    // Nothing typed: every article, newest first, as the app's home page lists them.
    let results = search(index, analyzer, "", Sort::Newest);
    let mut items = String::new();
    for hit in results.hits.iter().take(search::PAGE) {
        let a = &index.articles[hit.doc as usize];
        let _ = write!(
            items,
            "<li class=\"rr-item\"><a href=\"#/article/{}\" class=\"rr-title\">{}</a><p class=\"rr-meta\"><time datetime=\"{}\">{}</time>",
            esc(&a.slug),
            esc(&a.title),
            esc(&a.date.iso()),
            esc(&a.date.to_string())
        );
        if !a.outlet.is_empty() {
            let _ = write!(items, "<span class=\"rr-outlet\">{}</span>", esc(&a.outlet));
        }
        if !a.kind.is_empty() {
            let _ = write!(items, "<span class=\"rr-kind\">{}</span>", esc(&a.kind));
        }
        items.push_str("</p>");
        if let Some(s) = a.summary.as_ref().or(a.note.first()) {
            let _ = write!(items, "<p class=\"rr-snippet\">{}</p>", esc(&clip_words(s, 32)));
        }
        items.push_str("</li>");
    }
    let total = results.hits.len();
    let more = if total > search::PAGE {
        let left = total - search::PAGE;
        format!(
            "<button type=\"button\" class=\"rr-more\">Show {} more of {left}</button>",
            search::PAGE.min(left)
        )
    } else {
        String::new()
    };
    format!(
        "<div class=\"rr-app\" data-prerendered><header class=\"rr-header\"><a href=\"#/\" class=\"rr-brand\">{}</a>\
<form role=\"search\" class=\"rr-search\"><label for=\"rr-q\" class=\"rr-visually-hidden\">Search the archive</label>\
<input id=\"rr-q\" type=\"search\" name=\"q\" autocomplete=\"off\" spellcheck=\"false\" placeholder=\"{placeholder}\" aria-keyshortcuts=\"/\"></form>\
<nav aria-label=\"Sections\" class=\"rr-nav\"><a href=\"#/\" aria-current=\"page\">Articles</a><a href=\"#/timeline\">Timeline</a></nav>\
<button type=\"button\" aria-label=\"Colour theme: Auto. Change\" title=\"Colour theme: automatic, light or dark\" class=\"rr-theme\"><span aria-hidden=\"true\">◐</span><span class=\"rr-theme-label\">Auto</span></button></header>\
<main class=\"rr-main\">{LOADING_OTHER}<div class=\"rr-explore rr-shell-home\">\
<button type=\"button\" aria-controls=\"rr-facets\" aria-expanded=\"false\" class=\"rr-filters-toggle\">Filters</button>\
<section aria-labelledby=\"rr-results-h\" class=\"rr-results\"><div class=\"rr-results-bar\"><h1 id=\"rr-results-h\" class=\"rr-count\">Latest articles</h1></div>\
<ol class=\"rr-list rr-articles\">{items}</ol>{more}</section>\
<section id=\"rr-facets\" aria-label=\"Narrow the results\" class=\"rr-facets\"></section></div></main>\
<footer class=\"rr-footer\"><p>{} articles · searchable offline, in your browser</p></footer></div>",
        esc(index.display_name()),
        index.articles.len(),
        placeholder = index.search_placeholder(),
    )
}

/// "Loading", shown instead of the pre-rendered home page on other routes.
const LOADING_OTHER: &str = "<p class=\"rr-loading rr-shell-wait\">Loading the archive…</p>";

/// What the start-up script waits for before it fetches the wasm: the pre-rendered page's first
/// contentful paint on screen (the paint timing entry comes once the frame is presented), or a
/// second (a hidden tab paints nothing). An animation frame is not enough: replacing the page
/// before its frame is presented can drop it from the browser's paint timing, and under load
/// the app then counted as the first content.
const AFTER_FIRST_PAINT: &str = r#"// Fetch the wasm once the pre-rendered page is on screen: the first paint has the network to
// itself. A hidden tab paints nothing, hence the timeout.
await new Promise((ok) => {
  setTimeout(ok, 1000);
  try {
    new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length) ok();
    }).observe({ type: 'paint', buffered: true });
  } catch {
    ok();
  }
});
"#;

/// Drops the `<link rel="preload">` of `wasm` Trunk puts in the page; other links stay.
fn drop_wasm_preload(html: &str, wasm: &str) -> String {
    let mut out = html.to_string();
    let mut from = 0;
    while let Some(at) = out[from..].find("<link rel=\"preload\"").map(|n| from + n) {
        let end = out[at..].find('>').map_or(out.len(), |n| at + n + 1);
        if out[at..end].contains(wasm) {
            out.replace_range(at..end, "");
            from = at;
        } else {
            from = end;
        }
    }
    out
}

/// Puts `shell` (see [`home_shell`]) in place of the loading placeholder of `dist/index.html`,
/// writes the script that hides it on other routes, and starts the app after the first paint:
/// the wasm is not preloaded, and the start-up script waits for a frame. With the page's
/// content in the HTML, the 300-odd KB of wasm would otherwise compete with the stylesheet
/// for the network before anything shows. The app empties its mount element before it
/// renders, so the shell goes when the app arrives.
/// `language` (the archive's, an ISO 639-1 code) becomes the page's `lang`.
pub fn prerender(build: &WebBuild, shell: &str, title: &str, language: &str) -> io::Result<()> {
    let html = std::fs::read_to_string(&build.index_html)?;
    let html = html.replacen("<html lang=\"en\">", &format!("<html lang=\"{}\">", esc(language)), 1);
    // The page is titled with the archive's name before the app retitles it per view.
    let html = html.replacen(
        &format!("<title>{}</title>", readingroom_core::index::DEFAULT_NAME),
        &format!("<title>{}</title>", esc(title)),
        1,
    );
    if html.matches(LOADING).count() != 1 {
        return Err(io::Error::other("index.html has no single loading placeholder to replace"));
    }
    let shell = format!("<script src=\"./{SHELL_JS_NAME}\"></script>{shell}");
    let page = drop_wasm_preload(&html, &file_name(&build.wasm)).replacen(LOADING, &shell, 1);
    let dist = build.index_html.parent().unwrap_or(Path::new("."));
    let boot = dist.join(file_name(&build.js).replace(".js", "-boot.js"));
    let start = std::fs::read_to_string(&boot)?;
    std::fs::write(&boot, format!("{AFTER_FIRST_PAINT}{start}"))?;
    std::fs::write(dist.join(SHELL_JS_NAME), SHELL_JS)?;
    std::fs::write(&build.index_html, page)
}

/// `'sha256-…'` of an inline script or style, for a content security policy.
fn csp_hash(text: &str) -> String {
    use sha2::Digest;
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(text.as_bytes()))
    )
}

/// The name the glue exports as its default (the async initialiser), written either
/// `export default NAME;` or `export { …, NAME as default };`.
fn default_export(glue: &str) -> Option<&str> {
    let ident = |s: &str| -> Option<usize> {
        let n = s.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$')).unwrap_or(s.len());
        (n > 0).then_some(n)
    };
    if let Some(at) = glue.rfind("export default ") {
        let rest = &glue[at + "export default ".len()..];
        return ident(rest).map(|n| &rest[..n]);
    }
    let at = glue.rfind(" as default")?;
    let before = &glue[..at];
    let start = before.rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))? + 1;
    (start < at).then(|| &glue[start..at])
}

/// Where standalone.html finds the wasm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WasmPlace {
    /// Inside the page: one self-contained file.
    Inline,
    /// In [`STANDALONE_WASM`] beside the body shards: for a large archive, whose page comes with
    /// its `shards/` folder anyway. Browsers read a script file's comment far faster than the
    /// same bytes inside a page (at 100,000 articles, 0.4 s against 3.8 s).
    Beside,
}

/// The wasm of standalone.html when it is [`WasmPlace::Beside`] it.
pub const STANDALONE_WASM: &str = "shards/app-wasm.js";

/// The script form of the wasm: its base64 inside a comment of a function, read back with
/// `Function.prototype.toString`, which returns the source text as written. A comment is scanned,
/// not built into a string, so it costs a fraction of a string literal (base64 has no `*/`).
pub fn wasm_script(wasm: &[u8]) -> String {
    let b64 = base64::engine::general_purpose::STANDARD.encode(wasm);
    format!("globalThis.__readingRoomWasm = function () {{/*{b64}*/}};\n")
}

/// One self-contained page: no fetch, no module files, and with the wasm [`WasmPlace::Inline`]
/// nothing external at all.
pub fn standalone_html(
    title: &str,
    language: &str,
    css: &str,
    glue: &str,
    wasm: &[u8],
    place: WasmPlace,
) -> io::Result<String> {
    let init = default_export(glue)
        .ok_or_else(|| io::Error::other("the wasm-bindgen glue has no default export"))?;
    // Inside a <script> element the only sequence that can end it early is `</script`.
    let glue = glue.replace("</script", "<\\/script");
    let css = css.replace("</style", "<\\/style");
    let title = title.replace('&', "&amp;").replace('<', "&lt;");
    let language = esc(language);
    let style = format!("\n{css}\n");
    let source = match place {
        WasmPlace::Inline => {
            format!("const wasmBase64 = \"{}\";", base64::engine::general_purpose::STANDARD.encode(wasm))
        }
        // Added by this (trusted) script, so the policy's 'strict-dynamic' lets it run.
        WasmPlace::Beside => format!(
            r#"await new Promise((loaded, failed) => {{
  const s = document.createElement('script');
  s.src = './{STANDALONE_WASM}';
  s.onload = loaded;
  s.onerror = () => {{
    const why = 'The archive cannot start: {STANDALONE_WASM} is missing. Copy standalone.html together with its shards folder.';
    document.querySelector('.rr-loading')?.replaceChildren(why);
    failed(new Error(why));
  }};
  document.head.append(s);
}});
const wasmSource = globalThis.__readingRoomWasm.toString();
const wasmBase64 = wasmSource.slice(wasmSource.indexOf('/*') + 2, wasmSource.lastIndexOf('*/'));"#
        ),
    };
    let script = format!(
        r#"
{glue}
// Instantiated from bytes: browsers refuse to fetch a .wasm file from file://, and compile
// large modules only asynchronously.
{source}
let wasmBytes;
if (Uint8Array.fromBase64) {{
  wasmBytes = Uint8Array.fromBase64(wasmBase64);
}} else {{
  const binary = atob(wasmBase64);
  wasmBytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) wasmBytes[i] = binary.charCodeAt(i);
}}
await {init}({{ module_or_path: wasmBytes }});
"#
    );
    // A hash-based policy: exactly this script and this style may run, nothing else loads.
    // 'strict-dynamic' lets the scripts that script adds itself run: the body shards of a large
    // archive, which from file:// can only arrive as script elements.
    let csp = format!(
        "default-src 'none'; script-src {} 'strict-dynamic' 'wasm-unsafe-eval'; style-src {}; img-src data:",
        csp_hash(&script),
        csp_hash(&style)
    );
    Ok(format!(
        r#"<!doctype html>
<html lang="{language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="An offline explorer for an archive of articles.">
<title>{title}</title>
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='7' fill='%238a2d1c'/%3E%3Cpath d='M8 9h6.5a3 3 0 0 1 3 3v12a2.5 2.5 0 0 0-2.5-2.5H8zM24 9h-3.5a3 3 0 0 0-3 3' fill='none' stroke='white' stroke-width='2'/%3E%3C/svg%3E">
<style>{style}</style>
</head>
<body class="rr-page">
<div id="reading-room" class="rr-root"><p class="rr-loading">Loading the archive…</p></div>
<script type="module">{script}</script>
</body>
</html>
"#
    ))
}

/// Writes `out` as the standalone page of `build`, and with [`WasmPlace::Beside`] its wasm in
/// [`STANDALONE_WASM`] under the same folder.
pub fn write_standalone(
    build: &WebBuild,
    title: &str,
    language: &str,
    out: &Path,
    place: WasmPlace,
) -> io::Result<u64> {
    let glue = std::fs::read_to_string(&build.js)?;
    let wasm = std::fs::read(&build.wasm)?;
    let mut css = String::new();
    for c in &build.css {
        css.push_str(&std::fs::read_to_string(c)?);
    }
    let html = standalone_html(title, language, &css, &glue, &wasm, place)?;
    if place == WasmPlace::Beside {
        let beside = out.parent().unwrap_or(Path::new(".")).join(STANDALONE_WASM);
        std::fs::create_dir_all(beside.parent().expect("a folder"))?;
        std::fs::write(beside, wasm_script(&wasm))?;
    }
    std::fs::write(out, &html)?;
    Ok(html.len() as u64)
}

/// How the copy of a stylesheet for the embed's shadow root is named, after the original's stem.
const SHADOW_CSS_SUFFIX: &str = ".shadow.css";

/// Writes, beside each of the build's stylesheets, the copy the embed loader puts in its shadow
/// root (see [`crate::shadow_css`]); returns their file names.
pub fn write_shadow_css(build: &WebBuild) -> io::Result<Vec<String>> {
    build
        .css
        .iter()
        .map(|css| {
            let name = format!("{}{SHADOW_CSS_SUFFIX}", file_name(css).trim_end_matches(".css"));
            std::fs::write(
                css.with_file_name(&name),
                crate::shadow_css::for_shadow_root(&std::fs::read_to_string(css)?),
            )?;
            Ok(name)
        })
        .collect()
}

/// `embed.js`: the loader a host page includes to mount Reading Room into one of its elements.
/// It mounts inside a shadow root, so the host's styles (resets, `!important` rules, clashing
/// class names) cannot reach the app and the app's cannot leak out; CSS custom properties set
/// on the element still theme it. The route lives in the `rr` query parameter, leaving the
/// host's hash alone. `css` are the stylesheets written for a shadow root
/// ([`write_shadow_css`]).
pub fn embed_js(build: &WebBuild, css: &[String]) -> String {
    format!(
        r#"// Reading Room embed loader (written by `cargo xtask build`). In a host page:
//   <div data-reading-room data-start="/timeline" data-theme="auto"></div>
//   <script type="module" src="/explorer/embed.js"></script>
// data-build: the URL of another build folder to load instead of this one (another corpus);
// data-start: the view to open when the URL names none; data-theme: auto, light or dark;
// data-title="keep": leave the page's title alone (by default each view puts its name in front);
// data-headings: the level of the app's view titles, 2 by default (under the page's own h1).
// One archive a page: the app keeps its route in the page's URL (?rr=).
const here = new URL('.', import.meta.url);
const host = document.querySelector('[data-reading-room]') ?? document.getElementById('reading-room');
if (!host) throw new Error('Reading Room: no element with data-reading-room to mount into');

// Says in the element itself (and the console) why the archive is not there, rather than
// leaving a blank box or "Loading" forever.
function fail(element, message, error) {{
  console.error(`Reading Room: ${{message}}`, error ?? '');
  const shadow = element.shadowRoot ?? element.attachShadow({{ mode: 'open' }});
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = `${{message}}${{error ? ` (${{error.message ?? error}})` : ''}}`;
  shadow.replaceChildren(p);
}}

for (const extra of [...document.querySelectorAll('[data-reading-room]')].slice(1)) {{
  if (!extra.shadowRoot) fail(extra, 'Only one archive can be shown on a page: this element is left empty.');
}}
const other = host.dataset.build && new URL(host.dataset.build.replace(/\/?$/, '/'), document.baseURI);
// The first loader on the page claims it. It mounts its own build, or hands over to the loader
// of the build data-build names, which knows it by that same data-build (not by its own URL,
// which a redirect or a query string may change). Any other loader is turned away.
const handedOver = Boolean(other) && window.readingRoomHandover === other.href;
const otherLoader = other && new URL('embed.js', other).href;
if (window.readingRoomMount || (window.readingRoomClaimed && !handedOver)) {{
  console.error('Reading Room: already on this page; a second loader is ignored.');
}} else if (other && otherLoader !== import.meta.url && !handedOver) {{
  window.readingRoomClaimed = true;
  window.readingRoomHandover = other.href;
  try {{
    await import(otherLoader);
  }} catch (error) {{
    fail(host, `The archive could not be loaded from ${{other.href}}.`, error);
  }}
}} else {{
  window.readingRoomClaimed = true;
  window.readingRoomHandover = undefined;
  const shadow = host.shadowRoot ?? host.attachShadow({{ mode: 'open' }});
  shadow.innerHTML = '';
  for (const css of {css:?}) {{
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL(css, here).href;
    shadow.append(link);
  }}
  const root = document.createElement('div');
  root.className = 'rr-root';
  root.dataset.routing = 'query';
  root.dataset.embedded = '';
  // Shards load from beside this file, not from the host page's folder.
  root.dataset.buildUrl = here.href;
  if (host.dataset.start) root.dataset.start = host.dataset.start;
  if (host.dataset.theme && host.dataset.theme !== 'auto') root.dataset.theme = host.dataset.theme;
  // A host page that switches its theme later (a site-wide dark mode) sets data-theme again.
  new MutationObserver(() => {{
    root.dispatchEvent(new CustomEvent('readingroom:theme', {{ detail: host.dataset.theme || 'auto' }}));
  }}).observe(host, {{ attributes: true, attributeFilter: ['data-theme'] }});
  if (host.dataset.title) root.dataset.title = host.dataset.title;
  if (host.dataset.headings) root.dataset.headings = host.dataset.headings;
  // The reader's default font size, which the host's root font size may not be: the stylesheet
  // sizes everything in multiples of it. Set on the host's element, where the theme's own
  // defaults (the reading measure) are computed.
  const probe = document.createElement('div');
  // In the default family: "medium" is smaller in a monospace one.
  probe.style.fontFamily = 'initial';
  probe.style.fontSize = 'medium';
  shadow.append(probe);
  host.style.setProperty('--rr-rem', getComputedStyle(probe).fontSize);
  probe.remove();
  root.innerHTML = '<p class="rr-loading">Loading the archive…</p>';
  shadow.append(root);
  window.readingRoomMount = root;
  try {{
    const {{ default: init }} = await import(new URL({js:?}, here).href);
    await init({{ module_or_path: new URL({wasm:?}, here) }});
  }} catch (error) {{
    fail(host, 'The archive could not be loaded.', error);
  }}
}}
"#,
        js = file_name(&build.js),
        wasm = file_name(&build.wasm),
    )
}

/// `embed-demo.html`: a deliberately hostile host page with Reading Room embedded — global
/// resets, `!important` rules, class names like the app's, and its own use of the URL hash —
/// for the end-to-end test and as a worked example.
pub const EMBED_DEMO: &str = r##"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Host page – Reading Room embedded</title>
<link rel="icon" href="data:,">
<style>
  /* A hostile host: global resets and !important rules that would wreck an unprotected widget. */
  * { margin: 0 !important; padding: 0; box-sizing: content-box !important; font-family: "Comic Sans MS", cursive !important; }
  a { color: hotpink !important; text-decoration: none !important; }
  ol, ul { list-style: square !important; }
  input { border: 3px dashed lime !important; }
  button { all: unset !important; }
  h1, h2 { color: #0a0 !important; text-transform: uppercase !important; }
  mark { background: black !important; color: black !important; }
  .rr-root, .rr-title, .rr-list, .rr-facet, .results, .title { display: inline !important; color: red !important; }
  body { background: #eef; color: #222; padding: 1rem; }
  /* A common reset that makes 1rem 10px: the app's text must keep the reader's size. */
  html { font-size: 62.5%; }
  /* Theming Reading Room through its custom properties, from outside. */
  #archive { --rr-accent: #1d4ed8; --rr-radius: 2px; display: block; margin-top: 1rem !important; }
  .host-panel:target { outline: 4px solid orange; }
</style>
</head>
<body>
<header class="title"><h1 id="host-title">Think Tank Host</h1>
  <nav class="results"><a id="host-about-link" href="#about">About us</a> · <a href="#contact">Contact</a></nav>
  <input id="host-search" type="search" aria-label="Search the host site">
</header>
<section id="about" class="host-panel"><h2>About</h2><p>The host page's own section, reached by its own hash.</p></section>
<div id="archive" data-reading-room data-theme="light"></div>
<section id="contact" class="host-panel"><h2>Contact</h2><p>Write to us.</p></section>
<script>
  // The host's own hash router: it must keep working, and Reading Room must not disturb it.
  window.hostHashChanges = [];
  addEventListener('hashchange', () => window.hostHashChanges.push(location.hash));
  // The host's own shortcut, as many sites have: "/" anywhere but in a text field goes to its
  // site search. Typing "/" in the archive's search box must stay there.
  addEventListener('keydown', (e) => {
    if (e.key === '/' && !['INPUT', 'TEXTAREA'].includes(e.target.tagName)) {
      e.preventDefault();
      document.getElementById('host-search').focus();
    }
  });
</script>
<script type="module" src="./embed.js"></script>
</body>
</html>
"##;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_start_up_script_moves_to_a_file_under_a_declared_policy() {
        let html = "<html><head><meta charset=\"utf-8\"><title>t</title>\n<script type=\"module\">\nimport init from './app-1.js';\nawait init();\n</script></head><body></body></html>";
        let (page, boot) = externalize_boot(html, "app-1-boot.js").unwrap();
        assert_eq!(boot, "import init from './app-1.js';\nawait init();\n");
        assert!(page.contains("<script type=\"module\" src=\"./app-1-boot.js\"></script></head>"));
        assert!(!page.contains("await init"));
        assert!(
            page.contains(&format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{WEB_CSP}\">"))
        );
        assert!(externalize_boot("<html></html>", "x.js").is_err());
    }

    #[test]
    fn only_the_wasm_preload_is_dropped() {
        let html = r#"<link rel="preload" href="./a.css" as="style"><link rel="preload" href="./app_bg.wasm" as="fetch" type="application/wasm"><link rel="modulepreload" href="./app.js">"#;
        assert_eq!(
            drop_wasm_preload(html, "app_bg.wasm"),
            r#"<link rel="preload" href="./a.css" as="style"><link rel="modulepreload" href="./app.js">"#
        );
    }

    #[test]
    fn the_shell_lists_the_latest_articles_as_the_app_does() {
        use readingroom_core::{Article, IndexBuilder, PartialDate};
        let mut b = IndexBuilder::new(Analyzer::english());
        for (slug, title, date) in [("old", "Old <one>", "2001"), ("new", "New & shiny", "2020-03")] {
            let mut a = Article::new(slug, title, PartialDate::parse(date).unwrap(), vec![]);
            a.outlet = "Outlet".into();
            a.summary = Some(("word ".repeat(40)).trim().into());
            b.add(a);
        }
        let index = b.finish();
        let shell = home_shell(&index, &Analyzer::english());
        let new = shell.find("href=\"#/article/new\"").unwrap();
        assert!(new < shell.find("href=\"#/article/old\"").unwrap(), "newest first");
        assert!(shell.contains(">New &amp; shiny</a>") && shell.contains(">Old &lt;one&gt;</a>"));
        assert!(shell.contains(
            "<time datetime=\"2020-03\">March 2020</time><span class=\"rr-outlet\">Outlet</span></p>"
        ));
        assert!(shell.contains(&format!("<p class=\"rr-snippet\">{} …</p>", ["word"; 32].join(" "))));
        assert!(shell.contains("<p>2 articles · searchable offline"));
        assert!(!shell.contains("style=") && !shell.contains("<script"), "nothing the policy forbids");
        // No gazetteer, no people or places to invite a search for.
        assert!(shell.contains("placeholder=\"Search the articles…\""), "{shell}");
    }

    #[test]
    fn only_own_files_become_relative() {
        let html = r#"<link href="/app-1.css"><script type="module">import init from '/app-1.js'; init({ module_or_path: '/app-1_bg.wasm' })</script><a href="/elsewhere">"#;
        let own = ["app-1.js".to_string(), "app-1_bg.wasm".into(), "app-1.css".into()];
        let out = relative_paths(html, &own);
        assert!(out.contains(r#"href="./app-1.css""#));
        assert!(out.contains("from './app-1.js'"));
        assert!(out.contains("'./app-1_bg.wasm'"));
        assert!(out.contains(r#"href="/elsewhere""#), "foreign links are not touched");
    }

    #[test]
    fn finds_the_initialiser_in_either_export_form() {
        assert_eq!(default_export("export default __wbg_init;"), Some("__wbg_init"));
        assert_eq!(default_export("export { initSync, __wbg_init as default };"), Some("__wbg_init"));
        assert_eq!(default_export("export { initSync };"), None);
    }

    #[test]
    fn a_large_archive_s_standalone_loads_its_wasm_from_beside_it() {
        let glue = "export default __wbg_init;\n";
        let html = standalone_html("t", "en", "", glue, &[0, 97, 115, 109], WasmPlace::Beside).unwrap();
        assert!(!html.contains("AGFzbQ=="), "the wasm is not in the page");
        assert!(html.contains(&format!("s.src = './{STANDALONE_WASM}'")));
        assert!(html.contains("'strict-dynamic'"), "the script it adds may run");
        assert_eq!(
            wasm_script(&[0, 97, 115, 109]),
            "globalThis.__readingRoomWasm = function () {/*AGFzbQ==*/};\n"
        );
    }

    #[test]
    fn standalone_inlines_everything() {
        let glue = "let wasm;\nasync function __wbg_init(m) { return m; }\nconst s = '</script>';\nexport { initSync };\nexport default __wbg_init;\n";
        let html = standalone_html(
            "A <b> & c",
            "fr",
            "p { color: red }",
            glue,
            &[0, 97, 115, 109],
            WasmPlace::Inline,
        )
        .unwrap();
        assert!(html.contains("await __wbg_init({ module_or_path: wasmBytes });"));
        assert!(html.contains(r#"const wasmBase64 = "AGFzbQ==";"#));
        assert!(html.contains("Uint8Array.fromBase64(wasmBase64)"));
        assert!(html.contains("<title>A &lt;b> &amp; c</title>"));
        assert!(html.contains("<html lang=\"fr\">"), "the archive's language");
        assert!(html.contains("'<\\/script>'"));
        assert_eq!(html.matches("</script>").count(), 1);
        assert!(!html.contains("src="), "nothing is loaded from elsewhere");
        // The policy names exactly the inline script and style.
        let between = |open: &str, close: &str| {
            let a = html.find(open).unwrap() + open.len();
            html[a..a + html[a..].find(close).unwrap()].to_string()
        };
        let csp = between("Content-Security-Policy\" content=\"", "\"");
        assert!(csp.contains(&csp_hash(&between("<script type=\"module\">", "</script>"))), "{csp}");
        assert!(csp.contains(&csp_hash(&between("<style>", "</style>"))), "{csp}");
        assert!(csp.starts_with("default-src 'none'"));
    }
}
