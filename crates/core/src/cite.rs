//! "Cite this": one article as a Chicago or APA reference, a BibTeX entry or a RIS record.
//!
//! Everything is plain text (the app renders text, never markup), so the italics the styles
//! ask for (outlet names) are simply left out. `url` is the link to cite when the article has
//! no original URL (the app passes its own link to the article); an empty string counts as none.
//!
//! Decisions, where the metadata leaves the styles a choice:
//!
//! - **Names.** An author is written "First Last": the surname is the last word, together with
//!   any lower-case particles just before it ("Ludwig van Beethoven" → "van Beethoven",
//!   "Osama bin Laden" → "bin Laden"); a trailing "Jr."/"Sr."/"II"/"III"/"IV" is a suffix; a
//!   name already written "Last, First" is taken as such; a single word is a surname alone.
//!   Limitation: surnames of several capitalised words ("Gabriel García Márquez", "Martin Van
//!   Buren") keep only their last word as the surname.
//! - **Journal-like.** An article with an outlet and an issue line ("February 2018, Volume 11,
//!   Issue 2") is treated as a journal article: the volume and issue number are read from the
//!   line ("Volume"/"Vol." and "Issue"/"No."/"Number") and cited as such in every style.
//!   BibTeX makes it an `@article` (else `@misc` with `howpublished` = outlet) and RIS a
//!   `JOUR` (else `ELEC` when there is a URL to cite, `GEN` otherwise). An issue line that
//!   yields neither number, or comes without an outlet, is kept whole as a BibTeX `note` /
//!   RIS `N1`.
//! - **Chicago** (17th, notes-bibliography, bibliography entry): journal form "Outlet 11, no. 2
//!   (February 2018)." when volume or number is known, else "Outlet, July 7, 2017."; curly
//!   quotation marks around the title (quotes inside it become single quotes); up to ten
//!   authors in full, more as the first seven and "et al.". No author: an outlet in magazine or
//!   newspaper form stands in as the author (CMOS 14.207); otherwise the entry starts with the
//!   title (CMOS 14.75).
//! - **APA 7**: the date at its known precision, "(2017, July 7)", "(2018, February)", "(2018)",
//!   as for periodicals (magazine/newspaper form; with "Outlet, 11(2)" when the volume is known),
//!   since the corpus does not say which outlets are scholarly journals (whose form has the
//!   year only). Titles are kept as given (no sentence case). Up to twenty authors in full,
//!   more as the first nineteen, ". . ." and the last. No author: the title moves to the
//!   author position (APA 9.12).
//! - **BibTeX**: key = first author's surname (else the outlet's first significant word, else
//!   "anon") + year + first significant title word, folded to lower-case ASCII letters and
//!   digits ("pantucci2018view"). Fields are brace-delimited and escaped for LaTeX; braces
//!   become `\textbraceleft{}`/`\textbraceright{}` because BibTeX counts braces even after a
//!   backslash, so an escaped lone `\{` would still unbalance the field. The title is wrapped
//!   in a second pair of braces so styles keep its case as given. Names are written "Last,
//!   First" (or "Last, Jr., First"), which BibTeX reads the way the other styles do. Non-ASCII
//!   text is kept as UTF-8 (biber, or BibTeX with inputenc). The url field is left verbatim
//!   (it is verbatim for biblatex and `\url`), except that braces, backslashes and spaces are
//!   percent-encoded. The month is the `jan`..`dec` macro; a day is not representable.
//! - **RIS**: LF line ends (the record is shown and copied as text; every importer reads LF,
//!   the export files that need CRLF are CSV), `AU` "Last, First[, Suffix]" per author, `T2`
//!   for the outlet, `PY` the year, `DA` "YYYY/MM/DD/" with unknown parts empty ("2018/02//",
//!   "2018///"), and "ER  - " closing the record.

use crate::date::MONTHS;
use crate::model::Article;

/// Chicago (17th edition) notes-bibliography style, bibliography entry.
pub fn chicago(a: &Article, url: Option<&str>) -> String {
    let names = authors(a);
    let outlet = clean(&a.outlet);
    let journal = journal(a);
    let numbered = journal.as_ref().filter(|j| j.volume.is_some() || j.number.is_some());
    let date = chicago_date(a);
    let mut out = String::new();
    let mut outlet_as_author = false;
    if !names.is_empty() {
        out.push_str(&chicago_names(&names));
    } else if !outlet.is_empty() && numbered.is_none() {
        out.push_str(&outlet);
        outlet_as_author = true;
    }
    if !out.is_empty() {
        end_sentence(&mut out);
        out.push(' ');
    }
    // The period goes inside the quotation marks, inside a closing single quote too.
    let title = chicago_quotes(&clean(&a.title));
    let (body, close) = match title.strip_suffix('’') {
        Some(body) if closes_a_quote(body) => (body, "’"),
        _ => (title.as_str(), ""),
    };
    out.push('“');
    out.push_str(body);
    if !ends_sentence(body) {
        out.push('.');
    }
    out.push_str(close);
    out.push('”');
    match numbered {
        Some(j) => {
            out.push(' ');
            out.push_str(&outlet);
            if let Some(v) = &j.volume {
                out.push(' ');
                out.push_str(v);
            }
            if let Some(n) = &j.number {
                out.push_str(", no. ");
                out.push_str(n);
            }
            out.push_str(&format!(" ({date})."));
        }
        None if !outlet.is_empty() && !outlet_as_author => out.push_str(&format!(" {outlet}, {date}.")),
        None => out.push_str(&format!(" {date}.")),
    }
    if let Some(u) = link(a, url) {
        out.push_str(&format!(" {u}."));
    }
    out
}

