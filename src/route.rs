//! URL ⇄ view state. Routes live in the hash (`#/search?q=…`) so they work from file://, under
//! any sub-path, and survive reload, back/forward and a pasted link (DESIGN.md §5).

use readingroom_core::facets::{format_month, parse_month, Facet, Selection};
use readingroom_core::Sort;

/// The exploration on screen now, shared with components that render less often than it
/// changes (a facet list whose counts stayed the same while the reader typed): what they do
/// when clicked starts from the latest words, not from those of their last render. Equal to
/// itself only, so it never makes them render.
#[derive(Clone, Default)]
pub struct Latest(std::rc::Rc<std::cell::RefCell<Explore>>);

impl Latest {
    pub fn get(&self) -> Explore {
        self.0.borrow().clone()
    }

    pub fn set(&self, e: &Explore) {
        if *self.0.borrow() != *e {
            *self.0.borrow_mut() = e.clone();
        }
    }
}

impl PartialEq for Latest {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}

/// What the reader is exploring: the query, the facet values and date range chosen, the order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub struct Explore {
    pub q: String,
    pub sort: Sort,
    pub sel: Selection,
}

impl Explore {
    pub fn is_empty(&self) -> bool {
        self.q.trim().is_empty() && self.sel.is_empty()
    }

    /// The same exploration with `value` of `facet` chosen or, if it was, dropped.
    pub fn toggled(&self, facet: Facet, value: &str) -> Explore {
        let mut next = self.clone();
        let list = &mut next.sel.values[facet as usize];
        match list.iter().position(|v| v == value) {
            Some(i) => {
                list.remove(i);
            }
            None => list.push(value.to_string()),
        }
        next
    }

    /// The route showing this exploration: home when nothing is chosen.
    pub fn route(self) -> Route {
        if self.is_empty() && self.sort == Sort::Relevance {
            Route::Home
        } else {
            Route::Search(self)
        }
    }

    fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![("q", self.q.clone())];
        for f in Facet::ALL {
            out.extend(self.sel.values[f as usize].iter().map(|v| (f.key(), v.clone())));
        }
        out.extend(self.sel.from.map(|m| ("from", format_month(m))));
        out.extend(self.sel.to.map(|m| ("to", format_month(m))));
        if self.sort != Sort::Relevance {
            out.push(("sort", self.sort.as_str().to_string()));
        }
        out
    }

    fn from_pairs(pairs: &[(String, String)]) -> Explore {
        let mut e = Explore::default();
        let (mut from, mut to) = ("", "");
        for (k, v) in pairs {
            match k.as_str() {
                "q" => e.q = v.clone(),
                "sort" => e.sort = Sort::parse(v).unwrap_or_default(),
                "from" => (e.sel.from, from) = (parse_month(v, false), v),
                "to" => (e.sel.to, to) = (parse_month(v, true), v),
                key => {
                    if let Some(f) = Facet::from_key(key) {
                        let list = &mut e.sel.values[f as usize];
                        if !v.is_empty() && !list.contains(v) {
                            list.push(v.clone());
                        }
                    }
                }
            }
        }
        // A range written backwards by hand means the same span forwards ("from=2018&to=2017"
        // is 2017 to 2018), not an empty one.
        if e.sel.from.zip(e.sel.to).is_some_and(|(f, t)| f > t) {
            (e.sel.from, e.sel.to) = (parse_month(to, false), parse_month(from, true));
        }
        e
    }
}

/// The timeline's zoom: buckets of ten years, one year or one month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Zoom {
    #[default]
    Decade,
    Year,
    Month,
}

