//! Dates that article texts mention ("in October 2016", "between 2002 and 2004", "the late
//! 1990s"), for a timeline of the events the articles talk about.
//!
//! Each pattern runs over the whole text; where matches overlap the longest wins ("July 7, 2005"
//! is one mention, not also "2005"); then neighbours joined by "between … and", "from … to" or a
//! dash become one range. Bare four-digit numbers are the weak spot (quantities, page, issue and
//! phone numbers), so a bare year needs a cue before it ("in", "since", "the", a possessive, the
//! start of a clause) and no count noun after it ("1993 people"): a timeline that misses a date
//! costs the reader less than one showing events that never were.

use readingroom_core::date::MONTHS;
use readingroom_core::PartialDate;
use regex::{Captures, Regex};
use std::sync::LazyLock;

/// A date (or span of dates) a text mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MinedDate {
    /// Byte range of the date expression in the text, e.g. "July 7, 2005".
    pub start: usize,
    pub end: usize,
    /// Byte range of the sentence containing it (trimmed of surrounding whitespace).
    pub sentence_start: usize,
    pub sentence_end: usize,
    /// The span of time it denotes, inclusive, each end at its own precision.
    pub from: PartialDate,
    pub to: PartialDate,
}

impl MinedDate {
    /// A readable span: "7 July 2005", "December 2001", "1993", "1980s", "late 1990s",
    /// "January–June 2017", "2002–2004", "December 2001 – March 2004".
    pub fn label(&self) -> String {
        let (f, t) = (self.from, self.to);
        match (f.month, f.day, t.month, t.day) {
            _ if f == t => f.to_string(),
            (None, _, None, _) => years_label(f.year, t.year),
            (Some(m1), None, Some(m2), None) if f.year == t.year => {
                format!("{}–{} {}", MONTHS[m1 as usize - 1], MONTHS[m2 as usize - 1], f.year)
            }
            (Some(m1), Some(d1), Some(m2), Some(_)) if f.year == t.year && m1 == m2 => format!("{d1}–{t}"),
            _ => format!("{f} – {t}"),
        }
    }
}

/// "1980s", "1800s", "early 2000s", "mid-1990s", "late 1970s", else "2002–2004".
fn years_label(from: i32, to: i32) -> String {
    for span in [10, 100] {
        let (base, u) = (from - from.rem_euclid(span), span / 10);
        let part = match (from - base, to - base) {
            (0, y) if y == span - 1 => "",
            (0, y) if y == 4 * u - 1 => "early ",
            (x, y) if x == 4 * u && y == 7 * u - 1 => "mid-",
            (x, y) if x == 7 * u && y == span - 1 => "late ",
            _ => continue,
        };
        return format!("{part}{base}s");
    }
    format!("{from}–{to}")
}

/// Every date expression in `text`, in order, non-overlapping (the longest expression wins:
/// "July 7, 2005" is one mention, not also "2005").
pub fn mine(text: &str) -> Vec<MinedDate> {
    let mut found: Vec<Found> = Vec::new();
    for (re, meaning) in PATTERNS.iter() {
        for c in re.captures_iter(text) {
            let m = c.get(0).expect("group 0");
            if let Some(span) = after_ok(text, m.end()).then(|| meaning(text, &c)).flatten() {
                found.push(Found { start: m.start(), end: m.end(), span });
            }
        }
    }
    found.sort_by_key(|f| (std::cmp::Reverse(f.end - f.start), f.start));
    let mut picked: Vec<Found> = Vec::new();
    for f in found {
        if picked.iter().all(|p| f.end <= p.start || f.start >= p.end) {
            picked.push(f);
        }
    }
    picked.sort_by_key(|f| f.start);
    let mut dates: Vec<MinedDate> = Vec::new();
    // Look-alikes ("February 30, 2005") only blocked the shorter matches inside them.
    for (start, end, (from, to)) in picked.iter().filter_map(|f| Some((f.start, f.end, f.span?))) {
        let date = MinedDate { start, end, sentence_start: 0, sentence_end: 0, from, to };
        match dates.last_mut() {
            Some(prev) if prev.to < from => match range_start(text, prev.start, prev.end, start) {
                Some(range_start) => *prev = MinedDate { start: range_start, from: prev.from, ..date },
                None => dates.push(date),
            },
            _ => dates.push(date),
        }
    }
    let sentences = sentences(text);
    let last = sentences.len().saturating_sub(1);
    for d in &mut dates {
        let (first, final_) = (
            sentences.partition_point(|s| s.1 <= d.start).min(last),
            sentences.partition_point(|s| s.1 < d.end).min(last),
        );
        d.sentence_start = sentences[first].0.min(d.start);
        d.sentence_end = sentences[final_].1.max(d.end);
    }
    dates
}

