//! Build-time sanitising of corpus text and links. The app renders only text nodes, but the
//! artifact may be read by other tools (elasticlunr export, `window.readingRoom`), so markup is
//! reduced to its text here, once, with ammonia's allowlist sanitiser (html5ever parses it the way
//! a browser would, so broken markup, SVG and MathML are handled as browsers handle them), and
//! every link must pass a scheme allowlist.

use std::collections::HashSet;

/// Elements whose content is not text a reader should see: it is dropped with the element.
const DROP_WITH_CONTENT: [&str; 10] =
    ["script", "style", "template", "iframe", "noscript", "noembed", "noframes", "object", "embed", "xmp"];

/// Link schemes the corpus may use; anything else (javascript:, data:, vbscript:, file:…) is
/// dropped. A link without a scheme is relative and stays.
const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// The plain text of an HTML fragment: no element survives (an empty tag allowlist), scripts and
/// styles go with their content, character references are decoded, runs of white space become
/// one space. Text without markup comes back unchanged but for white space.
pub fn text(fragment: &str) -> String {
    // Fast path: nothing that could be markup or a character reference.
    if !fragment.contains(['<', '&']) {
        return collapse_space(fragment);
    }
    let cleaned = ammonia::Builder::default()
        .tags(HashSet::new())
        .clean_content_tags(DROP_WITH_CONTENT.into_iter().collect())
        .clean(fragment)
        .to_string();
    collapse_space(&unescape_serialized(&cleaned))
}

/// `raw` if it is a link the app may follow: http(s), mailto or relative. White space and control
/// characters that browsers strip inside URLs are removed first, and character references are
/// decoded for the check, so `java&#x09;script:` or ` JavaScript:` are caught as well. A DOI
/// given as `doi:10.…`, as research metadata often gives it, becomes its resolver's link.
pub fn url(raw: &str) -> Option<String> {
    let mut cleaned: String = raw.chars().filter(|c| !c.is_control() && !c.is_whitespace()).collect();
    if cleaned.is_empty() {
        return None;
    }
    if scheme(&cleaned).as_deref() == Some("doi") {
        let doi = &cleaned[4..];
        if !doi.starts_with("10.") {
            return None;
        }
        // A DOI may hold what a URL reads as its query or fragment (old SICI DOIs end in "#").
        let doi = doi.replace('%', "%25").replace('#', "%23").replace('?', "%3F").replace('"', "%22");
        cleaned = format!("https://doi.org/{doi}");
    }
    let decoded: String =
        unescape_refs(&cleaned).chars().filter(|c| !c.is_control() && !c.is_whitespace()).collect();
    let allowed = |u: &str| scheme(u).is_none_or(|s| ALLOWED_SCHEMES.contains(&s.as_str()));
    (allowed(&cleaned) && allowed(&decoded)).then_some(cleaned)
}

/// The scheme of a URL, lower-cased, as the WHATWG URL parser finds it: an ASCII letter, then
/// letters, digits, `+`, `-` or `.`, then `:`. None: a relative URL.
fn scheme(u: &str) -> Option<String> {
    let (head, _) = u.split_once(':')?;
    let mut chars = head.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    ok.then(|| head.to_ascii_lowercase())
}

/// Undoes html5ever's text serialisation, which escapes exactly these four.
fn unescape_serialized(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", "\u{a0}").replace("&amp;", "&")
}

/// Decodes character references (`&#58;`, `&#x3A;`, `&colon;`…) by letting html5ever parse the
/// string as text: the same decoding a browser applies to an attribute written in HTML.
fn unescape_refs(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let escaped = s.replace('<', "&lt;");
    unescape_serialized(&ammonia::Builder::empty().clean(&escaped).to_string())
}

fn collapse_space(s: &str) -> String {
    // ASCII white space only: a no-break space is the author's ("Basu:\u{a0}Because").
    let t = s.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
    if is_blank(&t) {
        String::new()
    } else {
        t
    }
}

