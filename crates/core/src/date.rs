//! Partial publication dates: a year, a year and month, or a full day. Sources often support no
//! more than a month, and inventing a day would mislead readers, so precision is kept and shown.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A date known to the year, the month or the day. Ordering is that of ISO 8601 strings: a
/// year alone sorts before any month of that year ("2017" < "2017-07" < "2017-07-07").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "Stored")]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// A date as an artifact holds it, checked as it is read: a damaged artifact's month 0 or
/// 31 February would otherwise be shown (and month 0 panic on its name).
#[derive(Deserialize)]
struct Stored {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

impl TryFrom<Stored> for PartialDate {
    type Error = String;

    fn try_from(s: Stored) -> Result<Self, String> {
        let valid = s.year != 0
            && match (s.month, s.day) {
                (None, None) => true,
                (Some(m), None) => (1..=12).contains(&m),
                (Some(m), Some(d)) => (1..=12).contains(&m) && d >= 1 && d <= days_in_month(s.year, m),
                (None, Some(_)) => false,
            };
        if valid {
            Ok(Self { year: s.year, month: s.month, day: s.day })
        } else {
            Err(format!("no such date: year {}, month {:?}, day {:?}", s.year, s.month, s.day))
        }
    }
}

/// English month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the day exists in its month.
    pub fn parse(s: &str) -> Result<Self, String> {
        let bad = || format!("invalid date {s:?}: expected YYYY, YYYY-MM or YYYY-MM-DD");
        let parts: Vec<&str> = s.trim().split('-').collect();
        let num = |p: &str, len: usize| -> Result<u32, String> {
            if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        if parts.is_empty() || parts.len() > 3 {
            return Err(bad());
        }
        let year = num(parts[0], 4)? as i32;
        if year == 0 {
            return Err(format!("invalid date {s:?}: year 0000 does not exist"));
        }
        let month = match parts.get(1) {
            Some(p) => {
                let m = num(p, 2)?;
                if !(1..=12).contains(&m) {
                    return Err(format!("invalid date {s:?}: month {m} is not 01-12"));
                }
                Some(m as u8)
            }
            None => None,
        };
        let day = match (parts.get(2), month) {
            (Some(p), Some(m)) => {
                let d = num(p, 2)?;
                let max = days_in_month(year, m);
                if d == 0 || d > u32::from(max) {
                    return Err(format!("invalid date {s:?}: {} has {max} days", MONTHS[m as usize - 1]));
                }
                Some(d as u8)
            }
            _ => None,
        };
        Ok(Self { year, month, day })
    }

    /// The ISO 8601 form at the known precision, e.g. `2018-02`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// Human form at the known precision: "7 July 2017", "February 2018", "2018".
impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month, self.day) {
            (Some(m), Some(d)) => write!(f, "{d} {} {}", MONTHS[m as usize - 1], self.year),
            (Some(m), None) => write!(f, "{} {}", MONTHS[m as usize - 1], self.year),
            _ => write!(f, "{}", self.year),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision_and_displays_it() {
        let d = PartialDate::parse("2017-07-07").unwrap();
        assert_eq!(d.to_string(), "7 July 2017");
        assert_eq!(PartialDate::parse("2018-02").unwrap().to_string(), "February 2018");
        assert_eq!(PartialDate::parse("2018").unwrap().iso(), "2018");
        assert_eq!(d.iso(), "2017-07-07");
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in ["0000-00-00", "2028-13-01", "2017-02-29", "Spring 2017", "17-01", "", "2017-1"] {
            assert!(PartialDate::parse(bad).is_err(), "{bad} should be rejected");
        }
        assert!(PartialDate::parse("2016-02-29").is_ok());
    }

    #[test]
    fn orders_like_iso_strings() {
        let mut v: Vec<PartialDate> = ["2017-07-07", "2018", "2017", "2017-07", "2016-12"]
            .iter()
            .map(|s| PartialDate::parse(s).unwrap())
            .collect();
        v.sort();
        let iso: Vec<String> = v.iter().map(|d| d.iso()).collect();
        assert_eq!(iso, ["2016-12", "2017", "2017-07", "2017-07-07", "2018"]);
    }

    #[test]
    fn an_artifact_s_impossible_date_is_refused_as_it_is_read() {
        let read = |json: &str| serde_json::from_str::<PartialDate>(json);
        assert_eq!(
            read(r#"{"year":2017,"month":7,"day":7}"#).unwrap(),
            PartialDate::parse("2017-07-07").unwrap()
        );
        assert_eq!(
            read(r#"{"year":2017,"month":null,"day":null}"#).unwrap(),
            PartialDate::parse("2017").unwrap()
        );
        for bad in [
            r#"{"year":2017,"month":0,"day":null}"#,
            r#"{"year":2017,"month":13,"day":null}"#,
            r#"{"year":2017,"month":2,"day":29}"#,
            r#"{"year":2017,"month":null,"day":3}"#,
            r#"{"year":0,"month":null,"day":null}"#,
        ] {
            assert!(read(bad).is_err(), "{bad}");
        }
    }
}