/// APA 7th edition reference.
pub fn apa(a: &Article, url: Option<&str>) -> String {
    let names = authors(a);
    let outlet = clean(&a.outlet);
    let mut title = clean(&a.title);
    if !ends_sentence(&title) {
        title.push('.');
    }
    let date = apa_date(a);
    let mut out = String::new();
    if names.is_empty() {
        out.push_str(&format!("{title} ({date})."));
    } else {
        out.push_str(&apa_names(&names));
        end_sentence(&mut out);
        out.push_str(&format!(" ({date}). {title}"));
    }
    if !outlet.is_empty() {
        out.push(' ');
        out.push_str(&outlet);
        if let Some(v) = journal(a).and_then(|j| Some((j.volume?, j.number))) {
            match v {
                (vol, Some(no)) => out.push_str(&format!(", {vol}({no})")),
                (vol, None) => out.push_str(&format!(", {vol}")),
            }
        }
        end_sentence(&mut out);
    }
    if let Some(u) = link(a, url) {
        out.push(' ');
        out.push_str(&u);
    }
    out
}

/// A BibTeX entry, ending with a newline, keyed by [`bibtex_key`].
pub fn bibtex(a: &Article, url: Option<&str>) -> String {
    bibtex_entry(a, url, &bibtex_key(a))
}

/// The entry's citation key: first author's surname (else the outlet's first significant word,
/// else "anon"), year, first significant word of the title; lower-case ASCII letters and digits
/// only, e.g. `pantucci2018view`. Not unique: [`crate::export::bibtex`] disambiguates.
pub fn bibtex_key(a: &Article) -> String {
    let who = authors(a)
        .first()
        .map(|n| ascii_key(&n.surname))
        .filter(|s| !s.is_empty())
        .or_else(|| first_significant(&a.outlet))
        .unwrap_or_else(|| "anon".into());
    let word = first_significant(&a.title).unwrap_or_default();
    format!("{who}{}{word}", a.date.year)
}

/// A RIS record, LF line ends, ending with "ER  - " and a newline.
pub fn ris(a: &Article, url: Option<&str>) -> String {
    let journal = journal(a);
    let link = link(a, url);
    let ty = match (&journal, &link) {
        (Some(_), _) => "JOUR",
        (None, Some(_)) => "ELEC",
        (None, None) => "GEN",
    };
    let mut out = String::new();
    let mut line = |tag: &str, value: &str| {
        let value = clean(value);
        if !value.is_empty() {
            out.push_str(&format!("{tag}  - {value}\n"));
        }
    };
    line("TY", ty);
    for n in authors(a) {
        line("AU", &n.inverted(&n.given));
    }
    line("TI", &a.title);
    line("T2", &a.outlet);
    line("PY", &a.date.year.to_string());
    let two = |v: Option<u8>| v.map(|v| format!("{v:02}")).unwrap_or_default();
    line("DA", &format!("{:04}/{}/{}/", a.date.year, two(a.date.month), two(a.date.day)));
    let numbers = journal.as_ref().filter(|j| j.volume.is_some() || j.number.is_some());
    match numbers {
        Some(j) => {
            line("VL", j.volume.as_deref().unwrap_or(""));
            line("IS", j.number.as_deref().unwrap_or(""));
        }
        None => line("N1", a.issue.as_deref().unwrap_or("")),
    }
    line("UR", link.as_deref().unwrap_or(""));
    out.push_str("ER  - \n");
    out
}

/// The BibTeX entry with a given key (the export makes keys unique).
pub(crate) fn bibtex_entry(a: &Article, url: Option<&str>, key: &str) -> String {
    let outlet = clean(&a.outlet);
    let journal = journal(a);
    let kind = if journal.is_some() { "article" } else { "misc" };
    let mut out = format!("@{kind}{{{key},\n");
    let mut field = |name: &str, value: &str| out.push_str(&format!("  {name} = {value},\n"));
    let names = authors(a);
    if !names.is_empty() {
        let names: Vec<String> = names.iter().map(|n| tex(&n.bibtex())).collect();
        field("author", &format!("{{{}}}", names.join(" and ")));
    }
    field("title", &format!("{{{{{}}}}}", tex(&clean(&a.title))));
    if !outlet.is_empty() {
        field(if journal.is_some() { "journal" } else { "howpublished" }, &format!("{{{}}}", tex(&outlet)));
    }
    let parts = issue_parts(a.issue.as_deref().unwrap_or(""));
    if journal.is_some() {
        if let Some(v) = &parts.volume {
            field("volume", &format!("{{{}}}", tex(v)));
        }
        if let Some(n) = &parts.number {
            field("number", &format!("{{{}}}", tex(n)));
        }
    }
    field("year", &format!("{{{}}}", a.date.year));
    if let Some(m) = a.date.month {
        field("month", &MONTHS[usize::from(m) - 1][..3].to_ascii_lowercase());
    }
    let issue = a.issue.as_deref().map(clean).unwrap_or_default();
    if !issue.is_empty() && (journal.is_none() || (parts.volume.is_none() && parts.number.is_none())) {
        field("note", &format!("{{{}}}", tex(&issue)));
    }
    if let Some(u) = link(a, url) {
        field("url", &format!("{{{}}}", bibtex_url(&u)));
    }
    // No comma after the last field: some older tools reject it.
    out.truncate(out.len() - 2);
    out.push_str("\n}\n");
    out
}

