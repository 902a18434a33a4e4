//! The page's title for each route: what a tab, a bookmark and the history list show.
//!
//! On its own page the title is the view and the archive's name ("Timeline – The Pantucci
//! Papers"). Embedded, the page is the host's: the view goes in front of the host page's own
//! title ("Timeline – Publications | Example Institute"), which the home view leaves as it was,
//! and `data-title="keep"` on the host's element leaves the title alone altogether.

use crate::route::Route;
use std::cell::RefCell;

/// What the title names after the view.
enum Site {
    /// The archive's name: the app's own page.
    Archive,
    /// The host page's title as it was when the app started.
    Host(String),
    /// The host asked for its title to be left alone.
    Keep,
}

thread_local! {
    static SITE: RefCell<Site> = const { RefCell::new(Site::Archive) };
}

/// Reads how to title the page from the element the app mounts into (the embed loader copies
/// the host's `data-title` onto it), before anything sets a title.
pub fn init(root: &web_sys::Element) {
    let site = if !crate::location::query_mode() {
        Site::Archive
    } else if root.get_attribute("data-title").is_some_and(|t| t.trim().eq_ignore_ascii_case("keep")) {
        Site::Keep
    } else {
        let own = gloo::utils::document().title();
        if own.trim().is_empty() {
            Site::Archive
        } else {
            Site::Host(own)
        }
    };
    SITE.with(|s| *s.borrow_mut() = site);
}

/// Sets the document's title for `route`, unless the host keeps its own.
pub fn set(route: &Route) {
    if let Some(title) = page_title(route) {
        gloo::utils::document().set_title(&title);
    }
}

/// The title for `route`; none when the host page keeps its own.
fn page_title(route: &Route) -> Option<String> {
    let site = SITE.with(|s| match &*s.borrow() {
        Site::Archive => Some(crate::data::data().index.display_name().to_string()),
        Site::Host(title) => Some(title.clone()),
        Site::Keep => None,
    })?;
    Some(match view(route) {
        Some(view) => format!("{view} – {site}"),
        None => site,
    })
}

/// What the view is called in a title; none for the home page, which the site's name titles.
fn view(route: &Route) -> Option<String> {
    Some(match route {
        Route::Home => return None,
        Route::Search(e) if !readingroom_core::query::asks_for_something(&e.q) => "Articles".to_string(),
        // As the heading names it: a pasted paragraph or link whole had made a title no tab shows.
        Route::Search(e) => crate::quote::quoted(&readingroom_core::snippet::clip_query(&e.q)),
        Route::Article { slug, .. } => match crate::data::data().index.article(slug) {
            Some((_, a)) => a.title.clone(),
            None => "Not found".to_string(),
        },
        Route::Timeline { .. } => "Timeline".to_string(),
        Route::Entity { kind, slug } => match crate::views::entity::find(kind, slug) {
            Some((_, e)) => e.name.clone(),
            None => "Not found".to_string(),
        },
        Route::NotFound(_) => "Not found".to_string(),
    })
}
