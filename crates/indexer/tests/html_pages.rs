//! The saved-page importer on handmade pages (tests/fixtures/html/), one per kind of page: what
//! is taken for each field, and that the body is the article and not the page around it.

use readingroom_core::{Article, Block};
use readingroom_indexer::html_page::{read, HtmlPage};
use readingroom_indexer::CorpusError;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html").join(name)
}

fn read_fixture(name: &str) -> Result<HtmlPage, CorpusError> {
    let path = fixture(name);
    read(&path, &std::fs::read(&path).unwrap())
}

fn page(name: &str) -> HtmlPage {
    read_fixture(name).unwrap_or_else(|e| panic!("{e}"))
}

fn texts(a: &Article) -> Vec<&str> {
    a.body_texts().collect()
}

fn p(s: &str) -> Block {
    Block::Paragraph(s.into())
}

/// None of `words` anywhere in the article's body.
fn assert_absent(a: &Article, words: &[&str]) {
    let body = texts(a).join("\n");
    for w in words {
        assert!(!body.contains(w), "{w:?} in the body:\n{body}");
    }
}

#[test]
fn wordpress_theme_page_keeps_the_post_not_the_theme() {
    let page = page("wordpress-post.html");
    assert!(page.warnings.is_empty(), "{:?}", page.warnings);
    let a = &page.article;
    assert_eq!(a.slug, "wordpress-post");
    // og:title without its " - Field Notes": the site's name is known from og:site_name.
    assert_eq!(a.title, "Notes from Misrata & Sirte");
    assert_eq!(a.date.iso(), "2016-03-05");
    assert_eq!(a.authors, ["Ann Lee"]);
    assert_eq!(a.outlet, "Field Notes");
    assert_eq!(a.topics, ["Libya", "Daesh"]);
    assert_eq!(a.summary.as_deref(), Some("A week on the coast road."));
    // The canonical link before og:url.
    assert_eq!(a.url.as_deref(), Some("https://fieldnotes.example.org/2016/03/notes-from-misrata/"));
    assert_eq!(
        a.body,
        [
            p("The road east was quiet. It had been for weeks."),
            Block::Heading("Sirte".into()),
            p("In Sirte, the fighters said:"),
            p("We are waiting."),
            p("• fuel"),
            p("• food"),
            Block::Note { label: "1".into(), text: "Interviews, March 2016.".into() },
        ]
    );
    assert_eq!(a.note_refs.len(), 1);
    assert_absent(
        a,
        &[
            "About this blog",
            "Skip to content",
            "Posted on",
            "Share",
            "Tripoli",
            "Tagged",
            "Great piece",
            "Leave a Reply",
            "Recent Posts",
            "powered by WordPress",
            "cookies",
            "ajaxurl",
        ],
    );
}

#[test]
fn news_page_with_json_ld_and_open_graph() {
    let a = page("news-page.html").article;
    assert_eq!(a.title, "Ceasefire holds in the south");
    // JSON-LD's datePublished before the <time> of the "Updated" line.
    assert_eq!(a.date.iso(), "2019-06-01");
    assert_eq!(a.authors, ["Sam Rivera", "Noor Haddad"]);
    assert_eq!(a.outlet, "The Daily Example");
    assert_eq!(a.topics, ["Yemen", "Ceasefire", "Hodeidah"]);
    assert_eq!(a.summary.as_deref(), Some("Both sides report a quiet night along the front."));
    assert_eq!(a.url.as_deref(), Some("https://news.example.com/world/2019/jun/01/ceasefire-holds"));
    // <main> (not the teaser <article> before it), without its byline, advert, newsletter box
    // and related stories; the <h1> repeated the title.
    assert_eq!(
        texts(&a),
        [
            "The ceasefire held overnight, officials on both sides said on Saturday.",
            "Aid convoys are expected to move on Sunday.",
            "The talks resume next week.",
        ]
    );
}

#[test]
fn bare_page_with_only_a_title_and_a_time() {
    let page = page("Old Piece (2004).htm");
    let a = &page.article;
    assert_eq!(a.slug, "old-piece-2004", "the file stem, slugified as for Markdown");
    assert_eq!(a.title, "An old piece on the Madrid bombings");
    assert_eq!(a.date.iso(), "2004-11");
    assert!(a.authors.is_empty() && a.topics.is_empty() && a.outlet.is_empty());
    assert_eq!((a.summary.as_deref(), a.url.as_deref()), (None, None));
    assert_eq!(
        texts(a),
        [
            "Written in November 2004.",
            "The trains were bombed on 11 March.",
            "Nobody expected what came after."
        ]
    );
    // No container: the body was used, and the curator is told.
    assert_eq!(page.warnings.len(), 1);
    assert!(page.warnings[0].message.contains("no <article>, <main>"), "{:?}", page.warnings);
}