/// A pattern match: the span it denotes, or `None` for a look-alike that is not a date
/// ("February 30, 2005", "2004–2002"), which still blocks the shorter matches inside it.
struct Found {
    start: usize,
    end: usize,
    span: Span,
}

type Span = Option<(PartialDate, PartialDate)>;
/// What a match means; `None`: no match after all (a bare number that is not a year).
type Meaning = fn(&str, &Captures) -> Option<Span>;

static PATTERNS: LazyLock<Vec<(Regex, Meaning)>> = LazyLock::new(|| {
    // A dot only after an abbreviation, so "in May. 2003 was" is not "May 2003".
    let month = r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|Jun(?:e|\.)?|Jul(?:y|\.)?|Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";
    let days = r"(?P<d1>[0-9]{1,2})(?:st|nd|rd|th)?(?:\s*[-–]\s*(?P<d2>[0-9]{1,2})(?:st|nd|rd|th)?)?";
    let year = r"(?P<year>[0-9]{4})\b";
    let named = r"Christmas(?: Day| Eve)?|New Year['’]s (?:Day|Eve)|Boxing Day|Hallowe['’]?en|Easter(?: Sunday)?|Bastille Day|Valentine['’]s Day|Bonfire Night|Guy Fawkes Night";
    let list: [(String, Meaning); 11] = [
        (format!(r"\b{days}\s+(?:of\s+)?{month},?\s+{year}"), full_date),
        (format!(r"\b{month}\s+(?:the\s+)?{days}(?:,\s*|\s+){year}"), full_date),
        (format!(r"\b{month},?\s+(?:of\s+)?{year}"), month_year),
        (r"\b(?P<year>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})\b".into(), iso_date),
        (format!(r"\b(?P<name>{named}),?\s+(?:of\s+)?{year}"), named_day),
        (format!(r"(?i)\b(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?{year}"), |_, c| {
            Some(one(date(num(&c["year"]), None, None)?))
        }),
        (
            format!(
                r"(?i)\b(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?P<part>half|quarter)\s+of|Q(?P<q>[1-4]))\s+{year}"
            ),
            part_of_year,
        ),
        (format!(r"(?i)\b(?P<mod>early|mid|late)(?:-\s*|\s+){year}"), early_mid_late),
        (
            r"(?i)(?:\b(?P<mod>early|mid|late)(?:-\s*|\s+))?(?:\b(?P<dec>[0-9]{3}0)['’]?s|['’‘](?P<dd>[0-9]0)s)\b"
                .into(),
            decade,
        ),
        (r"\b(?P<y1>[0-9]{4})\s?[-–]\s?(?P<y2>[0-9]{4}|[0-9]{2})\b".into(), year_range),
        (year.into(), bare_year),
    ];
    list.into_iter().map(|(re, meaning)| (Regex::new(&re).expect("date pattern"), meaning)).collect()
});

fn num(s: &str) -> i32 {
    s.parse().unwrap_or(0)
}

/// January = 1; matched on the first three letters, so "Sept." is 9.
fn month(s: &str) -> u8 {
    MONTHS.iter().position(|m| m[..3].eq_ignore_ascii_case(&s[..3])).map_or(0, |i| i as u8 + 1)
}

/// A date at the given precision, if it exists and its year is one we accept (1000–2099).
fn date(year: i32, month: Option<u8>, day: Option<u8>) -> Option<PartialDate> {
    if !(1000..=2099).contains(&year) {
        return None;
    }
    PartialDate::parse(&PartialDate { year, month, day }.iso()).ok()
}

fn one(d: PartialDate) -> Span {
    Some((d, d))
}

fn full_date(_: &str, c: &Captures) -> Option<Span> {
    let (y, m, d1) = (num(&c["year"]), month(&c["month"]), num(&c["d1"]));
    let d2 = c.name("d2").map_or(d1, |d| num(d.as_str()));
    let (from, to) = (date(y, Some(m), Some(d1 as u8)), date(y, Some(m), Some(d2 as u8)));
    Some(from.zip(to).filter(|(f, t)| f <= t))
}

fn month_year(_: &str, c: &Captures) -> Option<Span> {
    Some(one(date(num(&c["year"]), Some(month(&c["month"])), None)?))
}

fn iso_date(_: &str, c: &Captures) -> Option<Span> {
    Some(date(num(&c["year"]), Some(num(&c["m"]) as u8), Some(num(&c["d"]) as u8)).and_then(one))
}