impl Zoom {
    pub fn key(self) -> &'static str {
        match self {
            Zoom::Decade => "decade",
            Zoom::Year => "year",
            Zoom::Month => "month",
        }
    }

    fn parse(s: &str) -> Self {
        match s {
            "year" => Zoom::Year,
            "month" => Zoom::Month,
            _ => Zoom::Decade,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    Search(Explore),
    /// An article, with the exploration that led there (for highlighting and the way back) and
    /// the date mention to highlight on arrival from the timeline.
    Article {
        slug: String,
        from: Explore,
        at: Option<u32>,
    },
    /// Publications and the events they mention over time, between two years.
    Timeline {
        by: Zoom,
        from: Option<i32>,
        to: Option<i32>,
        /// The period to open at and mark, `(year, month)` (month 0: the year): where a date
        /// in an article leads.
        at: Option<(i32, u8)>,
    },
    /// An entity of the gazetteer: `#/entity/person/neil-basu`.
    Entity {
        kind: String,
        slug: String,
    },
    NotFound(String),
}

impl Route {
    /// Which page this is, whatever its settings: the explorer (home and every search), the
    /// timeline at any zoom, one article, one entity.
    fn view_key(&self) -> String {
        match self {
            Route::Home | Route::Search(_) => "explore".to_string(),
            Route::Article { slug, .. } => format!("article/{slug}"),
            Route::Timeline { .. } => "timeline".to_string(),
            Route::Entity { kind, slug } => format!("entity/{kind}/{slug}"),
            Route::NotFound(path) => format!("not-found/{path}"),
        }
    }

    /// Whether arriving here from `before` opens another page, which starts at its top. The home
    /// page is the explorer with nothing asked, so a facet chosen on it stays on the same page;
    /// but going back to it from results (the brand's link) is going home.
    pub fn is_new_page_after(&self, before: &Route) -> bool {
        self.view_key() != before.view_key() || (*self == Route::Home && *before != Route::Home)
    }

    /// Parses a location hash such as `#/search?q=lone+actor&year=2017&sort=newest`.
    pub fn parse(hash: &str) -> Self {
        let path = hash.trim_start_matches('#');
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        let pairs: Vec<(String, String)> =
            form_urlencoded::parse(query.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
        let param = |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str()).unwrap_or("");
        let year = |key: &str| param(key).parse::<i32>().ok().filter(|y| (1..=9999).contains(y));
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Route::Home,
            ["search"] => Explore::from_pairs(&pairs).route(),
            ["article", slug] => Route::Article {
                slug: decode(slug),
                from: Explore::from_pairs(&pairs),
                at: param("at").parse().ok(),
            },
            ["timeline"] => {
                let (from, to) = match (year("from"), year("to")) {
                    (Some(f), Some(t)) if f > t => (Some(t), Some(f)),
                    ends => ends,
                };
                let at = param("at").split_once('-').map_or((param("at"), None), |(y, m)| (y, Some(m)));
                let at = match (at.0.parse::<i32>().ok(), at.1.map(str::parse::<u8>)) {
                    (Some(y), None) => Some((y, 0)),
                    (Some(y), Some(Ok(m))) if (1..=12).contains(&m) => Some((y, m)),
                    _ => None,
                };
                Route::Timeline { by: Zoom::parse(param("by")), from, to, at }
            }
            ["entity", kind, slug] => Route::Entity { kind: decode(kind), slug: decode(slug) },
            _ => Route::NotFound(path.to_string()),
        }
    }

    /// The hash for this route, always starting with `#/`.
    pub fn to_hash(&self) -> String {
        let query = |pairs: &[(&str, String)]| {
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
            Route::Search(e) => format!("#/search{}", query(&e.pairs())),
            Route::Article { slug, from, at } => {
                let mut pairs = from.pairs();
                pairs.extend(at.map(|a| ("at", a.to_string())));
                format!("#/article/{}{}", encode(slug), query(&pairs))
            }
            Route::Timeline { by, from, to, at } => {
                let by = if *by == Zoom::Decade { String::new() } else { by.key().to_string() };
                let y = |v: &Option<i32>| v.map(|y| y.to_string()).unwrap_or_default();
                let at = match at {
                    Some((y, 0)) => y.to_string(),
                    Some((y, m)) => format!("{y}-{m:02}"),
                    None => String::new(),
                };
                format!("#/timeline{}", query(&[("by", by), ("from", y(from)), ("to", y(to)), ("at", at)]))
            }
            Route::Entity { kind, slug } => format!("#/entity/{}/{}", encode(kind), encode(slug)),
            Route::NotFound(path) => format!("#{path}"),
        }
    }

    /// The exploration behind this view, for the search box and the way back.
    pub fn explore(&self) -> Explore {
        match self {
            Route::Search(e) | Route::Article { from: e, .. } => e.clone(),
            _ => Explore::default(),
        }
    }

    pub fn article(slug: &str) -> Route {
        Route::Article { slug: slug.to_string(), from: Explore::default(), at: None }
    }
}