#[test]
fn a_page_without_a_date_is_rejected_saying_where_it_looked() {
    let e = read_fixture("no-date.html").unwrap_err();
    assert_eq!(e.file, fixture("no-date.html"));
    for tag in
        ["article:published_time", "citation_publication_date", "DC.date", "datePublished", "<time datetime>"]
    {
        assert!(e.message.contains(tag), "{tag} not in {:?}", e.message);
    }
    assert!(e.to_string().starts_with(&fixture("no-date.html").display().to_string()));
    // A date that cannot be read is named, with the reason.
    let html = "<title>T</title>\n<meta name=\"citation_date\" content=\"Spring 2015\"><p>Text.</p>";
    let e = read(Path::new("spring.html"), html.as_bytes()).unwrap_err();
    assert!(e.message.starts_with("no usable date: citation_date \"Spring 2015\""), "{}", e.message);
    assert_eq!(e.line, Some(2), "at the line that writes it");
    // One that cannot be read before one that can: a warning, at its line.
    let html = "<title>T</title>\n\n<meta property=\"article:published_time\" content=\"soon\">\
        <meta name=\"DC.date\" content=\"2015-04\"><p>Text.</p>";
    let page = read(Path::new("soon.html"), html.as_bytes()).unwrap();
    assert_eq!(page.article.date.iso(), "2015-04");
    let soon = page.warnings.iter().find(|w| w.message.contains("\"soon\"")).expect("warned");
    assert_eq!(soon.line, Some(3));
}

#[test]
fn windows_1252_page_as_declared() {
    let a = page("windows-1252.html").article;
    assert_eq!(a.title, "Café society in Beirut");
    assert_eq!(a.date.iso(), "1999-07-14");
    assert_eq!(texts(&a), ["“The cafés are full again,” he said — prices in € now."]);
}

#[test]
fn encodings_and_bytes_that_are_not_a_page() {
    let html = |s: &str| format!("<title>Título</title><meta name=\"DC.date\" content=\"2001\"><p>{s}</p>");
    // A UTF-8 BOM, and UTF-16 with its BOM, as browsers read them.
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(html("Años").bytes());
    assert_eq!(read(Path::new("a.html"), &bytes).unwrap().article.title, "Título");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(html("Años").encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(texts(&read(Path::new("b.html"), &utf16).unwrap().article), ["Años"]);
    // Latin-1 bytes with no declaration: an error naming the line, not mojibake.
    let bytes = b"<title>T</title>\n<meta name=\"DC.date\" content=\"2001\">\n<p>A\xF1os</p>";
    let e = read(Path::new("c.html"), bytes).unwrap_err();
    assert_eq!(e.line, Some(3));
    assert!(e.message.contains("<meta charset"), "{}", e.message);
    assert!(read(Path::new("d.html"), b"").unwrap_err().message.contains("empty"));
    assert!(read(Path::new("e.html"), b"<p>\0\0\0</p>").unwrap_err().message.contains("binary"));
    // A page with a date and a title but no text.
    let e = read(Path::new("f.html"), html("").as_bytes()).unwrap_err();
    assert!(e.message.starts_with("no text"), "{}", e.message);
}

#[test]
fn scholarly_metadata_and_footnotes() {
    let a = page("report.html").article;
    // citation_title before og:title, which adds a subtitle and the site.
    assert_eq!(a.title, "Foreign Fighters After the Caliphate");
    assert_eq!(a.date.iso(), "2018-02-14");
    assert_eq!(a.authors, ["Ann Lee", "Chidi Okafor"]);
    assert_eq!(a.outlet, "Example Institute");
    assert_eq!(a.topics, ["foreign fighters", "Syria", "Iraq"]);
    assert_eq!(
        texts(&a),
        [
            "About 40,000 people travelled to Syria and Iraq.",
            "Fewer than a fifth have come home.",
            "UN monitoring team, 2017."
        ]
    );
    assert_eq!((a.note_refs[0].label.as_str(), a.note_refs[0].paragraph), ("1", 0));
    assert_absent(&a, &["Tweet", "Research"]);
}

#[test]
fn scripts_and_handlers_leave_no_text() {
    let a = page("hostile.html").article;
    assert_eq!(a.title, "A safe title");
    assert_eq!(a.authors, ["Eve Example"]);
    assert_eq!(a.summary.as_deref(), Some("Summary"));
    assert_eq!(a.url, None, "javascript: canonical and og:url are dropped");
    assert_eq!(
        texts(&a),
        ["Before after.", "Caption stays.", "Link text and more.", "Last <script> shown as written."]
    );
    let all = format!("{} {:?} {:?} {}", a.title, a.authors, a.summary, texts(&a).join(" "));
    for w in
        ["alert", "pwned", "script text", "onerror", "iframe text", "noscript text", "svg text", "display"]
    {
        assert!(!all.contains(w), "{w:?} in {all}");
    }
}

#[test]
fn a_folder_of_markdown_and_html_is_one_corpus() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("markdown-piece.md"),
        "+++\ntitle = \"A Markdown piece\"\ndate = \"2017-01-02\"\n+++\n\nWritten in Markdown.\n",
    )
    .unwrap();
    for name in ["news-page.html", "Old Piece (2004).htm", "no-date.html"] {
        std::fs::copy(fixture(name), dir.path().join(name)).unwrap();
    }
    let corpus = readingroom_indexer::read_corpus(dir.path()).unwrap_or_else(|e| panic!("{e:?}"));
    let slugs: Vec<&str> = corpus.articles.iter().map(|(_, a)| a.slug.as_str()).collect();
    assert_eq!(slugs, ["old-piece-2004", "markdown-piece", "news-page"]);
    assert_eq!(corpus.files_read, 4);
    assert_eq!(corpus.rejected.len(), 1);
    assert!(
        corpus.rejected[0].to_string().contains("no-date.html: no date: looked for"),
        "{}",
        corpus.rejected[0]
    );
    assert_eq!(corpus.warnings.len(), 1, "the page without a container: {:?}", corpus.warnings);
    // One page is a corpus too.
    let corpus = readingroom_indexer::read_corpus(&fixture("wordpress-post.html")).unwrap();
    assert_eq!(corpus.articles[0].1.title, "Notes from Misrata & Sirte");
}

