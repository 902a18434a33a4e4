//! Export of a result set as CSV, JSON or BibTeX, made in the page for download.
//!
//! Every format links each article to its original URL, else to what `own_url` gives for it:
//! the explorer's own page for the article, which only the app knows how to write (a hash route
//! on its own page, a query on a host page that embeds it; none from file://, where a path on one
//! reader's disk means nothing to another). No link is an empty CSV cell, a JSON `null`, no
//! BibTeX `url` field. [`explorer_url`] writes the plain hash-route form.
//!
//! - **CSV** (RFC 4180): header `slug,title,date,outlet,kind,authors,topics,url`; the date in
//!   ISO form at its known precision ("2018-02"); authors and topics joined with "; "; fields
//!   with a comma, a double quote, CR or LF quoted, quotes doubled; CRLF after every record,
//!   the last included. No byte-order mark (prepend "\u{feff}" if Excel must detect UTF-8).
//!   Spreadsheet formula injection is neutralised: a cell starting with `=`, `+`, `-`, `@`, a
//!   tab or CR (or a full-width `＝＋－＠`) gets a leading `'`, so spreadsheets show it as text.
//! - **JSON**: one compact line, an array of objects with the CSV's fields in that order
//!   (`authors` and `topics` as arrays of strings, `url` a string or null) plus `summary`
//!   (string or null). Escaping follows RFC 8259, and also escapes U+2028/U+2029 so the text
//!   is valid JavaScript too.
//! - **BibTeX**: [`crate::cite::bibtex`]'s entries, separated by a blank line. Keys shared by
//!   several articles get a, b, c… suffixes (ordered by date, then slug, so a key does not
//!   depend on the results' sort order); a key used once keeps the cite box's key.

use crate::cite;
use crate::model::Article;
use std::collections::{HashMap, HashSet};

/// CSV (RFC 4180, CRLF) with a header row; see the module notes.
pub fn csv(articles: &[&Article], own_url: &OwnUrl) -> String {
    let mut out = String::from("slug,title,date,outlet,kind,authors,topics,url\r\n");
    for a in articles {
        let cells = [
            a.slug.clone(),
            a.title.clone(),
            a.date.iso(),
            a.outlet.clone(),
            a.kind.clone(),
            a.authors.join("; "),
            a.topics.join("; "),
            link(a, own_url).unwrap_or_default(),
        ];
        let cells: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A compact JSON array of objects; see the module notes.
pub fn json(articles: &[&Article], own_url: &OwnUrl) -> String {
    let mut out = String::from("[");
    for (i, a) in articles.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let list = |items: &[String]| {
            let items: Vec<String> = items.iter().map(|s| json_string(s)).collect();
            format!("[{}]", items.join(","))
        };
        let opt = |s: Option<&str>| s.map_or_else(|| "null".to_string(), json_string);
        let fields = [
            ("slug", json_string(&a.slug)),
            ("title", json_string(&a.title)),
            ("date", json_string(&a.date.iso())),
            ("outlet", json_string(&a.outlet)),
            ("kind", json_string(&a.kind)),
            ("authors", list(&a.authors)),
            ("topics", list(&a.topics)),
            ("url", opt(link(a, own_url).as_deref())),
            ("summary", opt(a.summary.as_deref())),
        ];
        out.push('{');
        for (j, (name, value)) in fields.iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            out.push_str(&format!("\"{name}\":{value}"));
        }
        out.push('}');
    }
    out.push(']');
    out
}

/// BibTeX entries separated by blank lines, keys unique within the export.
pub fn bibtex(articles: &[&Article], own_url: &OwnUrl) -> String {
    let keys = unique_keys(articles);
    let entries: Vec<String> = articles
        .iter()
        .zip(&keys)
        .map(|(a, key)| cite::bibtex_entry(a, link(a, own_url).as_deref(), key))
        .collect();
    entries.join("\n")
}

/// Each article's key: its own when no other article in the export shares it, else with a
/// suffix a, b, c… (then aa, ab…) in date-then-slug order, skipping any key already taken.
fn unique_keys(articles: &[&Article]) -> Vec<String> {
    let mut keys: Vec<String> = articles.iter().map(|a| cite::bibtex_key(a)).collect();
    let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        groups.entry(k.clone()).or_default().push(i);
    }
    let mut taken: HashSet<String> = keys.iter().cloned().collect();
    let mut groups: Vec<(String, Vec<usize>)> = groups.into_iter().filter(|(_, v)| v.len() > 1).collect();
    groups.sort();
    for (base, mut members) in groups {
        members.sort_by(|&x, &y| {
            (articles[x].date, &articles[x].slug, x).cmp(&(articles[y].date, &articles[y].slug, y))
        });
        let mut n = 0;
        for i in members {
            let key = loop {
                let candidate = format!("{base}{}", suffix(n));
                n += 1;
                if !taken.contains(&candidate) {
                    break candidate;
                }
            };
            taken.insert(key.clone());
            keys[i] = key;
        }
    }
    keys
}