/// Fixed-date holidays by their day; "Christmas 2014" alone is the season, so December; Easter
/// is computed (Gregorian calendar only).
fn named_day(_: &str, c: &Captures) -> Option<Span> {
    let y = num(&c["year"]);
    let name: String = c["name"].chars().filter(|ch| !"'’".contains(*ch)).collect::<String>().to_lowercase();
    let (m, d) = match name.as_str() {
        "christmas day" => (12, Some(25)),
        "christmas eve" => (12, Some(24)),
        "christmas" => (12, None),
        "new years day" => (1, Some(1)),
        "new years eve" => (12, Some(31)),
        "boxing day" => (12, Some(26)),
        "halloween" => (10, Some(31)),
        "valentines day" => (2, Some(14)),
        "bastille day" => (7, Some(14)),
        "bonfire night" | "guy fawkes night" => (11, Some(5)),
        _ => easter(y)?,
    };
    Some(one(date(y, Some(m), d)?))
}

/// Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
fn easter(y: i32) -> Option<(u8, Option<u8>)> {
    if y < 1583 {
        return None;
    }
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e, f) = (b / 4, b % 4, (b + 8) / 25);
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let l = (32 + 2 * e + 2 * (c / 4) - h - c % 4) % 7;
    let n = h + l - 7 * ((a + 11 * h + 22 * l) / 451) + 114;
    Some(((n / 31) as u8, Some((n % 31 + 1) as u8)))
}

/// "the first half of 2017" → January–June; "third quarter of 2016", "Q3 2016" → July–September.
fn part_of_year(_: &str, c: &Captures) -> Option<Span> {
    let (n, len) = match c.name("q") {
        Some(q) => (num(q.as_str()), 3),
        None => {
            let n = match c["ord"].to_lowercase().as_str() {
                "first" | "1st" => 1,
                "second" | "2nd" => 2,
                "third" | "3rd" => 3,
                _ => 4,
            };
            (n, if c["part"].eq_ignore_ascii_case("half") { 6 } else { 3 })
        }
    };
    let y = num(&c["year"]);
    let from = date(y, Some(((n - 1) * len + 1) as u8), None)?;
    Some(Some((from, date(y, Some((n * len) as u8), None)?)))
}

/// "early 2017" → January–April, "mid-2016" → May–August, "late 2016" → September–December.
fn early_mid_late(_: &str, c: &Captures) -> Option<Span> {
    let first = match c["mod"].to_lowercase().as_str() {
        "early" => 1,
        "mid" => 5,
        _ => 9,
    };
    let y = num(&c["year"]);
    Some(Some((date(y, Some(first), None)?, date(y, Some(first + 3), None)?)))
}

/// "1990s", "the ’90s" (’00s and ’10s are this century, the others the last), "1800s" and
/// "1900s" are centuries; early/mid/late take the first four, middle three or last three tenths.
fn decade(text: &str, c: &Captures) -> Option<Span> {
    let (base, span) = match (c.name("dec"), c.name("dd")) {
        (Some(d), _) => {
            let y = num(d.as_str());
            (y, if y % 100 == 0 && y < 2000 { 100 } else { 10 })
        }
        (None, Some(dd)) => {
            // The apostrophe opens a word: "the ’90s", not "x’90s"
            let start = c.get(0)?.start();
            if c.name("mod").is_none() && text[..start].chars().next_back().is_some_and(char::is_alphanumeric)
            {
                return None;
            }
            let dd = num(dd.as_str());
            (if dd <= 10 { 2000 + dd } else { 1900 + dd }, 10)
        }
        _ => return None,
    };
    let u = span / 10;
    let (lo, hi) = match c.name("mod").map(|m| m.as_str().to_lowercase()).as_deref() {
        None => (0, span - 1),
        Some("early") => (0, 4 * u - 1),
        Some("mid") => (4 * u, 7 * u - 1),
        _ => (7 * u, span - 1),
    };
    Some(Some((date(base + lo, None, None)?, date(base + hi, None, None)?)))
}

/// "2002–2004", "2002-04", "2014-15", "1999-00" (the end's century is the next one when its
/// two digits would go backwards by a year: a season or a financial year); a range must go
/// forwards.
fn year_range(text: &str, c: &Captures) -> Option<Span> {
    let (y1, y2) = (num(&c["y1"]), &c["y2"]);
    let y2 = match y2.len() {
        2 if y1 % 100 == 99 && num(y2) == 0 => y1 + 1,
        2 => y1 - y1 % 100 + num(y2),
        _ => num(y2),
    };
    let m = c.get(0)?;
    if y2 <= y1 {
        return Some(None);
    }
    if !year_before_ok(text, m.start(), y1 < 1800) || !year_after_ok(text, m.end()) {
        return None;
    }
    Some(Some((date(y1, None, None)?, date(y2, None, None)?)))
}

fn bare_year(text: &str, c: &Captures) -> Option<Span> {
    let m = c.get(0)?;
    let y = num(m.as_str());
    if !year_before_ok(text, m.start(), y < 1800) || !year_after_ok(text, m.end()) {
        return None;
    }
    Some(one(date(y, None, None)?))
}