/// An author's name in the parts the styles need.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Name {
    /// "Raffaello", "José María"; empty for a single-word name.
    given: String,
    /// "Pantucci", "van Beethoven".
    surname: String,
    /// "Jr.", "III"; usually empty.
    suffix: String,
}

const SUFFIXES: [&str; 7] = ["Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"];

impl Name {
    fn parse(raw: &str) -> Name {
        let raw = clean(raw);
        let parts: Vec<&str> = raw.split(',').map(str::trim).collect();
        match parts.as_slice() {
            [natural, suffix] if SUFFIXES.contains(suffix) => {
                Name { suffix: (*suffix).into(), ..Name::natural(natural) }
            }
            [surname, given, rest @ ..] => {
                Name { given: (*given).into(), surname: (*surname).into(), suffix: rest.join(", ") }
            }
            _ => Name::natural(&raw),
        }
    }

    /// "First [particles] Last [Suffix]".
    fn natural(raw: &str) -> Name {
        let mut words: Vec<&str> = raw.split_whitespace().collect();
        let mut suffix = String::new();
        if words.len() > 1 && SUFFIXES.contains(words.last().unwrap_or(&"")) {
            suffix = words.pop().unwrap_or_default().into();
        }
        let mut start = words.len().saturating_sub(1);
        while start > 1 && words[start - 1].chars().next().is_some_and(char::is_lowercase) {
            start -= 1;
        }
        Name { given: words[..start].join(" "), surname: words[start..].join(" "), suffix }
    }

    /// "Surname, Given[, Suffix]", with whatever form of the given names the style uses.
    fn inverted(&self, given: &str) -> String {
        let mut s = self.surname.clone();
        for part in [given, &self.suffix] {
            if !part.is_empty() {
                s.push_str(", ");
                s.push_str(part);
            }
        }
        s
    }

    /// "Given Surname[ Suffix]" (CMOS 17 sets no comma before "Jr.").
    fn natural_order(&self) -> String {
        [&self.given, &self.surname, &self.suffix]
            .iter()
            .filter(|p| !p.is_empty())
            .map(|p| p.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// APA initials: "José María" → "J. M.", "Jean-Paul" → "J.-P.", "J.R.R." → "J. R. R.".
    fn initials(&self) -> String {
        let initial = |part: &str| -> String {
            if part.contains('.') {
                let pieces: Vec<String> = part.split('.').filter_map(first_upper).collect();
                pieces.join(" ")
            } else {
                first_upper(part).unwrap_or_default()
            }
        };
        let words: Vec<String> = self
            .given
            .split_whitespace()
            .map(|w| w.split('-').map(initial).filter(|i| !i.is_empty()).collect::<Vec<_>>().join("-"))
            .filter(|w| !w.is_empty())
            .collect();
        words.join(" ")
    }

    /// "von Last, Jr, First", BibTeX's own unambiguous form.
    fn bibtex(&self) -> String {
        let mut s = self.surname.clone();
        if !self.suffix.is_empty() {
            s.push_str(", ");
            s.push_str(&self.suffix);
            s.push(',');
            if !self.given.is_empty() {
                s.push(' ');
                s.push_str(&self.given);
            }
        } else if !self.given.is_empty() {
            s.push_str(", ");
            s.push_str(&self.given);
        }
        s
    }
}

/// The first letter of a name part, upper-cased, with a period: "maría" → "M.".
fn first_upper(part: &str) -> Option<String> {
    let c = part.chars().find(|c| c.is_alphanumeric())?;
    Some(c.to_uppercase().chain(['.']).collect())
}

fn authors(a: &Article) -> Vec<Name> {
    a.authors.iter().filter(|n| !n.trim().is_empty()).map(|n| Name::parse(n)).collect()
}

/// Chicago: the first author inverted, the others in natural order; more than ten authors are
/// cut to seven and "et al." (CMOS 14.76).
fn chicago_names(names: &[Name]) -> String {
    let shown = if names.len() > 10 { 7 } else { names.len() };
    let mut parts: Vec<String> = vec![names[0].inverted(&names[0].given)];
    parts.extend(names[1..shown].iter().map(Name::natural_order));
    if names.len() > 10 {
        return format!("{}, et al.", parts.join(", "));
    }
    match parts.as_slice() {
        [one] => one.clone(),
        [init @ .., last] => format!("{}, and {last}", init.join(", ")),
        [] => String::new(),
    }
}

/// APA: every author "Surname, I."; "&" before the last; more than twenty authors are the
/// first nineteen, ". . ." and the last.
fn apa_names(names: &[Name]) -> String {
    let parts: Vec<String> = names.iter().map(|n| n.inverted(&n.initials())).collect();
    match parts.as_slice() {
        [one] => one.clone(),
        [first @ .., last] if parts.len() > 20 => format!("{}, . . . {last}", first[..19].join(", ")),
        [init @ .., last] => format!("{}, & {last}", init.join(", ")),
        [] => String::new(),
    }
}

/// "July 7, 2017", "February 2018", "2018".
fn chicago_date(a: &Article) -> String {
    let d = a.date;
    match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{} {day}, {}", MONTHS[usize::from(m) - 1], d.year),
        (Some(m), None) => format!("{} {}", MONTHS[usize::from(m) - 1], d.year),
        _ => d.year.to_string(),
    }
}

/// "2017, July 7", "2018, February", "2018".
fn apa_date(a: &Article) -> String {
    let d = a.date;
    match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{}, {} {day}", d.year, MONTHS[usize::from(m) - 1]),
        (Some(m), None) => format!("{}, {}", d.year, MONTHS[usize::from(m) - 1]),
        _ => d.year.to_string(),
    }
}

