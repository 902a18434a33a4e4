//! Named entities from a gazetteer (canonical name, type, aliases) and the tagger that finds their
//! mentions in text. Matching runs on tokens, so it respects word boundaries by construction:
//! an alias is a sequence of folded words, looked up by its first word. Aliases marked exact-case
//! ("IS", "AQ") match only as written, so the group "IS" is never the verb "is".

use crate::analyze::{fold, strip_possessive, tokenize, Token};
use crate::date::PartialDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub name: String,
    /// person, organisation, group, place, event
    pub kind: String,
    pub aliases: Vec<Alias>,
    /// When it happened, for events.
    pub date: Option<PartialDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alias {
    pub text: String,
    /// Match only with this exact capitalisation.
    pub exact_case: bool,
}

impl Entity {
    /// A stable identifier for URLs and index terms: "Al Qaeda" → "al-qaeda".
    pub fn slug(&self) -> String {
        let words: Vec<String> = tokenize(&self.name).into_iter().map(|t| t.folded).collect();
        words.join("-")
    }

    /// Every form this entity is written in: its name and its aliases. The name matches in
    /// any case unless an exact-case alias writes it too ("ETA", not the ship's "eta").
    pub fn forms(&self) -> impl Iterator<Item = Alias> + '_ {
        let exact_case = self.aliases.iter().any(|a| a.exact_case && a.text == self.name);
        std::iter::once(Alias { text: self.name.clone(), exact_case }).chain(self.aliases.iter().cloned())
    }

    /// The other spellings a reader is shown ("Also written …"): the aliases that differ from
    /// the name, and from each other, in more than case, less the forms a gazetteer lists only
    /// to match the text as written: another form made plural or possessive ("Thomas Mairs" of
    /// the world, "UK’s", "Darren Osbornesb" with a footnote's letter glued on).
    pub fn spellings(&self) -> Vec<&str> {
        let lower = |s: &str| s.to_lowercase();
        // `a` is `of` made plural or possessive ("s", "es", "’s" written in lower case), maybe
        // with one more letter glued on; an acronym's capital S is a letter of its own ("ISIS"
        // beside "ISI").
        let inflected = |a: &str, of: &str| {
            let Some(rest) =
                a.get(of.len()..).filter(|_| !of.is_empty() && lower(&a[..of.len()]) == lower(of))
            else {
                return false;
            };
            let inflection = rest.starts_with(['s', '\'', '’']) || rest == "es";
            inflection && rest.chars().count() <= 2
        };
        let mut out: Vec<&str> = Vec::new();
        for a in &self.aliases {
            let a = a.text.as_str();
            let same = |b: &str| lower(b) == lower(a);
            let forms =
                std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(|x| x.text.as_str()));
            if same(&self.name)
                || out.iter().any(|b| same(b))
                || forms.clone().any(|f| f != a && inflected(a, f))
            {
                continue;
            }
            out.push(a);
        }
        out
    }
}

/// The index term under which an entity's mentions are posted. The leading control character
/// keeps it apart from every word a text can contain.
pub fn entity_term(slug: &str) -> String {
    format!("\u{1}{slug}")
}

/// The index term under which mentions written in one form of stop words only ("IS" the group,
/// "US" the country) are posted as well: such a form has no word of its own in the index, and a
/// quoted form finds that form only.
pub fn form_term(form: &str) -> String {
    format!("\u{2}{form}")
}

#[derive(Debug, Clone)]
struct Pattern {
    entity: u32,
    folded: Vec<String>,
    /// The words as written, for exact-case aliases.
    exact: Option<Vec<String>>,
    /// An exact-case alias of one word with no capital but its first ("Prevent", "Inspire"):
    /// in a headline in Title Case its capital cannot tell it from the word. Names of several
    /// words ("Counterterrorism Policing") are told apart by their words together.
    capitalised_only: bool,
    /// For a name of numbers only ("9/11", "7/7"), what stands between them: "9-11" and
    /// "chapters 3, 11" are no event.
    between: Option<Vec<String>>,
}