/// No date runs straight into a word, a number ("1993.5", "2005-06-…", "2000-strong") or a unit
/// ("2000%"); a double hyphen ("since 1969--full prosperity") is a dash.
fn after_ok(text: &str, end: usize) -> bool {
    let mut next = text[end..].chars();
    match (next.next(), next.next()) {
        (Some(c), _) if c.is_alphanumeric() || "%°/\\_@&".contains(c) => false,
        (Some('-' | '–'), Some(d)) => !d.is_alphanumeric(),
        (Some('.' | ',' | ':'), Some(d)) => !d.is_ascii_digit(),
        _ => true,
    }
}

/// Whether `word` is one of the space-separated `list`.
fn listed(list: &str, word: &str) -> bool {
    list.split(' ').any(|w| w == word)
}

/// Words after which a four-digit number is read as a year. Years before 1800 (rarer, and more
/// often a count: "killed 1500 in …", "and 1140 smaller towns") need a temporal one, or a
/// conjunction after another number ("between 1500 and 1600"); later ones may also follow
/// the other cues, a possessive, or open a clause ("In reality, 2017 was").
const TEMPORAL_CUES: &str = "in since from until till by before after during through throughout circa c ca \
                             of around between year years ad fiscal fy";
const OTHER_CUES: &str = "to and or the a an this that its his her their our my your last";

fn year_before_ok(text: &str, start: usize, strict: bool) -> bool {
    let before = &text[..start];
    let mut back = before.chars().rev();
    match (back.next(), back.next()) {
        // "SO15"-like codes, "£1993", "#2005", "9/2005", "'2005", "phone-2005"
        (Some(c), _) if c.is_alphanumeric() || "£$€¥#+@&_/\\-–'’".contains(c) => return false,
        // "1,2005", "3.1993", "10:2000"
        (Some('.' | ',' | ':'), Some(d)) if d.is_ascii_digit() => return false,
        _ => {}
    }
    let trimmed = before.trim_end();
    let Some(p) = trimmed.chars().next_back() else { return !strict };
    let (raw, word) = (last_word(trimmed), last_word(trimmed).to_lowercase());
    if word.is_empty() {
        // A clause boundary, but not "No. 2005", "pp. 1993", "vol. 2001"
        let abbreviation = last_word(&trimmed[..trimmed.len() - p.len_utf8()]).to_lowercase();
        let numbering = p == '.' && listed("no nos p pp vol fig ch art sec tel", &abbreviation);
        return !strict && ",;:([{“\"‘—.!?".contains(p) && !numbering;
    }
    if listed(TEMPORAL_CUES, &word) {
        return true;
    }
    let after_number =
        trimmed[..trimmed.len() - raw.len()].trim_end().ends_with(|c: char| c.is_ascii_digit());
    let possessive = word.ends_with("'s") || word.ends_with("’s");
    match strict {
        true => listed("and or to", &word) && after_number,
        false => listed(OTHER_CUES, &word) || possessive,
    }
}

/// The letters (and apostrophes) that end `s`.
fn last_word(s: &str) -> &str {
    let start = s
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic() || "'’".contains(*c))
        .last()
        .map_or(s.len(), |(i, _)| i);
    &s[start..]
}

/// Words that make the number before them a count: "1500 troops", "2000 of them", "2000 were".
const COUNT_WORDS: &str =
    "people men women children police personnel staff dead feet km kg ft mph gmt bst utc \
                           percent per were of";
/// Words ending in s that do follow years: "2017 was", "2005 marks the anniversary".
const YEAR_VERBS: &str = "was has as does this his its marks sees brings remains begins seems";

fn year_after_ok(text: &str, end: usize) -> bool {
    // Past a second number ("from 1500 to 1600 troops"), to the word that says what was counted.
    static NEXT_WORD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\s*(?:and|or|to|-|–)\s*[0-9][0-9,]*)?\s+(\p{L}[\p{L}'’-]*)").expect("next word")
    });
    if !after_ok(text, end) {
        return false;
    }
    let Some(c) = NEXT_WORD.captures(&text[end..]) else { return true };
    let word = &c[1];
    if word.starts_with(char::is_uppercase) {
        return true;
    }
    let w = word.to_lowercase();
    let plural = w.len() > 2 && w.ends_with('s') && !["ss", "us", "is"].iter().any(|s| w.ends_with(s));
    !(listed(COUNT_WORDS, &w) || w.starts_with("year") || (plural && !listed(YEAR_VERBS, &w)))
}

