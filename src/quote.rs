//! A reader's query shown in running text: in double quotes, with the quotes it holds (a phrase
//! typed as `"lone actor"`) turned into single ones, as nested quotations are written.

/// `"lone actor" terrorism` → `“‘lone actor’ terrorism”`.
pub fn quoted(q: &str) -> String {
    let mut out = String::with_capacity(q.len() + 8);
    out.push('“');
    let mut prev: Option<char> = None;
    for c in q.trim().chars() {
        match c {
            '"' | '“' | '”' => {
                // Opening where a word could start, closing after one.
                let opens = prev.is_none_or(|p| p.is_whitespace() || "([-‘".contains(p));
                out.push(if opens { '‘' } else { '’' });
            }
            _ => out.push(c),
        }
        prev = Some(c);
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
    }
}
