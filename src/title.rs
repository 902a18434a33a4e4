//! The page's title for each route: what a tab, a bookmark and the history list show.

use crate::route::Route;

pub fn page_title(route: &Route) -> String {
    let name = crate::data::data().index.display_name();
    match route {
        Route::Home => name.to_string(),
        Route::Search(e) if e.q.trim().is_empty() => format!("Articles – {name}"),
        Route::Search(e) => format!("{} – {name}", crate::quote::quoted(&e.q)),
        Route::Article { slug, .. } => match crate::data::data().index.article(slug) {
            Some((_, a)) => format!("{} – {name}", a.title),
            None => format!("Not found – {name}"),
        },
        Route::Timeline { .. } => format!("Timeline – {name}"),
        Route::Entity { kind, slug } => match crate::views::entity::find(kind, slug) {
            Some((_, e)) => format!("{} – {name}", e.name),
            None => format!("Not found – {name}"),
        },
        Route::NotFound(_) => format!("Not found – {name}"),
    }
}