/// Volume and issue number read from an issue line.
#[derive(Debug, Default, PartialEq, Eq)]
struct Issue {
    volume: Option<String>,
    number: Option<String>,
}

/// The issue line's numbers when the article is journal-like (an outlet and an issue line).
fn journal(a: &Article) -> Option<Issue> {
    let issue = a.issue.as_deref().map(str::trim).filter(|i| !i.is_empty())?;
    if a.outlet.trim().is_empty() {
        return None;
    }
    Some(issue_parts(issue))
}

/// "February 2018, Volume 11, Issue 2" → volume 11, number 2. Also "Vol. 11, No. 2",
/// "Number 2". A number is a word starting with a digit ("2", "3-4").
fn issue_parts(line: &str) -> Issue {
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == ':')
        .filter(|w| !w.is_empty())
        .collect();
    let mut issue = Issue::default();
    for pair in words.windows(2) {
        let label = pair[0].trim_end_matches('.').to_ascii_lowercase();
        let value = pair[1].trim_end_matches('.');
        if !value.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let slot = match label.as_str() {
            "volume" | "vol" => &mut issue.volume,
            "issue" | "no" | "number" | "nr" => &mut issue.number,
            _ => continue,
        };
        slot.get_or_insert_with(|| value.to_string());
    }
    issue
}

/// The URL to cite: the article's own, else the one given; empty counts as none.
fn link(a: &Article, url: Option<&str>) -> Option<String> {
    a.url.as_deref().or(url).map(str::trim).filter(|u| !u.is_empty()).map(String::from)
}

/// Whitespace runs (newlines included) as single spaces, trimmed.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn ends_sentence(s: &str) -> bool {
    s.ends_with(['.', '?', '!'])
}

fn end_sentence(s: &mut String) {
    if !ends_sentence(s) {
        s.push('.');
    }
}

/// Quotation marks inside a title that Chicago sets in double quotes become single ones.
fn chicago_quotes(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    let mut prev = ' ';
    for c in title.chars() {
        out.push(match c {
            '“' => '‘',
            '”' => '’',
            '"' if prev.is_whitespace() || "([{‘-–—/".contains(prev) => '‘',
            '"' => '’',
            c => c,
        });
        prev = c;
    }
    out
}

/// Whether a `’` after `body` closes a single quote rather than ending a plural possessive: it
/// does when `body` opens more single quotes than it closes (a `’` before a letter or digit is
/// an apostrophe, as in "Qa’ida").
fn closes_a_quote(body: &str) -> bool {
    let mut open = 0i32;
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '‘' => open += 1,
            '’' if !chars.peek().is_some_and(|n| n.is_alphanumeric()) => open -= 1,
            _ => {}
        }
    }
    open > 0
}