fn encode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
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

    fn explore(
        q: &str,
        sort: Sort,
        values: &[(Facet, &str)],
        range: (Option<&str>, Option<&str>),
    ) -> Explore {
        let mut e = Explore { q: q.into(), sort, ..Default::default() };
        for (f, v) in values {
            e.sel.values[*f as usize].push(v.to_string());
        }
        e.sel.from = range.0.and_then(|m| parse_month(m, false));
        e.sel.to = range.1.and_then(|m| parse_month(m, true));
        e
    }

    #[test]
    fn a_page_is_the_same_whatever_its_settings() {
        let new_page = |from: &str, to: &str| Route::parse(to).is_new_page_after(&Route::parse(from));
        // The explorer stays one page through typing, facets and sorting, the timeline through
        // zooming: the reader keeps their place.
        assert!(!new_page("#/", "#/search?q=libya&year=2018&sort=newest"));
        assert!(!new_page("#/search?q=libya", "#/search?q=libyan&year=2018"));
        assert!(!new_page("#/timeline", "#/timeline?by=month&from=2005&to=2005"));
        assert!(!new_page("#/article/a?q=x", "#/article/a?at=2"));
        // Going home from results, another article, entity or section is a new page.
        assert!(new_page("#/search?q=libya", "#/"));
        assert!(new_page("#/article/a", "#/article/b"));
        assert!(new_page("#/entity/place/libya", "#/entity/place/syria"));
        assert!(new_page("#/entity/place/libya", "#/entity/person/libya"));
        assert!(new_page("#/", "#/timeline"));
    }

    #[test]
    fn round_trips_every_route() {
        let routes = [
            Route::Home,
            Route::Search(explore("al-Qa`ida & “Prevent”", Sort::Relevance, &[], (None, None))),
            Route::Search(explore("lone actor", Sort::Newest, &[], (None, None))),
            Route::Search(explore(
                "",
                Sort::Relevance,
                &[(Facet::Year, "2017"), (Facet::Year, "2016"), (Facet::Org, "Al Qaeda & co")],
                (Some("2016-09"), Some("2017-12")),
            )),
            Route::article("worldwide-day-of-terror"),
            Route::Article {
                slug: "twelve-years-on-from-7-7".into(),
                from: explore("7/7 bombings", Sort::Oldest, &[(Facet::Place, "London")], (None, None)),
                at: Some(3),
            },
            Route::Timeline { by: Zoom::Decade, from: None, to: None, at: None },
            Route::Timeline { by: Zoom::Month, from: Some(2005), to: Some(2005), at: None },
            Route::Timeline { by: Zoom::Month, from: Some(2017), to: Some(2017), at: Some((2017, 3)) },
            Route::Timeline { by: Zoom::Year, from: Some(1990), to: Some(1999), at: Some((1993, 0)) },
            Route::Entity { kind: "person".into(), slug: "jose-maria-aznar".into() },
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
            Route::Search(explore("josé maria", Sort::Relevance, &[], (None, None)))
        );
        assert_eq!(
            Route::parse("#/search?year=2017&year=2017&color=red&from=2017&to=spring"),
            Route::Search(explore("", Sort::Relevance, &[(Facet::Year, "2017")], (Some("2017-01"), None))),
            "repeated values count once, unknown keys and bad months are ignored"
        );
        assert_eq!(
            Route::parse("#/timeline?by=century&from=x"),
            Route::Timeline { by: Zoom::Decade, from: None, to: None, at: None }
        );
        assert_eq!(Route::parse("#/nowhere"), Route::NotFound("/nowhere".into()));
        assert_eq!(
            Route::parse("#/timeline?by=month&from=2017&to=2017&at=2017-3").to_hash(),
            "#/timeline?by=month&from=2017&to=2017&at=2017-03"
        );
        assert_eq!(
            Route::parse("#/timeline?at=2017-13"),
            Route::Timeline { by: Zoom::Decade, from: None, to: None, at: None },
            "a month that is none is ignored"
        );
        // Ranges written backwards are read forwards.
        assert_eq!(
            Route::parse("#/timeline?by=month&from=2017&to=2016"),
            Route::Timeline { by: Zoom::Month, from: Some(2016), to: Some(2017), at: None }
        );
        assert_eq!(
            Route::parse("#/search?from=2018&to=2017-03"),
            Route::Search(explore("", Sort::Relevance, &[], (Some("2017-03"), Some("2018-12"))))
        );
    }

    #[test]
    fn toggles_facet_values() {
        let e = Explore::default().toggled(Facet::Outlet, "CTC Sentinel");
        assert_eq!(e.sel.values[Facet::Outlet as usize], ["CTC Sentinel"]);
        assert_eq!(e.clone().route().to_hash(), "#/search?outlet=CTC+Sentinel");
        assert_eq!(e.toggled(Facet::Outlet, "CTC Sentinel").route(), Route::Home);
    }
}