/// Whether `s` shows nothing: only white space (no-break spaces too) and invisible characters
/// (zero-width spaces and joiners, soft hyphens, a stray byte-order mark). A title of "\u{200b}"
/// had been a title, where an empty one is refused.
pub fn is_blank(s: &str) -> bool {
    s.chars().all(|c| {
        c.is_whitespace()
            || matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_kept() {
        assert_eq!(text("Tom & Jerry: 3 < 4 > 2, “quoted”"), "Tom & Jerry: 3 < 4 > 2, “quoted”");
        assert_eq!(text("  two\n lines "), "two lines");
        assert_eq!(text("no\u{a0}break"), "no\u{a0}break");
        // What shows nothing is nothing.
        assert_eq!(text("\u{200b}"), "");
        assert_eq!(text("&nbsp; \u{feff}"), "");
    }

    #[test]
    fn scripts_and_styles_go_with_their_content() {
        assert_eq!(text("Before <script>window.__pwned=1</script>after."), "Before after.");
        assert_eq!(text("<SCRIPT SRC=//evil.example/x.js></SCRIPT>Kept"), "Kept");
        assert_eq!(text("<style>body{display:none}</style>Text"), "Text");
        assert_eq!(text("<iframe src=\"javascript:alert(1)\">inside</iframe>Out"), "Out");
    }

    #[test]
    fn event_handlers_and_tags_go_text_stays() {
        assert_eq!(text("<img src=x onerror=\"alert(1)\">Caption"), "Caption");
        assert_eq!(
            text("<p onclick=\"alert(1)\">A <b onmouseover=alert(1)>bold</b> word</p>"),
            "A bold word"
        );
        assert_eq!(text("<a href=\"javascript:alert(1)\">Link text</a>"), "Link text");
    }

    #[test]
    fn svg_and_mathml_tricks() {
        // Elements inside SVG and MathML go with their content (ammonia's defence against
        // namespace-confusion tricks); the text around them stays.
        assert_eq!(
            text("Before <svg onload=alert(1)><script>alert(2)</script><text>drawn</text></svg> after"),
            "Before after"
        );
        assert_eq!(text("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"), "");
        assert_eq!(text("<svg><a xlink:href=\"javascript:alert(1)\"><text>Go</text></a></svg>Stay"), "Stay");
        assert_eq!(text("<math href=\"javascript:alert(1)\"><mi>x</mi></math>Stay"), "Stay");
    }

    #[test]
    fn broken_markup_keeps_its_text() {
        assert_eq!(text("Unclosed <b>bold <i>italic"), "Unclosed bold italic");
        assert_eq!(text("<<script>alert(1)//<</script>Fine"), "<Fine");
        assert_eq!(text("a <img src=x onerror=alert(1)"), "a");
        assert_eq!(text("</p>Stray closing"), "Stray closing");
        assert_eq!(text("<!-- <script>alert(1)</script> -->Commented"), "Commented");
    }

    #[test]
    fn references_are_decoded_once() {
        assert_eq!(text("Fish &amp; chips &lt;b&gt;"), "Fish & chips <b>");
        assert_eq!(text("&#60;script&#62;alert(1)&#60;/script&#62;"), "<script>alert(1)</script>");
    }

    #[test]
    fn allowed_urls() {
        assert_eq!(
            url("https://ctc.westpoint.edu/a?b=1#c").as_deref(),
            Some("https://ctc.westpoint.edu/a?b=1#c")
        );
        assert_eq!(url("  HTTP://example.org/ ").as_deref(), Some("HTTP://example.org/"));
        assert_eq!(url("mailto:editor@example.org").as_deref(), Some("mailto:editor@example.org"));
        assert_eq!(url("archive/piece.html").as_deref(), Some("archive/piece.html"));
        assert_eq!(url("/a/b:c").as_deref(), Some("/a/b:c"));
        assert_eq!(
            url("doi:10.1080/1057610X.2017.1234567").as_deref(),
            Some("https://doi.org/10.1080/1057610X.2017.1234567")
        );
        assert_eq!(url(" DOI: 10.1000/xyz").as_deref(), Some("https://doi.org/10.1000/xyz"));
        assert_eq!(url("doi:javascript:alert(1)"), None);
        assert_eq!(
            url("doi:10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-#").as_deref(),
            Some("https://doi.org/10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-%23")
        );
    }

    #[test]
    fn dangerous_urls_are_dropped() {
        for u in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "  javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "java&#x09;script:alert(1)",
            "java&#9;script:alert(1)",
            "javascript&colon;alert(1)",
            "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "DATA:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "VBScript:msgbox(1)",
            "file:///etc/passwd",
            "",
            "   ",
        ] {
            assert_eq!(url(u), None, "{u:?}");
        }
    }
}