#[test]
fn yoast_graph_references_and_rel_author_links() {
    // Yoast's @graph names the author by @id; the WebPage node has a date too, the Article wins.
    let html = r##"<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "@id": "https://x.example/p/#webpage", "datePublished": "2010-01-01"},
        {"@type": "Article", "headline": "From the graph", "datePublished": "2012-05-06T07:00:00+00:00",
         "author": {"@id": "https://x.example/#/schema/person/1"}},
        {"@type": "Person", "@id": "https://x.example/#/schema/person/1", "name": "Ann Lee"}]}</script>
        <article><p>Text.</p></article>"##;
    let a = read(Path::new("yoast.html"), html.as_bytes()).unwrap().article;
    assert_eq!(
        (a.title.as_str(), a.date.iso(), a.authors.clone()),
        ("From the graph", "2012-05-06".into(), vec!["Ann Lee".to_string()])
    );
    // No metadata at all but the byline's links and the <time> of the post, not the comment's.
    let html = r#"<title>T</title><article><header><h1>Post</h1><p class="byline">By <a rel="author" href="/a">Bob</a>
        <time datetime="2013-02-03">3 Feb</time></p></header><p>Body.</p>
        <section class="comments"><time datetime="2020-01-01">later</time></section></article>"#;
    let a = read(Path::new("plain.html"), html.as_bytes()).unwrap().article;
    assert_eq!(
        (a.title.as_str(), a.date.iso(), a.authors.clone()),
        ("Post", "2013-02-03".into(), vec!["Bob".to_string()])
    );
    assert_eq!(texts(&a), ["Body."]);
}

/// A page nested thousands deep (tags opened and never closed) is read, on a build worker's stack
/// as in any build; one nested past any reason is refused by name and line, and the other
/// articles of the corpus stay.
#[test]
fn deeply_nested_pages_neither_abort_the_build_nor_cost_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let page = |depth: usize| {
        format!(
            "<html><head><title>Deep</title><meta property=\"article:published_time\" content=\"2017-01-02\"></head>\n\
             <body><article><p>Before the nesting.</p>\n{}deep text{}</article></body></html>\n",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        )
    };
    std::fs::write(dir.path().join("deep.html"), page(5_000)).unwrap();
    std::fs::write(dir.path().join("too-deep.html"), page(20_000)).unwrap();
    std::fs::write(
        dir.path().join("good.md"),
        "+++\ntitle = \"A Markdown piece\"\ndate = \"2017-01-02\"\n+++\n\nWritten in Markdown.\n",
    )
    .unwrap();
    let corpus = readingroom_indexer::read_corpus(dir.path()).unwrap_or_else(|e| panic!("{e:?}"));
    let slugs: Vec<&str> = corpus.articles.iter().map(|(_, a)| a.slug.as_str()).collect();
    assert_eq!(slugs, ["deep", "good"]);
    assert!(corpus.articles[0].1.body_texts().any(|t| t.contains("deep text")));
    assert_eq!(corpus.rejected.len(), 1);
    let error = corpus.rejected[0].to_string();
    assert!(error.contains("too-deep.html:3: elements nested over 10000 deep"), "{error}");
}
