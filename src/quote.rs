//! A reader's query shown in running text: in double quotes, with the quotes it holds (a phrase
//! typed as `"lone actor"`) turned into single ones, as nested quotations are written.

use readingroom_core::query::is_quote;

/// `"lone actor" terrorism` → `“‘lone actor’ terrorism”`. Whatever the search reads as a double
/// quote becomes a single one, opening and closing in turn as the search pairs them.
pub fn quoted(q: &str) -> String {
    let mut out = String::with_capacity(q.len() + 8);
    out.push('“');
    let mut open = false;
    for c in q.trim().chars() {
        if is_quote(c) {
            open = !open;
            out.push(if open { '‘' } else { '’' });
        } else {
            out.push(c);
        }
    }
    out.push('”');
    out
}

#[cfg(test)]
mod tests {
    use super::quoted;

    #[test]
    fn plain_queries_are_quoted_as_typed() {
        assert_eq!(quoted("  al-qaida madrid "), "“al-qaida madrid”");
        assert_eq!(quoted("Al-Qa'ida"), "“Al-Qa'ida”");
    }

    #[test]
    fn quotes_inside_become_single_quotes() {
        assert_eq!(quoted("\"lone actor\" terrorism"), "“‘lone actor’ terrorism”");
        assert_eq!(quoted("terror \"lone actor\""), "“terror ‘lone actor’”");
        assert_eq!(quoted("“Prevent” -strategy"), "“‘Prevent’ -strategy”");
        // An unbalanced quote still reads as an opening one.
        assert_eq!(quoted("\"lone act"), "“‘lone act”");
        // Every quote the search reads, paired in turn as the search pairs them.
        assert_eq!(quoted("„lone actor“"), "“‘lone actor’”");
        assert_eq!(quoted("foo\"bar baz\""), "“foo‘bar baz’”");
        assert_eq!(quoted("\"a\"\"b\""), "“‘a’‘b’”");
    }
}