/// Escapes text for a brace-delimited BibTeX field (see the module notes on braces).
fn tex(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' => out.push_str("\\textbraceleft{}"),
            '}' => out.push_str("\\textbraceright{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// A URL for BibTeX's verbatim url field: only what could break the field is percent-encoded.
fn bibtex_url(u: &str) -> String {
    u.replace('\\', "%5C").replace('{', "%7B").replace('}', "%7D").replace(' ', "%20")
}

/// Lower-case ASCII letters and digits only: "José" → "jose", "Scott-Clark" → "scottclark",
/// "Straße" → "strasse".
pub(crate) fn ascii_key(s: &str) -> String {
    let mut out = String::new();
    for c in crate::analyze::fold(s).chars() {
        match c {
            'a'..='z' | '0'..='9' => out.push(c),
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'þ' => out.push_str("th"),
            'ø' => out.push('o'),
            'đ' | 'ð' => out.push('d'),
            'ł' => out.push('l'),
            'ı' => out.push('i'),
            _ => {}
        }
    }
    out
}

/// Words skipped when a key takes a title's (or an outlet's) first significant word.
const INSIGNIFICANT: [&str; 18] = [
    "a", "an", "the", "and", "or", "but", "nor", "of", "on", "in", "at", "to", "for", "from", "by", "with",
    "as", "into",
];

fn first_significant(text: &str) -> Option<String> {
    text.split_whitespace().map(ascii_key).find(|w| !w.is_empty() && !INSIGNIFICANT.contains(&w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::PartialDate;

    const FOXHOLE: &str = "A View from the CT Foxhole: Neil Basu, Senior National Coordinator for \
                           Counterterrorism Policing in the United Kingdom";
    const CTC_URL: &str = "https://ctc.westpoint.edu/a-view-from-the-ct-foxhole-neil-basu/";
    const OWN_URL: &str = "https://example.org/rr/#/article/view-from-the-ct-foxhole-neil-basu";

    fn article(title: &str, date: &str, authors: &[&str], outlet: &str) -> Article {
        let mut a = Article::new("slug", title, PartialDate::parse(date).unwrap(), vec![]);
        a.authors = authors.iter().map(|s| s.to_string()).collect();
        a.outlet = outlet.into();
        a
    }

    fn foxhole() -> Article {
        let mut a = article(FOXHOLE, "2018-02", &["Raffaello Pantucci"], "CTC Sentinel");
        a.slug = "view-from-the-ct-foxhole-neil-basu".into();
        a.kind = "interview".into();
        a.issue = Some("February 2018, Volume 11, Issue 2".into());
        a
    }

    fn op_ed() -> Article {
        article(
            "Twelve years on from the 7/7 atrocities, the terror threat has evolved. Have our defences?",
            "2017-07-07",
            &["Raffaello Pantucci"],
            "The Telegraph",
        )
    }

    #[test]
    fn foxhole_in_chicago() {
        assert_eq!(
            chicago(&foxhole(), Some(OWN_URL)),
            format!("Pantucci, Raffaello. “{FOXHOLE}.” CTC Sentinel 11, no. 2 (February 2018). {OWN_URL}.")
        );
    }

    #[test]
    fn foxhole_in_apa() {
        assert_eq!(
            apa(&foxhole(), Some(OWN_URL)),
            format!("Pantucci, R. (2018, February). {FOXHOLE}. CTC Sentinel, 11(2). {OWN_URL}")
        );
    }

    #[test]
    fn foxhole_in_bibtex() {
        assert_eq!(
            bibtex(&foxhole(), Some(OWN_URL)),
            format!(
                "@article{{pantucci2018view,\n  author = {{Pantucci, Raffaello}},\n  title = {{{{{FOXHOLE}}}}},\n  \
                 journal = {{CTC Sentinel}},\n  volume = {{11}},\n  number = {{2}},\n  year = {{2018}},\n  \
                 month = feb,\n  url = {{{OWN_URL}}}\n}}\n"
            )
        );
    }

    #[test]
    fn foxhole_in_ris() {
        assert_eq!(
            ris(&foxhole(), Some(OWN_URL)),
            format!(
                "TY  - JOUR\nAU  - Pantucci, Raffaello\nTI  - {FOXHOLE}\nT2  - CTC Sentinel\nPY  - 2018\n\
                 DA  - 2018/02//\nVL  - 11\nIS  - 2\nUR  - {OWN_URL}\nER  - \n"
            )
        );
    }

    #[test]
    fn the_original_url_wins_over_the_given_one() {
        let mut a = foxhole();
        a.url = Some(CTC_URL.into());
        for text in
            [chicago(&a, Some(OWN_URL)), apa(&a, Some(OWN_URL)), bibtex(&a, Some(OWN_URL)), ris(&a, None)]
        {
            assert!(text.contains(CTC_URL) && !text.contains(OWN_URL), "{text}");
        }
    }

    #[test]
    fn no_url_at_all_leaves_it_out() {
        let a = foxhole();
        assert!(chicago(&a, None).ends_with("(February 2018)."));
        assert!(apa(&a, Some("")).ends_with("CTC Sentinel, 11(2)."));
        assert!(!bibtex(&a, None).contains("url"));
        assert!(bibtex(&a, None).ends_with("  month = feb\n}\n"));
        assert!(!ris(&a, None).contains("UR  -"));
    }

    #[test]
    fn newspaper_piece_with_a_full_date() {
        let a = op_ed();
        let title = &a.title;
        assert_eq!(
            chicago(&a, Some("https://t.co/x")),
            format!("Pantucci, Raffaello. “{title}” The Telegraph, July 7, 2017. https://t.co/x.")
        );
        assert_eq!(
            apa(&a, Some("https://t.co/x")),
            format!("Pantucci, R. (2017, July 7). {title} The Telegraph. https://t.co/x")
        );
        assert_eq!(
            bibtex(&a, Some("https://t.co/x")),
            format!(
                "@misc{{pantucci2017twelve,\n  author = {{Pantucci, Raffaello}},\n  title = {{{{{title}}}}},\n  \
                 howpublished = {{The Telegraph}},\n  year = {{2017}},\n  month = jul,\n  \
                 url = {{https://t.co/x}}\n}}\n"
            )
        );
        assert_eq!(
            ris(&a, Some("https://t.co/x")),
            format!(
                "TY  - ELEC\nAU  - Pantucci, Raffaello\nTI  - {title}\nT2  - The Telegraph\nPY  - 2017\n\
                 DA  - 2017/07/07/\nUR  - https://t.co/x\nER  - \n"
            )
        );
        assert!(ris(&a, None).starts_with("TY  - GEN\n"));
    }

    #[test]
    fn year_only_dates() {
        let a = article("Al-Qaeda’s Revenge/The Exile", "2018", &["Raffaello Pantucci"], "RUSI Journal");
        assert_eq!(
            chicago(&a, None),
            "Pantucci, Raffaello. “Al-Qaeda’s Revenge/The Exile.” RUSI Journal, 2018."
        );
        assert_eq!(apa(&a, None), "Pantucci, R. (2018). Al-Qaeda’s Revenge/The Exile. RUSI Journal.");
        let b = bibtex(&a, None);
        assert!(b.starts_with("@misc{pantucci2018alqaedas,\n"), "{b}");
        assert!(b.contains("  year = {2018}\n}") && !b.contains("month"), "{b}");
        assert!(ris(&a, None).contains("PY  - 2018\nDA  - 2018///\n"));
    }

    #[test]
    fn two_authors() {
        let a =
            article("Comic explainer", "2017", &["Raffaello Pantucci", "Wes Mountain"], "The Conversation");
        assert_eq!(
            chicago(&a, None),
            "Pantucci, Raffaello, and Wes Mountain. “Comic explainer.” The Conversation, 2017."
        );
        assert_eq!(apa(&a, None), "Pantucci, R., & Mountain, W. (2017). Comic explainer. The Conversation.");
        assert!(bibtex(&a, None).contains("  author = {Pantucci, Raffaello and Mountain, Wes},\n"));
        assert!(ris(&a, None).contains("AU  - Pantucci, Raffaello\nAU  - Mountain, Wes\n"));
    }

    #[test]
    fn three_authors() {
        let a = article(
            "The Exile",
            "2017-05",
            &["Adrian Levy", "Cathy Scott-Clark", "Jean-Paul Sartre"],
            "Bloomsbury",
        );
        assert_eq!(
            chicago(&a, None),
            "Levy, Adrian, Cathy Scott-Clark, and Jean-Paul Sartre. “The Exile.” Bloomsbury, May 2017."
        );
        assert_eq!(
            apa(&a, None),
            "Levy, A., Scott-Clark, C., & Sartre, J.-P. (2017, May). The Exile. Bloomsbury."
        );
        assert!(bibtex(&a, None)
            .contains("  author = {Levy, Adrian and Scott-Clark, Cathy and Sartre, Jean-Paul},\n"));
        assert_eq!(bibtex_key(&a), "levy2017exile");
    }

    #[test]
    fn many_authors_are_cut_per_style() {
        let names: Vec<String> = (1..=22).map(|i| format!("Given{i} Surname{i}")).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let a = article("T", "2018", &refs[..11], "");
        let c = chicago(&a, None);
        assert!(c.starts_with("Surname1, Given1, Given2 Surname2,"), "{c}");
        assert!(c.contains("Given7 Surname7, et al. “T.”") && !c.contains("Surname8"), "{c}");
        let c10 = chicago(&article("T", "2018", &refs[..10], ""), None);
        assert!(c10.contains(", and Given10 Surname10. “T.”"), "{c10}");

        let p = apa(&article("T", "2018", &refs, ""), None);
        assert!(p.contains("Surname19, G., . . . Surname22, G. (2018)."), "{p}");
        assert!(!p.contains("Surname20") && !p.contains('&'), "{p}");
        let p20 = apa(&article("T", "2018", &refs[..20], ""), None);
        assert!(p20.contains("Surname19, G., & Surname20, G. (2018)."), "{p20}");
    }

    #[test]
    fn no_authors() {
        let mut a = foxhole();
        a.authors.clear();
        // Journal form: the entry starts with the title in Chicago; APA moves the title first.
        assert_eq!(chicago(&a, None), format!("“{FOXHOLE}.” CTC Sentinel 11, no. 2 (February 2018)."));
        assert_eq!(apa(&a, None), format!("{FOXHOLE}. (2018, February). CTC Sentinel, 11(2)."));
        assert!(!bibtex(&a, None).contains("author"));
        assert_eq!(bibtex_key(&a), "ctc2018view");
        assert!(!ris(&a, None).contains("AU  -"));

        // Newspaper form: the outlet stands in as author in Chicago.
        let mut b = op_ed();
        b.authors.clear();
        let t = &b.title;
        assert_eq!(chicago(&b, None), format!("The Telegraph. “{t}” July 7, 2017."));
        assert_eq!(apa(&b, None), format!("{t} (2017, July 7). The Telegraph."));
        assert_eq!(bibtex_key(&b), "telegraph2017twelve");

        // Nothing but a title and a date.
        let c = article("Untitled thoughts", "2016-09", &[], "");
        assert_eq!(
            chicago(&c, Some("https://x.org/#/a")),
            "“Untitled thoughts.” September 2016. https://x.org/#/a."
        );
        assert_eq!(
            apa(&c, Some("https://x.org/#/a")),
            "Untitled thoughts. (2016, September). https://x.org/#/a"
        );
        assert_eq!(bibtex_key(&c), "anon2016untitled");
        assert!(bibtex(&c, None).starts_with("@misc{anon2016untitled,\n  title = {{Untitled thoughts}},\n"));
    }

    #[test]
    fn missing_outlet() {
        let a = article("Notes", "2018-02", &["Raffaello Pantucci"], " ");
        assert_eq!(
            chicago(&a, Some("https://x.org")),
            "Pantucci, Raffaello. “Notes.” February 2018. https://x.org."
        );
        assert_eq!(apa(&a, Some("https://x.org")), "Pantucci, R. (2018, February). Notes. https://x.org");
        assert!(!bibtex(&a, None).contains("howpublished") && !bibtex(&a, None).contains("journal"));
        assert!(!ris(&a, None).contains("T2"));
    }

    #[test]
    fn questions_keep_their_mark_and_inner_quotes_turn_single() {
        let a = article(
            "Why is Daesh Able to Inspire More Attacks Than Al-Qa’ida?",
            "2016-09",
            &["Raffaello Pantucci"],
            "RUSI Commentary",
        );
        assert_eq!(
            chicago(&a, None),
            "Pantucci, Raffaello. “Why is Daesh Able to Inspire More Attacks Than Al-Qa’ida?” RUSI \
             Commentary, September 2016."
        );
        assert_eq!(
            apa(&a, None),
            "Pantucci, R. (2016, September). Why is Daesh Able to Inspire More Attacks Than Al-Qa’ida? \
             RUSI Commentary."
        );
        let b = article("The \"Prevent\" duty and “Channel”", "2016", &["A B"], "");
        assert_eq!(chicago(&b, None), "B, A. “The ‘Prevent’ duty and ‘Channel.’” 2016.");
        let c = article("Whose ‘war’? The Joneses’", "2016", &["A B"], "");
        assert_eq!(chicago(&c, None), "B, A. “Whose ‘war’? The Joneses’.” 2016.");
        let e = article("Inside ‘al-Qa’ida’", "2016", &["A B"], "");
        assert_eq!(chicago(&e, None), "B, A. “Inside ‘al-Qa’ida.’” 2016.");
        let d = article("The Joneses’", "2016", &["A B"], "");
        assert_eq!(chicago(&d, None), "B, A. “The Joneses’.” 2016.");
    }

    #[test]
    fn names_with_particles_suffixes_initials_and_single_words() {
        let n = Name::parse("Ludwig van Beethoven");
        assert_eq!((n.given.as_str(), n.surname.as_str()), ("Ludwig", "van Beethoven"));
        assert_eq!(Name::parse("Osama bin Laden").surname, "bin Laden");
        assert_eq!(Name::parse("Charles de la Tour").surname, "de la Tour");
        assert_eq!(Name::parse("bell hooks").surname, "hooks");
        assert_eq!(Name::parse("Martin Van Buren").surname, "Buren"); // documented limitation
        let jr = Name::parse("Martin Luther King Jr.");
        assert_eq!(
            (jr.given.as_str(), jr.surname.as_str(), jr.suffix.as_str()),
            ("Martin Luther", "King", "Jr.")
        );
        assert_eq!(Name::parse("Martin Luther King, Jr."), jr);
        let inv = Name::parse("Pantucci, Raffaello");
        assert_eq!((inv.given.as_str(), inv.surname.as_str()), ("Raffaello", "Pantucci"));
        assert_eq!(Name::parse("  Banksy ").surname, "Banksy");
        assert_eq!(Name::parse("J.R.R. Tolkien").initials(), "J. R. R.");
        assert_eq!(Name::parse("José María Aznar").initials(), "J. M.");

        let a = article(
            "Works",
            "2018",
            &["Ludwig van Beethoven", "Martin Luther King Jr.", "Banksy", "J.R.R. Tolkien"],
            "",
        );
        assert_eq!(
            chicago(&a, None),
            "van Beethoven, Ludwig, Martin Luther King Jr., Banksy, and J.R.R. Tolkien. “Works.” 2018."
        );
        assert_eq!(
            apa(&a, None),
            "van Beethoven, L., King, M. L., Jr., Banksy, & Tolkien, J. R. R. (2018). Works."
        );
        assert!(bibtex(&a, None).contains(
            "author = {van Beethoven, Ludwig and King, Jr., Martin Luther and Banksy and Tolkien, J.R.R.}"
        ));
        assert!(ris(&a, None).contains("AU  - King, Martin Luther, Jr.\nAU  - Banksy\n"));
        assert_eq!(chicago(&article("W", "2018", &["Banksy"], ""), None), "Banksy. “W.” 2018.");
        assert_eq!(apa(&article("W", "2018", &["Banksy"], ""), None), "Banksy. (2018). W.");
        assert_eq!(
            chicago(&article("W", "2018", &["Martin Luther King Jr."], ""), None),
            "King, Martin Luther, Jr. “W.” 2018."
        );
    }

    #[test]
    fn keys_are_folded_ascii() {
        let a = article("Transición española", "2004-03", &["José María Aznar"], "El País");
        assert_eq!(bibtex_key(&a), "aznar2004transicion");
        let b = article("The Übermensch’s “Return”", "1999", &["Jürgen Straße-Øster"], "");
        assert_eq!(bibtex_key(&b), "strasseoster1999ubermenschs");
        let c = article("On the 7/7 bombings", "2017", &["Ludwig van Beethoven"], "");
        assert_eq!(bibtex_key(&c), "vanbeethoven201777");
        let d = article("— ? —", "2017", &["李小龙"], "");
        assert_eq!(bibtex_key(&d), "anon2017");
    }

    #[test]
    fn bibtex_escapes_latex_specials() {
        let a = article("50% of {odd} R&D: $5 #1 a_b ~x^2 \\ end", "2018", &["R&D_Lab"], "Q&A_Weekly #3");
        let b = bibtex(&a, Some("https://x.org/a b/{c}\\#/article/x_y?q=1%202&z"));
        assert!(
            b.contains(
                "  title = {{50\\% of \\textbraceleft{}odd\\textbraceright{} R\\&D: \\$5 \\#1 a\\_b \
             \\textasciitilde{}x\\textasciicircum{}2 \\textbackslash{} end}},\n"
            ),
            "{b}"
        );
        assert!(b.contains("  author = {R\\&D\\_Lab},\n"), "{b}");
        assert!(b.contains("  howpublished = {Q\\&A\\_Weekly \\#3},\n"), "{b}");
        assert!(b.contains("  url = {https://x.org/a%20b/%7Bc%7D%5C#/article/x_y?q=1%202&z}\n"), "{b}");
        // Every field's braces balance, escaped or not, as BibTeX counts them.
        let depth = b.chars().try_fold(0i32, |d, c| match c {
            '{' => Some(d + 1),
            '}' if d == 0 => None,
            '}' => Some(d - 1),
            _ => Some(d),
        });
        assert_eq!(depth, Some(0));
    }

    #[test]
    fn issue_lines() {
        let i = |s: &str| issue_parts(s);
        assert_eq!(
            i("February 2018, Volume 11, Issue 2"),
            Issue { volume: Some("11".into()), number: Some("2".into()) }
        );
        assert_eq!(i("Vol. 163, No. 1"), Issue { volume: Some("163".into()), number: Some("1".into()) });
        assert_eq!(i("Volume 7"), Issue { volume: Some("7".into()), number: None });
        assert_eq!(i("Spring issue"), Issue::default());

        let mut a = foxhole();
        a.issue = Some("Spring issue".into());
        assert_eq!(
            chicago(&a, None),
            format!("Pantucci, Raffaello. “{FOXHOLE}.” CTC Sentinel, February 2018.")
        );
        assert_eq!(apa(&a, None), format!("Pantucci, R. (2018, February). {FOXHOLE}. CTC Sentinel."));
        let b = bibtex(&a, None);
        assert!(b.starts_with("@article{") && b.contains("  note = {Spring issue}\n}"), "{b}");
        assert!(ris(&a, None).contains("TY  - JOUR\n") && ris(&a, None).contains("N1  - Spring issue\n"));

        a.issue = Some("Issue 2".into());
        assert!(chicago(&a, None).ends_with("CTC Sentinel, no. 2 (February 2018)."));
        assert!(apa(&a, None).ends_with("CTC Sentinel."));

        // An issue line without an outlet is not a journal, but is kept.
        let mut c = foxhole();
        c.outlet.clear();
        assert!(bibtex(&c, None).starts_with("@misc{"));
        assert!(bibtex(&c, None).contains("  note = {February 2018, Volume 11, Issue 2}\n}"));
        assert!(chicago(&c, None).ends_with("” February 2018."));
        let r = ris(&c, None);
        assert!(
            r.starts_with("TY  - GEN\n") && r.contains("N1  - February 2018, Volume 11, Issue 2\n"),
            "{r}"
        );
        assert!(!r.contains("VL  -"), "{r}");
    }

    #[test]
    fn ris_lines_never_break_inside_a_value() {
        let mut a = article("Line one\nline two", "2018-02-03", &["Raffaello\nPantucci"], "Out\r\nlet");
        a.url = Some(" https://x.org ".into());
        assert_eq!(
            ris(&a, None),
            "TY  - ELEC\nAU  - Pantucci, Raffaello\nTI  - Line one line two\nT2  - Out let\nPY  - 2018\n\
             DA  - 2018/02/03/\nUR  - https://x.org\nER  - \n"
        );
    }
}