/// 0 → "a", 25 → "z", 26 → "aa", 27 → "ab"…
fn suffix(mut n: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'a' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// The explorer's own link to an article, if it has one.
pub type OwnUrl = dyn Fn(&Article) -> Option<String>;

/// The article's original URL, else its page in the explorer, else none.
fn link(a: &Article, own_url: &OwnUrl) -> Option<String> {
    match a.url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
        Some(u) => Some(u.to_string()),
        None => own_url(a),
    }
}

/// The article's page in an explorer served at `base_url` with hash routes
/// (`base_url#/article/SLUG`; anything after a `#` in `base_url` is dropped first); none for an
/// empty `base_url`.
pub fn explorer_url(base_url: &str, slug: &str) -> Option<String> {
    let base = base_url.split('#').next().unwrap_or("").trim();
    (!base.is_empty()).then(|| format!("{base}#/article/{}", encode(slug)))
}

/// Percent-encodes a slug for the route (alphanumerics and `*-._` kept, as form-urlencoding
/// does, which the app's route decoding reads back).
fn encode(slug: &str) -> String {
    let mut out = String::new();
    for b in slug.bytes() {
        if b.is_ascii_alphanumeric() || b"*-._".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// One CSV field: formula triggers neutralised, then quoted when RFC 4180 requires it.
fn csv_cell(value: &str) -> String {
    let risky = value.starts_with(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']);
    let value = if risky { format!("'{value}") } else { value.to_string() };
    if value.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// A JSON string literal.
fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::PartialDate;

    const FOXHOLE: &str = "A View from the CT Foxhole: Neil Basu, Senior National Coordinator for \
                           Counterterrorism Policing in the United Kingdom";
    const BASE: &str = "https://example.org/rr/";

    /// The explorer's links as a hash-routed page at `base` gives them.
    fn at(base: &'static str) -> impl Fn(&Article) -> Option<String> {
        move |a| explorer_url(base, &a.slug)
    }

    fn article(slug: &str, title: &str, date: &str, authors: &[&str]) -> Article {
        let mut a = Article::new(slug, title, PartialDate::parse(date).unwrap(), vec![]);
        a.authors = authors.iter().map(|s| s.to_string()).collect();
        a
    }

    fn foxhole() -> Article {
        let mut a =
            article("view-from-the-ct-foxhole-neil-basu", FOXHOLE, "2018-02", &["Raffaello Pantucci"]);
        a.outlet = "CTC Sentinel".into();
        a.kind = "interview".into();
        a.issue = Some("February 2018, Volume 11, Issue 2".into());
        a.topics = vec!["Al Qaeda".into(), "Islamic State".into(), "Prevent".into()];
        a
    }

    fn comic() -> Article {
        let mut a = article(
            "comic-explainer-lone-actor-terrorism",
            "Comic explainer: what is lone-actor terrorism?",
            "2017",
            &["Raffaello Pantucci", "Wes Mountain"],
        );
        a.outlet = "The Conversation".into();
        a.kind = "comic".into();
        a.topics = vec!["Lone-actor terrorism".into()];
        a.url = Some("https://theconversation.com/comic-explainer-79431".into());
        a.summary = Some("Lone actors, \"drawn\".\nTwo lines.".into());
        a
    }

    #[test]
    fn csv_of_the_sample() {
        let (f, c) = (foxhole(), comic());
        assert_eq!(
            csv(&[&f, &c], &at(BASE)),
            format!(
                "slug,title,date,outlet,kind,authors,topics,url\r\n\
                 view-from-the-ct-foxhole-neil-basu,\"{FOXHOLE}\",2018-02,CTC Sentinel,interview,\
                 Raffaello Pantucci,Al Qaeda; Islamic State; Prevent,\
                 https://example.org/rr/#/article/view-from-the-ct-foxhole-neil-basu\r\n\
                 comic-explainer-lone-actor-terrorism,Comic explainer: what is lone-actor terrorism?,2017,\
                 The Conversation,comic,Raffaello Pantucci; Wes Mountain,Lone-actor terrorism,\
                 https://theconversation.com/comic-explainer-79431\r\n"
            )
        );
        assert_eq!(csv(&[], &at(BASE)), "slug,title,date,outlet,kind,authors,topics,url\r\n");
    }

    #[test]
    fn csv_quotes_commas_quotes_and_line_breaks() {
        let mut a = article("s", "He said \"no\", twice", "2016-12-19", &[]);
        a.outlet = "Line one\nline two".into();
        a.kind = "CR\r\nLF".into();
        a.topics = vec!["plain".into()];
        assert_eq!(
            csv(&[&a], &at("")),
            "slug,title,date,outlet,kind,authors,topics,url\r\n\
             s,\"He said \"\"no\"\", twice\",2016-12-19,\"Line one\nline two\",\"CR\r\nLF\",,plain,\r\n"
        );
    }

    #[test]
    fn csv_neutralises_formulas() {
        let mut a = article("s", "=HYPERLINK(\"http://evil\",\"x\")", "2018", &["@admin", "+Plus"]);
        a.outlet = "-2+3".into();
        a.kind = "\tcmd".into();
        a.topics = vec!["＝1+1".into(), "ok".into()];
        a.url = Some("https://x.org/a-b".into());
        let body = csv(&[&a], &at(BASE));
        let row = body.split("\r\n").nth(1).unwrap();
        assert_eq!(
            row,
            "s,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",2018,'-2+3,'\tcmd,'@admin; +Plus,'＝1+1; ok,\
             https://x.org/a-b"
        );
        // Only the start of a cell matters.
        assert_eq!(csv_cell("a=b"), "a=b");
        assert_eq!(csv_cell("\r\nx"), "\"'\r\nx\"");
    }

    #[test]
    fn links_fall_back_to_the_explorer_or_to_nothing() {
        let mut a = article("al qaeda/é", "T", "2018", &[]);
        assert_eq!(
            link(&a, &at("https://x.org/rr/index.html#/search?q=x")).unwrap(),
            "https://x.org/rr/index.html#/article/al%20qaeda%2F%C3%A9"
        );
        assert_eq!(link(&a, &at("")), None);
        assert_eq!(link(&a, &at("  ")), None);
        a.url = Some("https://orig.example/x".into());
        assert_eq!(link(&a, &at("")).unwrap(), "https://orig.example/x");
        a.url = Some(String::new());
        assert_eq!(link(&a, &at(BASE)).unwrap(), "https://example.org/rr/#/article/al%20qaeda%2F%C3%A9");
    }

    #[test]
    fn json_of_the_sample() {
        let (f, c) = (foxhole(), comic());
        assert_eq!(
            json(&[&f, &c], &at(BASE)),
            format!(
                "[{{\"slug\":\"view-from-the-ct-foxhole-neil-basu\",\"title\":\"{FOXHOLE}\",\"date\":\"2018-02\",\
                 \"outlet\":\"CTC Sentinel\",\"kind\":\"interview\",\"authors\":[\"Raffaello Pantucci\"],\
                 \"topics\":[\"Al Qaeda\",\"Islamic State\",\"Prevent\"],\
                 \"url\":\"https://example.org/rr/#/article/view-from-the-ct-foxhole-neil-basu\",\"summary\":null}},\
                 {{\"slug\":\"comic-explainer-lone-actor-terrorism\",\
                 \"title\":\"Comic explainer: what is lone-actor terrorism?\",\"date\":\"2017\",\
                 \"outlet\":\"The Conversation\",\"kind\":\"comic\",\
                 \"authors\":[\"Raffaello Pantucci\",\"Wes Mountain\"],\"topics\":[\"Lone-actor terrorism\"],\
                 \"url\":\"https://theconversation.com/comic-explainer-79431\",\
                 \"summary\":\"Lone actors, \\\"drawn\\\".\\nTwo lines.\"}}]"
            )
        );
        assert_eq!(json(&[], &at(BASE)), "[]");
        let bare = article("s", "T", "2018", &[]);
        assert!(
            json(&[&bare], &at("")).contains(",\"authors\":[],\"topics\":[],\"url\":null,\"summary\":null}")
        );
    }

    #[test]
    fn json_escapes_and_parses_back() {
        let mut a = comic();
        a.title = "Quote \" backslash \\ tab \t bell \u{7} nul \u{0} ls \u{2028} é ’ 😀".into();
        a.authors = vec!["</script>".into()];
        let text = json(&[&a, &foxhole()], &at(BASE));
        assert!(text
            .contains(r#""title":"Quote \" backslash \\ tab \t bell \u0007 nul \u0000 ls \u2028 é ’ 😀""#));
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v[0]["title"], a.title.as_str());
        assert_eq!(v[0]["authors"][0], "</script>");
        assert_eq!(v[0]["summary"], a.summary.as_deref().unwrap());
        assert_eq!(v[1]["topics"].as_array().unwrap().len(), 3);
        assert!(v[1]["summary"].is_null());
    }

    #[test]
    fn bibtex_of_the_sample() {
        let (f, c) = (foxhole(), comic());
        assert_eq!(
            bibtex(&[&f, &c], &at(BASE)),
            format!(
                "@article{{pantucci2018view,\n  author = {{Pantucci, Raffaello}},\n  title = {{{{{FOXHOLE}}}}},\n  \
                 journal = {{CTC Sentinel}},\n  volume = {{11}},\n  number = {{2}},\n  year = {{2018}},\n  \
                 month = feb,\n  url = {{https://example.org/rr/#/article/view-from-the-ct-foxhole-neil-basu}}\n}}\n\
                 \n\
                 @misc{{pantucci2017comic,\n  author = {{Pantucci, Raffaello and Mountain, Wes}},\n  \
                 title = {{{{Comic explainer: what is lone-actor terrorism?}}}},\n  \
                 howpublished = {{The Conversation}},\n  year = {{2017}},\n  \
                 url = {{https://theconversation.com/comic-explainer-79431}}\n}}\n"
            )
        );
        // One article: the cite box's entry, with the same link.
        let own = format!("{BASE}#/article/{}", f.slug);
        assert_eq!(bibtex(&[&f], &at(BASE)), cite::bibtex(&f, Some(&own)));
        assert_eq!(bibtex(&[], &at(BASE)), "");
        assert!(!bibtex(&[&f], &at("")).contains("url"));
    }

    #[test]
    fn bibtex_keys_are_unique_and_independent_of_order() {
        let mk = |slug: &str, date: &str| {
            let mut a = article(slug, "Views on terrorism", date, &["Raffaello Pantucci"]);
            a.outlet = "The Telegraph".into();
            a
        };
        let (x, y, z) = (mk("x", "2018-05"), mk("y", "2018-01"), mk("z", "2018-01"));
        let other = article("o", "Views", "2018", &["Raffaello Pantucci"]); // same key "pantucci2018views"
        let taken = article("t", "Viewsa", "2018", &["Raffaello Pantucci"]); // "pantucci2018viewsa" taken
        let keys = |list: &[&Article]| -> Vec<String> {
            bibtex(list, &at(""))
                .split("\n\n")
                .map(|e| e[e.find('{').unwrap() + 1..e.find(',').unwrap()].to_string())
                .collect()
        };
        assert_eq!(
            keys(&[&x, &y, &z, &other, &taken]),
            [
                "pantucci2018viewse",
                "pantucci2018viewsc",
                "pantucci2018viewsd",
                "pantucci2018viewsb",
                "pantucci2018viewsa"
            ]
        );
        // Same set, another order: same keys per article.
        assert_eq!(
            keys(&[&taken, &other, &z, &y, &x]),
            [
                "pantucci2018viewsa",
                "pantucci2018viewsb",
                "pantucci2018viewsd",
                "pantucci2018viewsc",
                "pantucci2018viewse"
            ]
        );
        assert_eq!(keys(&[&x, &taken]), ["pantucci2018views", "pantucci2018viewsa"]);
        let many: Vec<Article> = (0..28).map(|i| mk(&format!("s{i:02}"), "2018")).collect();
        let refs: Vec<&Article> = many.iter().collect();
        let k = keys(&refs);
        assert_eq!(
            (k[0].as_str(), k[25].as_str(), k[26].as_str(), k[27].as_str()),
            ("pantucci2018viewsa", "pantucci2018viewsz", "pantucci2018viewsaa", "pantucci2018viewsab")
        );
    }

    #[test]
    fn suffixes_count_like_spreadsheet_columns() {
        let s: Vec<String> = [0, 1, 25, 26, 27, 51, 52, 701, 702].into_iter().map(suffix).collect();
        assert_eq!(s, ["a", "b", "z", "aa", "ab", "az", "ba", "zz", "aaa"]);
    }
}