/// Where a range that ends at `b_start` starts, if the text from `a_start` to it reads as one:
/// "2001 – 2004", "between 2002 and 2004", "from 2002 to 2004" (the range includes "between",
/// "from").
fn range_start(text: &str, a_start: usize, a_end: usize, b_start: usize) -> Option<usize> {
    static BETWEEN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\bbetween\s+(?:the\s+)?$").expect("between"));
    static FROM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\bfrom\s+(?:the\s+)?$").expect("from"));
    let gap = &text[a_end..b_start];
    let head = &text[..a_start];
    match gap.trim() {
        "-" | "–" if !gap.contains('\n') => Some(a_start),
        "and" if gap.starts_with(char::is_whitespace) => BETWEEN.find(head).map(|m| m.start()),
        "to" | "until" | "till" | "through" if gap.starts_with(char::is_whitespace) => {
            FROM.find(head).map(|m| m.start())
        }
        _ => None,
    }
}

/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: &str =
    "mr mrs ms dr prof st gen col lt sgt capt rev hon gov sen rep jr sr no nos vol fig pp \
                             vs cf approx jan feb mar apr jun jul aug sep sept oct nov dec";
/// Words that usually open a sentence: after an initialism ("the U.S. The next day") they
/// mark a break; before other words ("U.S. Navy") the full stop is the initialism's.
const OPENERS: &str =
    "the this that these those it he she we they i in on at but and a an there his her their \
                       as for when while after if so then";

/// The byte ranges of the sentences of `text`, trimmed of whitespace, in order (the same ones
/// `mine` reports). Our own splitter rather than unicode-segmentation:
/// UAX #29 breaks after "Mr." or "U.S." before a capital ("Mr. Anderson", "U.S. Navy"), which
/// news text is full of, and does not break "murder.In many ways" (a missing space, in the
/// corpus). Blank lines always end a sentence.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    static END: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#"[.!?…]+["”’')\]]*|\n[ \t]*\n"#).expect("sentence end"));
    let mut breaks: Vec<usize> = END
        .find_iter(text)
        .filter(|m| m.as_str().starts_with('\n') || ends_sentence(text, m.start(), m.end()))
        .map(|m| m.end())
        .collect();
    breaks.push(text.len());
    let mut out = Vec::new();
    let mut start = 0;
    for b in breaks {
        let s = &text[start..b];
        let lead = s.len() - s.trim_start().len();
        if !s.trim().is_empty() {
            out.push((start + lead, start + lead + s.trim().len()));
        }
        start = b;
    }
    out
}

/// Whether the terminator `text[start..end]` ends a sentence.
fn ends_sentence(text: &str, start: usize, end: usize) -> bool {
    let rest = &text[end..];
    let next = rest.trim_start();
    let mut chars = next.chars();
    let Some(n) = chars.next() else { return false };
    let word = {
        let before = &text[..start];
        let from = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic() || *c == '.')
            .last()
            .map_or(start, |(i, _)| i);
        before[from..].to_lowercase()
    };
    let abbreviation = text[start..end].starts_with('.') && {
        let initialism = word.split('.').all(|p| p.chars().count() == 1);
        listed(ABBREVIATIONS, &word) || (initialism && !listed(OPENERS, &first_word(next).to_lowercase()))
    };
    if abbreviation {
        return false;
    }
    if next.len() < rest.len() {
        n.is_uppercase() || n.is_ascii_digit() || "“‘\"'([".contains(n)
    } else {
        // "murder.In many ways": a full stop with no space, between a lower-case word and a capitalised one.
        &text[start..end] == "."
            && word.chars().last().is_some_and(char::is_alphabetic)
            && text[..start].chars().next_back().is_some_and(char::is_lowercase)
            && n.is_uppercase()
            && chars.next().is_some_and(char::is_lowercase)
    }
}

