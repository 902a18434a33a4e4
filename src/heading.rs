//! Heading levels. On its own page the app's view titles are `h1`; embedded, the host page has
//! its own `h1` (and often a section heading above the archive), so the app's headings start
//! one level lower by default, at `h2`, and `data-headings="N"` on the host's element starts
//! them at `hN`. Every level below follows, down to `h6`.

use std::cell::Cell;

thread_local! {
    /// Levels added to each heading: 0 on the app's own page.
    static SHIFT: Cell<u8> = const { Cell::new(0) };
}

/// Reads where headings start from the element the app mounts into (the embed loader copies the
/// host's `data-headings` onto it), before anything renders.
pub fn init(root: &web_sys::Element) {
    let top = root
        .get_attribute("data-headings")
        .and_then(|v| v.trim().parse::<u8>().ok())
        .filter(|n| (1..=6).contains(n))
        .unwrap_or(if crate::location::query_mode() { 2 } else { 1 });
    SHIFT.with(|s| s.set(top - 1));
}

/// The tag of a heading at `level` of the app's own outline (1: a view's title).
pub fn h(level: u8) -> &'static str {
    const TAGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];
    TAGS[usize::from(level + SHIFT.with(Cell::get)).clamp(1, 6) - 1]
}