/// Finds mentions of a gazetteer's entities.
#[derive(Debug, Clone)]
pub struct Tagger {
    by_first: HashMap<String, Vec<Pattern>>,
    /// The first words of one-word names, sorted: the names a word being typed may begin.
    single: Vec<(String, u32)>,
}

/// A name being typed names nothing yet when it may begin more entities than this: a few
/// letters say too little, and each entity's mentions would be merged on every keystroke.
pub const MAX_BEGUN: usize = 8;

/// A mention: which entity, at which token, over how many tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub entity: u32,
    pub token: usize,
    pub len: usize,
}

impl Tagger {
    pub fn new(entities: &[Entity]) -> Self {
        let mut by_first: HashMap<String, Vec<Pattern>> = HashMap::new();
        for (i, e) in entities.iter().enumerate() {
            for alias in e.forms() {
                let toks = tokenize(&alias.text);
                if toks.is_empty() {
                    continue;
                }
                let folded: Vec<String> = toks.iter().map(|t| t.folded.clone()).collect();
                let exact = alias
                    .exact_case
                    .then(|| toks.iter().map(|t| alias.text[t.start..t.end].to_string()).collect());
                let capitalised_only = exact.as_ref().is_some_and(|words: &Vec<String>| {
                    words.len() == 1 && !words[0].chars().skip(1).any(char::is_uppercase)
                });
                let numbers = toks.len() > 1 && folded.iter().all(|w| w.bytes().all(|b| b.is_ascii_digit()));
                let between = numbers
                    .then(|| toks.windows(2).map(|w| alias.text[w[0].end..w[1].start].to_string()).collect());
                by_first.entry(folded[0].clone()).or_default().push(Pattern {
                    entity: i as u32,
                    folded,
                    exact,
                    capitalised_only,
                    between,
                });
            }
        }
        // Longest alias first, so "Al-Qa’ida in the Arabian Peninsula" wins over "Al-Qa’ida".
        for list in by_first.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.folded.len()));
        }
        let mut single: Vec<(String, u32)> = by_first
            .values()
            .flatten()
            .filter(|p| p.folded.len() == 1 && p.exact.is_none())
            .map(|p| (p.folded[0].clone(), p.entity))
            .collect();
        single.sort_unstable();
        single.dedup();
        Self { by_first, single }
    }

    /// The entities a name being typed may become: those with a name of as many words as
    /// `raw_words`, whose words up to the last are these and whose last begins with the last
    /// typed ("al qai" for "al-Qaida", "dae" for "Daesh"). Exact-case names (acronyms) are
    /// left to [`Tagger::entity_named`]. None for a last word of fewer than three letters
    /// alone (or two after other words), or when more than [`MAX_BEGUN`] entities fit.
    pub fn entities_begun(&self, raw_words: &[String]) -> Vec<u32> {
        let folded: Vec<String> = raw_words.iter().map(|w| fold(w)).collect();
        let Some((last, rest)) = folded.split_last() else { return Vec::new() };
        let letters = last.chars().count();
        let mut out: Vec<u32> = if rest.is_empty() {
            if letters < 3 {
                return Vec::new();
            }
            let at = self.single.partition_point(|(w, _)| w.as_str() < last.as_str());
            self.single[at..]
                .iter()
                .take_while(|(w, _)| w.starts_with(last.as_str()))
                .map(|&(_, e)| e)
                .collect()
        } else {
            if letters < 2 {
                return Vec::new();
            }
            let Some(list) = self.by_first.get(&rest[0]) else { return Vec::new() };
            list.iter()
                .filter(|p| {
                    p.exact.is_none()
                        && p.folded.len() == folded.len()
                        && p.folded[..rest.len()] == *rest
                        && p.folded[rest.len()].starts_with(last.as_str())
                })
                .map(|p| p.entity)
                .collect()
        };
        out.sort_unstable();
        out.dedup();
        if out.len() > MAX_BEGUN {
            out.clear();
        }
        out
    }

    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// Every folded word of every entity's names.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.by_first.values().flatten().flat_map(|p| p.folded.iter().map(String::as_str))
    }

    /// Non-overlapping mentions in `text`, longest first at each position.
    pub fn mentions(&self, text: &str, tokens: &[Token]) -> Vec<Mention> {
        let mut out = Vec::new();
        let mut i = 0;
        // "Why is Daesh Able to Inspire More Attacks" names no magazine: in Title Case a
        // capital says nothing. Acronyms ("IS", "AQ") still stand apart from Title Case.
        let headline = title_case(text, tokens);
        // In a text set in capitals, case tells nothing: "THE US AND IS" names no country.
        let capitals = all_capitals(text, tokens);
        while i < tokens.len() {
            let found = self.by_first.get(&tokens[i].folded).and_then(|list| {
                list.iter().find(|p| {
                    let case_says_nothing =
                        (headline && p.capitalised_only) || (capitals && p.exact.is_some());
                    !case_says_nothing && matches_at(p, text, &tokens[i..])
                })
            });
            match found {
                Some(p) => {
                    out.push(Mention { entity: p.entity, token: i, len: p.folded.len() });
                    i += p.folded.len();
                }
                None => i += 1,
            }
        }
        out
    }

    /// How many of `raw_words`, from the first, make the longest name of two words or more:
    /// one lookup of the first word and a comparison per alias it starts, however long the
    /// query (trying every run of words was cubic in a pasted paragraph's length).
    pub fn longest_name(&self, raw_words: &[String]) -> Option<usize> {
        let folded: Vec<String> = raw_words.iter().map(|w| fold(w)).collect();
        let list = self.by_first.get(folded.first()?)?;
        // Longest alias first (see `new`): the first that fits is the longest.
        list.iter()
            .filter(|p| p.folded.len() >= 2 && p.folded.len() <= raw_words.len())
            .find(|p| p.names(&folded[..p.folded.len()], &raw_words[..p.folded.len()]))
            .map(|p| p.folded.len())
    }

    /// The entity a query's words name, if they are exactly one of its forms.
    pub fn entity_named(&self, raw_words: &[String]) -> Option<u32> {
        let folded: Vec<String> = raw_words.iter().map(|w| fold(w)).collect();
        let list = self.by_first.get(folded.first()?)?;
        list.iter().find(|p| p.names(&folded, raw_words)).map(|p| p.entity)
    }
}