/// The letters that start `s`.
fn first_word(s: &str) -> &str {
    let end = s.char_indices().find(|(_, c)| !c.is_alphabetic()).map_or(s.len(), |(i, _)| i);
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (expression, from, to) of each mention.
    fn mined(text: &str) -> Vec<(String, String, String)> {
        mine(text).iter().map(|m| (text[m.start..m.end].to_string(), m.from.iso(), m.to.iso())).collect()
    }

    fn one(text: &str, expr: &str, from: &str, to: &str) {
        assert_eq!(mined(text), [(expr.to_string(), from.to_string(), to.to_string())], "in {text:?}");
    }

    #[test]
    fn full_dates() {
        for (text, expr) in [
            ("the July 7, 2005 attacks", "July 7, 2005"),
            ("on July 7 2005 they", "July 7 2005"),
            ("on 7 July 2005.", "7 July 2005"),
            ("on 7th July 2005,", "7th July 2005"),
            ("on July 7th, 2005 we", "July 7th, 2005"),
            ("on the 7th of July 2005", "7th of July 2005"),
            ("Jul. 7, 2005", "Jul. 7, 2005"),
            ("(2005-07-07)", "2005-07-07"),
        ] {
            one(text, expr, "2005-07-07", "2005-07-07");
        }
        one("on September the 20th, 2001", "September the 20th, 2001", "2001-09-20", "2001-09-20");
        one("Sept 11, 2001 changed it", "Sept 11, 2001", "2001-09-11", "2001-09-11");
        one("on Sept. 11, 2001", "Sept. 11, 2001", "2001-09-11", "2001-09-11");
        one("on 29 February 2016", "29 February 2016", "2016-02-29", "2016-02-29");
        one("on 7–8 July 2005", "7–8 July 2005", "2005-07-07", "2005-07-08");
        one("on July 7-8, 2005", "July 7-8, 2005", "2005-07-07", "2005-07-08");
        // Days that do not exist are not dates, and their year is not mined either.
        for text in
            ["on February 30, 2005", "on 31 April 2016", "on 29 February 2017", "2017-02-30", "8–7 July 2005"]
        {
            assert_eq!(mined(text), [], "{text}");
        }
    }

    #[test]
    fn months_of_a_year() {
        one("in December 2001, when", "December 2001", "2001-12", "2001-12");
        one("in October 2016", "October 2016", "2016-10", "2016-10");
        one("by Dec. 2001 it", "Dec. 2001", "2001-12", "2001-12");
        one("Sept 2001", "Sept 2001", "2001-09", "2001-09");
        one("in January, 2000, after", "January, 2000", "2000-01", "2000-01");
        one("in December of 2001", "December of 2001", "2001-12", "2001-12");
        // "May" the month is capitalised; "in May. 2003 was …" has no "May 2003".
        assert_eq!(mined("it may 2005"), []);
        assert_eq!(mined("in May. 2003 was"), [("2003".into(), "2003".into(), "2003".into())]);
    }

    #[test]
    fn bare_years_with_a_cue() {
        for (text, year) in [
            ("In 1993, when he", "1993"),
            ("in 2005 Masood Azhar", "2005"),
            ("In reality, 2017 was a wake-up", "2017"),
            ("Pakistan, 2006", "2006"),
            ("the 2004 Madrid bombings", "2004"),
            ("Britain’s 2005 election", "2005"),
            ("(1999)", "1999"),
            ("since 1066 and", "1066"),
            ("2017 marks a century", "2017"),
            ("by 2099.", "2099"),
        ] {
            one(text, year, year, year);
        }
        one("since 1969--full prosperity", "1969", "1969", "1969");
        assert_eq!(mined("in 2004 and 2005").len(), 2);
        assert_eq!(mined("the years 1833 and 1838").len(), 2);
        assert_eq!(mined("in 1500 or 1501").len(), 2);
    }

    #[test]
    fn numbers_that_are_not_years() {
        for text in [
            "2,000 people were there",
            "some 1500 troops",
            "in 1500 troops",
            "see page 2005",
            "pp. 1993–2005",
            "No. 2005",
            "Volume 11, Issue 2",
            "Counter Terrorism Command (SO15)",
            "call 0161 1993 2005",
            "call 0161-1993-2005",
            "it cost £1993",
            "the 1993 people",
            "the 2000 fighters who",
            "2000 were killed",
            "2000 of them",
            "a 2000-strong crowd",
            "a 2000 year-old city",
            "killed 1500 in Aleppo",
            "regions and 1140 smaller towns",
            "the 1140 smaller towns",
            "more than 2000",
            "about 2000 came",
            "in 12345",
            "in 1993.5",
            "at 10:2000",
            "in 999",
            "in 2100",
            "9/11 and 7/7",
            "from 1500 to 1600 troops",
            "between 1990 and 2000 people",
            "A1993",
            "1993a",
            "2000%",
        ] {
            assert_eq!(mined(text), [], "{text}");
        }
    }

    #[test]
    fn named_days() {
        one("On Christmas Day 2000, the", "Christmas Day 2000", "2000-12-25", "2000-12-25");
        one("Christmas Eve 1999", "Christmas Eve 1999", "1999-12-24", "1999-12-24");
        one("on New Year's Eve 1999", "New Year's Eve 1999", "1999-12-31", "1999-12-31");
        one("on New Year’s Day 2000", "New Year’s Day 2000", "2000-01-01", "2000-01-01");
        one("on Boxing Day 2004", "Boxing Day 2004", "2004-12-26", "2004-12-26");
        one("at Halloween 2010", "Halloween 2010", "2010-10-31", "2010-10-31");
        one("on Bastille Day 2016", "Bastille Day 2016", "2016-07-14", "2016-07-14");
        one("around Christmas 2014", "Christmas 2014", "2014-12", "2014-12");
        one("at Easter 2016", "Easter 2016", "2016-03-27", "2016-03-27");
        one("Easter Sunday 2018", "Easter Sunday 2018", "2018-04-01", "2018-04-01");
        one("Easter 2000", "Easter 2000", "2000-04-23", "2000-04-23");
    }

    #[test]
    fn decades_and_centuries() {
        one("in the 1980s", "1980s", "1980", "1989");
        one("1990s Britain", "1990s", "1990", "1999");
        one("in the ’90s", "’90s", "1990", "1999");
        one("in the '90s", "'90s", "1990", "1999");
        one("in the ’00s", "’00s", "2000", "2009");
        one("the 1980's", "1980's", "1980", "1989");
        one("the early 2000s", "early 2000s", "2000", "2003");
        one("the mid-1990s", "mid-1990s", "1994", "1996");
        one("the late 1970s", "late 1970s", "1977", "1979");
        one("the late ’90s", "late ’90s", "1997", "1999");
        one("in the 1800s", "1800s", "1800", "1899");
        one("the early 1900s", "early 1900s", "1900", "1939");
        assert_eq!(
            mined("since the 1960s and 1970s"),
            [("1960s".into(), "1960".into(), "1969".into()), ("1970s".into(), "1970".into(), "1979".into())]
        );
        assert_eq!(mined("in their 90s"), []);
    }

    #[test]
    fn ranges() {
        for (text, expr) in [
            ("in 2002–2004", "2002–2004"),
            ("in 2002-2004", "2002-2004"),
            ("in 2002 – 2004", "2002 – 2004"),
            ("in 2002-04", "2002-04"),
            ("plotting from 2002 to 2004", "from 2002 to 2004"),
            ("plotting between 2002 and 2004, which", "between 2002 and 2004"),
            ("Between 2002 and 2004", "Between 2002 and 2004"),
        ] {
            one(text, expr, "2002", "2004");
        }
        one("the 2014-15 season", "2014-15", "2014", "2015");
        one("the 1999–2000 season", "1999–2000", "1999", "2000");
        one("the 1999-00 season", "1999-00", "1999", "2000");
        one(
            "between December 2001 and March 2004",
            "between December 2001 and March 2004",
            "2001-12",
            "2004-03",
        );
        one("from the late 1990s to 2005", "from the late 1990s to 2005", "1997", "2005");
        one("December 2001 – March 2002", "December 2001 – March 2002", "2001-12", "2002-03");
        // Backwards is no range, and no year either; ranges need "between"/"from".
        assert_eq!(mined("in 2004–2002"), []);
        assert_eq!(mined("in 2004-02"), []);
        assert_eq!(mined("between 2004 and 2002").len(), 2);
        assert_eq!(mined("in 2002 and 2004").len(), 2);
        assert_eq!(mined("get to 2005 to 2006").len(), 2);
    }

    #[test]
    fn seasons_and_parts_of_years() {
        one("in Spring 2017", "Spring 2017", "2017", "2017");
        one("the summer of 2016", "summer of 2016", "2016", "2016");
        one("in the first half of 2017, do", "first half of 2017", "2017-01", "2017-06");
        one("the second half of 2017", "second half of 2017", "2017-07", "2017-12");
        one("the third quarter of 2016", "third quarter of 2016", "2016-07", "2016-09");
        one("in Q4 2016", "Q4 2016", "2016-10", "2016-12");
        one("in early 2017", "early 2017", "2017-01", "2017-04");
        one("by mid-2016", "mid-2016", "2016-05", "2016-08");
        one("Late 2016 saw", "Late 2016", "2016-09", "2016-12");
    }

    #[test]
    fn labels() {
        let label = |text: &str| mine(text).iter().map(MinedDate::label).collect::<Vec<_>>();
        assert_eq!(label("July 7, 2005; December 2001; in 1993"), ["7 July 2005", "December 2001", "1993"]);
        assert_eq!(label("the 1980s, the ’90s, the 1800s"), ["1980s", "1990s", "1800s"]);
        assert_eq!(
            label("the early 2000s, mid-1990s, the late 1970s"),
            ["early 2000s", "mid-1990s", "late 1970s"]
        );
        assert_eq!(label("between 2002 and 2004"), ["2002–2004"]);
        assert_eq!(label("the first half of 2017"), ["January–June 2017"]);
        assert_eq!(label("7–8 July 2005"), ["7–8 July 2005"]);
        assert_eq!(label("from December 2001 to March 2004"), ["December 2001 – March 2004"]);
        assert_eq!(label("Christmas Day 2000"), ["25 December 2000"]);
    }

    #[test]
    fn sentences_around_abbreviations() {
        let text = "Mr. Anderson said so. In the U.K., it started in 2002. The U.S. Navy left in 2011. \
                    He lived in the U.S. The move came in 2014 (e.g. Dr. Shah, St. Paul’s). His murder.In 2016 \
                    it ended!\n\nNew paragraph: Dec. 2001 was cold";
        let got: Vec<(&str, &str)> = mine(text)
            .iter()
            .map(|m| (&text[m.start..m.end], &text[m.sentence_start..m.sentence_end]))
            .collect();
        assert_eq!(
            got,
            [
                ("2002", "In the U.K., it started in 2002."),
                ("2011", "The U.S. Navy left in 2011."),
                ("2014", "The move came in 2014 (e.g. Dr. Shah, St. Paul’s)."),
                ("2016", "In 2016 it ended!"),
                ("Dec. 2001", "New paragraph: Dec. 2001 was cold"),
            ]
        );
        let first = sentences(text)[0];
        assert_eq!(&text[first.0..first.1], "Mr. Anderson said so.");
    }

    #[test]
    fn byte_offsets_with_multibyte_text() {
        let text = "  Café owners — née “Müller” — recall the ’90s; Al-Qa’ida’s 2005 plot, and 7 Juli? No: 7 July 2005 — é.";
        let m = mine(text);
        let got: Vec<&str> = m.iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(got, ["’90s", "2005", "7 July 2005"]);
        let sentence = |m: &MinedDate| &text[m.sentence_start..m.sentence_end];
        assert_eq!(
            sentence(&m[0]),
            "Café owners — née “Müller” — recall the ’90s; Al-Qa’ida’s 2005 plot, and 7 Juli?"
        );
        assert_eq!(sentence(&m[2]), "No: 7 July 2005 — é.");
        assert!(text.is_char_boundary(m[0].start) && m[0].start == text.find('’').unwrap());
        assert_eq!(m[2].from, PartialDate::parse("2005-07-07").unwrap());
    }

    /// The sample corpus, mined by hand: every date a careful reader would put on a timeline. Not
    /// mined, by design: dates without a year ("14 March", "in June", "March 27 this year"),
    /// relative ones ("last year"), and "9/11", "3/11", "7/7" (events the gazetteer names).
    #[test]
    fn sample_corpus_articles() {
        /// (expression, from, to) of each mention in an article.
        type Mentions = &'static [(&'static str, &'static str, &'static str)];
        let cases: [(&str, Mentions); 7] = [
            (
                "al-qaedas-revenge-and-the-exile",
                &[
                    ("2004", "2004", "2004"),
                    ("December 2001", "2001-12", "2001-12"),
                    ("2004", "2004", "2004"),
                    ("December 2001", "2001-12", "2001-12"),
                    ("February 2002", "2002-02", "2002-02"),
                    ("May 2003", "2003-05", "2003-05"),
                    ("March 2004", "2004-03", "2004-03"),
                    ("August 2017", "2017-08", "2017-08"),
                    ("October 2003", "2003-10", "2003-10"),
                    ("2017", "2017", "2017"),
                    ("2014", "2014", "2014"),
                ],
            ),
            ("comic-explainer-lone-actor-terrorism", &[]),
            (
                "sectarian-violence-in-kashmir",
                &[
                    ("late 1990s", "1997", "1999"),
                    ("1993", "1993", "1993"),
                    ("1999", "1999", "1999"),
                    ("Christmas Day 2000", "2000-12-25", "2000-12-25"),
                    ("2005", "2005", "2005"),
                    ("July 2005", "2005-07", "2005-07"),
                    ("1984", "1984", "1984"),
                    ("2010", "2010", "2010"),
                ],
            ),
            ("twelve-years-on-from-7-7", &[("July 7,\u{a0}2005", "2005-07-07", "2005-07-07")]),
            (
                "view-from-the-ct-foxhole-neil-basu",
                &[
                    ("October 2016", "2016-10", "2016-10"),
                    ("between 2002 and 2004", "2002", "2004"),
                    ("2005", "2005", "2005"),
                    ("July 2017", "2017-07", "2017-07"),
                    ("first half of 2017", "2017-01", "2017-06"),
                    ("March 2017", "2017-03", "2017-03"),
                    ("2017", "2017", "2017"),
                    ("June 2017", "2017-06", "2017-06"),
                    // The citation's publication date: a date the text mentions, if not an event.
                    ("January 5, 2018", "2018-01-05", "2018-01-05"),
                ],
            ),
            ("why-is-daesh-able-to-inspire-more-attacks", &[]),
            (
                "worldwide-day-of-terror",
                &[
                    ("July 2016", "2016-07", "2016-07"),
                    ("Christmas 2014", "2014-12", "2014-12"),
                    ("1960s", "1960", "1969"),
                    ("1970s", "1970", "1979"),
                ],
            ),
        ];
        for (name, expected) in cases {
            let path = format!("{}/../../corpus/articles/{name}.md", env!("CARGO_MANIFEST_DIR"));
            let file = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            let rest = file.strip_prefix("+++").expect("front matter");
            let body = &rest[rest.find("\n+++").expect("end of front matter") + 4..];
            let expected: Vec<(String, String, String)> =
                expected.iter().map(|(e, f, t)| (e.to_string(), f.to_string(), t.to_string())).collect();
            assert_eq!(mined(body), expected, "{name}");
        }
    }
}
