//! URL ⇄ view state. Routes live in the hash (`#/search?q=…`) so they work from file://, under
//! any sub-path, and survive reload, back/forward and a pasted link.

use readingroom_core::Sort;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    Search {
        q: String,
        sort: Sort,
    },
    /// An article, with the query that led there (for highlighting and the way back).
    Article {
        slug: String,
        q: String,
    },
    NotFound(String),
}

impl Route {
    /// Parses a location hash such as `#/search?q=lone+actor&sort=newest`.
    pub fn parse(hash: &str) -> Self {
        let path = hash.trim_start_matches('#');
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        let param = |key: &str| {
            form_urlencoded::parse(query.as_bytes())
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.into_owned())
                .unwrap_or_default()
        };
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Route::Home,
            ["search"] => {
                let q = param("q");
                if q.trim().is_empty() {
                    Route::Home
                } else {
                    Route::Search { q, sort: Sort::parse(&param("sort")).unwrap_or_default() }
                }
            }
            ["article", slug] => Route::Article { slug: decode(slug), q: param("q") },
            _ => Route::NotFound(path.to_string()),
        }
    }

    /// The hash for this route, always starting with `#/`.
    pub fn to_hash(&self) -> String {
        let query = |pairs: &[(&str, &str)]| {
            let mut ser = form_urlencoded::Serializer::new(String::new());
            for (k, v) in pairs.iter().filter(|(_, v)| !v.is_empty()) {
                ser.append_pair(k, v);
            }
            let s = ser.finish();
            if s.is_empty() {
                s
            } else {
                format!("?{s}")
            }
        };
        match self {
            Route::Home => "#/".into(),
            Route::Search { q, sort } => {
                let sort = if *sort == Sort::Relevance { "" } else { sort.as_str() };
                format!("#/search{}", query(&[("q", q), ("sort", sort)]))
            }
            Route::Article { slug, q } => format!("#/article/{slug}{}", query(&[("q", q)])),
            Route::NotFound(path) => format!("#{path}"),
        }
    }

    /// The query the reader typed, for the search box.
    pub fn query(&self) -> &str {
        match self {
            Route::Search { q, .. } | Route::Article { q, .. } => q,
            _ => "",
        }
    }
}

fn decode(s: &str) -> String {
    form_urlencoded::parse(format!("x={s}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_route() {
        let routes = [
            Route::Home,
            Route::Search { q: "al-Qa`ida & “Prevent”".into(), sort: Sort::Relevance },
            Route::Search { q: "lone actor".into(), sort: Sort::Newest },
            Route::Article { slug: "worldwide-day-of-terror".into(), q: "".into() },
            Route::Article { slug: "twelve-years-on-from-7-7".into(), q: "7/7 bombings".into() },
        ];
        for r in routes {
            assert_eq!(Route::parse(&r.to_hash()), r, "{}", r.to_hash());
        }
    }

    #[test]
    fn parses_hand_written_and_odd_hashes() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#"), Route::Home);
        assert_eq!(Route::parse("#/search?q="), Route::Home);
        assert_eq!(
            Route::parse("#/search?q=jos%C3%A9+maria&sort=bogus"),
            Route::Search { q: "josé maria".into(), sort: Sort::Relevance }
        );
        assert_eq!(Route::parse("#/nowhere"), Route::NotFound("/nowhere".into()));
    }
}