impl Pattern {
    /// Whether words, folded and as written, are this alias: its words, in its case if it has one.
    fn names(&self, folded: &[String], raw: &[String]) -> bool {
        self.folded == folded && self.exact.as_deref().is_none_or(|e| e == raw)
    }
}

/// Whether `text` is set in Title Case (or in capitals): at least three words of four letters or
/// more, each starting with a capital. Short words are passed over, as Title Case often leaves
/// them lower case ("to", "of", "the").
fn title_case(text: &str, tokens: &[Token]) -> bool {
    let mut long = 0;
    for t in tokens {
        let word = &text[t.start..t.end];
        let mut chars = word.chars();
        let Some(first) = chars.next() else { continue };
        if !first.is_alphabetic() || word.chars().count() < 4 {
            continue;
        }
        if !first.is_uppercase() {
            return false;
        }
        long += 1;
    }
    long >= 3
}

/// Whether `text` is written in capitals: no word has a lower-case letter, and at least two
/// words of three letters or more (so that "IS" or "US" alone, or "AQAP", is not a text in
/// capitals, but "THE US AND IS" is).
fn all_capitals(text: &str, tokens: &[Token]) -> bool {
    let mut long = 0;
    for t in tokens {
        let word = &text[t.start..t.end];
        if word.chars().any(char::is_lowercase) {
            return false;
        }
        if word.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
            long += 1;
        }
    }
    long >= 2
}

fn matches_at(p: &Pattern, text: &str, tokens: &[Token]) -> bool {
    tokens.len() >= p.folded.len()
        && p.folded.iter().zip(tokens).all(|(w, t)| *w == t.folded)
        // "IS’s", "UK's": the possessive is no part of the name as written.
        && p.exact.as_ref().is_none_or(|exact| {
            exact.iter().zip(tokens).all(|(w, t)| *w == strip_possessive(&text[t.start..t.end]))
        })
        && p.between.as_ref().is_none_or(|between| {
            between.iter().zip(tokens.windows(2)).all(|(b, w)| *b == text[w[0].end..w[1].start])
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_shown_leave_out_case_and_inflected_forms() {
        let e = |name: &str, aliases: &[&str]| Entity {
            name: name.into(),
            kind: "person".into(),
            aliases: aliases.iter().map(|t| Alias { text: (*t).into(), exact_case: false }).collect(),
            date: None,
        };
        assert_eq!(e("Darren Osborne", &["Darren Osbornesb"]).spellings(), Vec::<&str>::new());
        assert_eq!(e("Thomas Mair", &["Mair", "Thomas Mairs"]).spellings(), ["Mair"]);
        assert_eq!(
            e("United Kingdom", &["U.K.", "Britain", "UK", "UK’s", "uk"]).spellings(),
            ["U.K.", "Britain", "UK"]
        );
        assert_eq!(
            e("Al Qaeda", &["al-Qaeda", "AQ", "Al Qaida"]).spellings(),
            ["al-Qaeda", "AQ", "Al Qaida"]
        );
        // A name one or two letters longer than another, but no inflection of it, stays.
        assert_eq!(e("Islamic State", &["IS", "ISIS", "ISIL"]).spellings(), ["IS", "ISIS", "ISIL"]);
        assert_eq!(e("Islamic State", &["ISI", "ISIS", "Daesh"]).spellings(), ["ISI", "ISIS", "Daesh"]);
    }

    fn gazetteer() -> Vec<Entity> {
        let alias = |t: &str, exact_case| Alias { text: t.into(), exact_case };
        vec![
            Entity {
                date: None,
                name: "Islamic State".into(),
                kind: "group".into(),
                aliases: vec![alias("Daesh", false), alias("ISIS", false), alias("IS", true)],
            },
            Entity {
                date: None,
                name: "Al Qaeda".into(),
                kind: "organisation".into(),
                aliases: vec![alias("al-Qa`ida", false)],
            },
            Entity {
                date: None,
                name: "Al Qaeda in the Arabian Peninsula".into(),
                kind: "organisation".into(),
                aliases: vec![alias("AQAP", false)],
            },
            Entity {
                date: None,
                name: "Inspire (magazine)".into(),
                kind: "organisation".into(),
                aliases: vec![alias("Inspire", true)],
            },
            Entity {
                date: None,
                name: "Counter Terrorism Policing".into(),
                kind: "organisation".into(),
                aliases: vec![alias("Counterterrorism Policing", true)],
            },
            Entity {
                date: None,
                name: "September 11 attacks".into(),
                kind: "event".into(),
                aliases: vec![alias("9/11", false)],
            },
            Entity {
                date: None,
                name: "ETA".into(),
                kind: "group".into(),
                aliases: vec![alias("ETA", true), alias("Euskadi Ta Askatasuna", false)],
            },
            Entity {
                date: None,
                name: "United States".into(),
                kind: "place".into(),
                aliases: vec![alias("US", true)],
            },
        ]
    }

    fn found(text: &str) -> Vec<(u32, usize)> {
        let t = Tagger::new(&gazetteer());
        t.mentions(text, &tokenize(text)).into_iter().map(|m| (m.entity, m.token)).collect()
    }

    #[test]
    fn finds_aliases_at_word_boundaries_with_case_rules() {
        assert_eq!(found("IS claimed it; this is Daesh"), [(0, 0), (0, 5)]);
        assert_eq!(found("Al-Qa’ida and al Qaeda"), [(1, 0), (1, 3)]);
        assert_eq!(found("Al Qaeda in the Arabian Peninsula"), [(2, 0)], "the longest alias wins");
        assert_eq!(found("Daeshi ISISx"), [], "no partial words");
    }

    #[test]
    fn a_capital_in_title_case_names_nothing_but_an_acronym_still_does() {
        assert_eq!(found("AQAP's magazine Inspire ran the recipe"), [(2, 0), (3, 2)]);
        assert_eq!(found("they inspire others"), []);
        assert_eq!(found("Why is Daesh Able to Inspire More Attacks"), [(0, 2)], "the verb, in a headline");
        assert_eq!(found("Why IS Is Able to Inspire More Attacks"), [(0, 1)], "an acronym stands apart");
        assert_eq!(found("Inspire Magazine"), [(3, 0)], "two long words are too few to call it Title Case");
        assert_eq!(
            found("Inside Counterterrorism Policing Today"),
            [(4, 1)],
            "a name of two words still counts"
        );
    }

    #[test]
    fn a_possessive_does_not_hide_an_exact_case_name() {
        assert_eq!(found("IS’s propaganda and IS's videos"), [(0, 0), (0, 3)]);
        assert_eq!(found("the US's allies"), [(7, 1)]);
        assert_eq!(found("this's"), [], "still not the verb");
    }

    #[test]
    fn a_name_of_numbers_is_written_as_it_is() {
        assert_eq!(found("after 9/11 the world"), [(5, 1)]);
        assert_eq!(found("paragraphs 9-11 and chapters 9, 11"), []);
    }

    #[test]
    fn a_name_in_capitals_only_matches_in_capitals() {
        assert_eq!(found("ETA claimed it"), [(6, 0)]);
        assert_eq!(found("The ship's eta was noon"), []);
    }

    #[test]
    fn in_a_text_set_in_capitals_case_names_nothing() {
        assert_eq!(found("THE US AND IS"), []);
        assert_eq!(found("WHAT IS IT FOR"), []);
        assert_eq!(found("US and IS"), [(7, 0), (0, 2)], "lower-case words around: case tells");
        assert_eq!(found("AQAP"), [(2, 0)], "one word in capitals is an acronym");
        assert_eq!(found("THE RISE OF DAESH"), [(0, 3)], "names that need no case still count");
    }

    #[test]
    fn a_name_being_typed_may_become_the_entities_it_begins() {
        let t = Tagger::new(&gazetteer());
        let begun = |s: &str| t.entities_begun(&s.split(' ').map(String::from).collect::<Vec<_>>());
        assert_eq!(begun("dae"), [0]);
        assert_eq!(begun("isi"), [0]);
        assert_eq!(begun("al qa"), [1], "al-Qa`ida: not AQAP, a longer name");
        assert_eq!(begun("Al Qaeda in the Arabian Pen"), [2]);
        assert_eq!(begun("da"), Vec::<u32>::new(), "two letters alone say too little");
        assert_eq!(begun("al q"), Vec::<u32>::new());
        assert_eq!(begun("I"), Vec::<u32>::new(), "no acronym by its first letter");
        assert_eq!(begun("insp"), Vec::<u32>::new(), "exact-case names are left to entity_named");
        assert_eq!(begun("qaeda"), Vec::<u32>::new(), "no name of one word");
    }

    #[test]
    fn names_an_entity_from_query_words() {
        let t = Tagger::new(&gazetteer());
        let words = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        assert_eq!(t.entity_named(&words("isis")), Some(0));
        assert_eq!(t.entity_named(&words("IS")), Some(0));
        assert_eq!(t.entity_named(&words("is")), None);
        assert_eq!(t.entity_named(&words("al qaida")), Some(1));
        assert_eq!(t.entity_named(&words("al")), None);
        assert_eq!(
            Entity { date: None, name: "José María Aznar".into(), kind: "person".into(), aliases: vec![] }
                .slug(),
            "jose-maria-aznar"
        );
    }
}
