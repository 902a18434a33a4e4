//! Search tips: what the query language does, each shown with an example drawn from this
//! archive's own gazetteer, and kept only if it finds something here. A reader learns the
//! syntax from queries that work on the archive in front of them, whatever archive that is.

use crate::analyze::{fold, Analyzer};
use crate::facets::FacetIndex;
use crate::search::{search, Sort};
use crate::Index;

/// One tip's example: the query to run and what it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    pub query: String,
    /// What the example finds, or how: "Al Qaeda", "José María Aznar".
    pub finds: String,
}

/// The examples for this archive; a tip with none found is shown without one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tips {
    /// `"two words"`: a name of several words, as a phrase.
    pub phrase: Option<Example>,
    /// `a OR b`: two places.
    pub either: Option<Example>,
    /// `a -b`: a name, without the articles that also name another.
    pub exclude: Option<Example>,
    /// Another spelling of the entity written the most ways.
    pub spelling: Option<Example>,
    /// A name with accents, typed without them.
    pub accents: Option<Example>,
    /// A name with a letter typed twice.
    pub typo: Option<Example>,
}

/// Candidates tried per tip: enough to find one that works, few enough to stay instant on a
/// large archive (a search there takes up to a millisecond). Pairs are tried among fewer.
const TRIED: usize = 12;
const PAIRED: usize = 5;

/// The examples for `index`, from its most mentioned entities first.
pub fn tips(index: &Index, facets: &FacetIndex, analyzer: &Analyzer) -> Tips {
    // Each candidate query is searched once, however many tips try it.
    let seen = std::cell::RefCell::new(std::collections::HashMap::<String, usize>::new());
    let hits = |q: &str| {
        if let Some(&n) = seen.borrow().get(q) {
            return n;
        }
        let n = search(index, analyzer, q, Sort::Relevance).hits.len();
        seen.borrow_mut().insert(q.to_string(), n);
        n
    };
    // Entities by the number of articles naming them, most first; ties in gazetteer order.
    let mut ranked: Vec<usize> = (0..index.entities.len())
        .filter(|&e| facets.entity_docs.get(e).is_some_and(|d| !d.is_empty()))
        .collect();
    ranked.sort_by_key(|&e| std::cmp::Reverse(facets.entity_docs[e].len()));
    let articles = |e: usize| facets.entity_docs[e].len();
    let name = |e: usize| plain_name(&index.entities[e].name);
    let of_kind = |kinds: &'static [&'static str]| {
        ranked.iter().copied().filter(move |&e| kinds.contains(&index.entities[e].kind.as_str()))
    };
    let single_word = |e: &usize| !name(*e).contains(' ') && name(*e).chars().all(char::is_alphabetic);

    let phrase = of_kind(&["person"])
        .filter(|&e| name(e).split(' ').count() >= 2)
        .take(TRIED)
        .map(|e| Example { query: format!("\"{}\"", fold(&name(e))), finds: name(e) })
        .find(|ex| hits(&ex.query) > 0);

    let places: Vec<usize> = of_kind(&["place"]).filter(single_word).take(PAIRED).collect();
    let either = places.iter().enumerate().find_map(|(i, &a)| {
        // Two places named in different articles: the OR finds more than either alone.
        places[i + 1..].iter().find_map(|&b| {
            let (qa, qb) = (fold(&name(a)), fold(&name(b)));
            let both = hits(&format!("{qa} OR {qb}"));
            (both > hits(&qa) && both > hits(&qb)).then(|| Example {
                query: format!("{qa} OR {qb}"),
                finds: format!("{} or {}", name(a), name(b)),
            })
        })
    });

    let named: Vec<usize> = ranked.iter().copied().filter(single_word).take(TRIED).collect();
    let exclude = named.iter().take(PAIRED).find_map(|&a| {
        let qa = fold(&name(a));
        let all = hits(&qa);
        named.iter().take(PAIRED).filter(|&&b| b != a).find_map(|&b| {
            let q = format!("{qa} -{}", fold(&name(b)));
            let left = hits(&q);
            (left > 0 && left < all)
                .then(|| Example { query: q, finds: format!("{} without {}", name(a), name(b)) })
        })
    });

    // The entity written the most ways: one of its other spellings finds all of it.
    let spelling = ranked
        .iter()
        .copied()
        .filter(|&e| !index.entities[e].aliases.is_empty())
        .max_by_key(|&e| (index.entities[e].aliases.len(), articles(e)))
        .and_then(|e| {
            let entity = &index.entities[e];
            // The spelling farthest from the name that a reader would type: letters, spaces and
            // hyphens ("al-Qaida" rather than "Al-Qa’ida").
            let typed = |a: &&crate::Alias| {
                !a.exact_case && a.text.chars().all(|c| c.is_alphanumeric() || c == ' ' || c == '-')
            };
            let far = |a: &&crate::Alias| crate::fuzzy::distance(&fold(&a.text), &fold(&entity.name));
            let mut aliases: Vec<&crate::Alias> =
                entity.aliases.iter().filter(typed).filter(|a| far(a) > 0).collect();
            aliases.sort_by_key(|a| std::cmp::Reverse(far(a)));
            aliases
                .into_iter()
                .map(|a| Example { query: a.text.clone(), finds: name(e) })
                .find(|ex| hits(&ex.query) > 0)
        });

    // A name whose accents fold away, typed plainly.
    let accents = ranked
        .iter()
        .copied()
        .filter(|&e| name(e).chars().any(|c| c.is_alphabetic() && !c.is_ascii()))
        .map(|e| Example { query: fold(&name(e)), finds: name(e) })
        .filter(|ex| ex.query.is_ascii())
        .take(TRIED)
        .find(|ex| hits(&ex.query) > 0);

    // A letter typed twice, inside a word long enough to forgive it: six letters or more, so the
    // slip falls after the third and leaves the word past the five letters a typo needs.
    let typo = named
        .iter()
        .map(|&e| (fold(&name(e)), name(e)))
        .filter(|(w, _)| w.is_ascii() && w.len() >= 6)
        .map(|(w, finds)| {
            let mut query = w.clone();
            query.insert(3, char::from(w.as_bytes()[3]));
            Example { query, finds }
        })
        // Typed as a whole word (a space after it), not as the start of a longer one; and a slip
        // that is itself a word of the archive would show nothing forgiven.
        .find(|ex| hits(&format!("\"{}\"", ex.query)) == 0 && hits(&format!("{} ", ex.query)) > 0);

    Tips { phrase, either, exclude, spelling, accents, typo }
}

/// A gazetteer name without its disambiguation: "Prevent (programme)" → "Prevent".
fn plain_name(name: &str) -> String {
    name.split(" (").next().unwrap_or(name).trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::{Alias, Entity};
    use crate::index::IndexBuilder;
    use crate::model::{Article, Block};
    use crate::PartialDate;

    fn entity(name: &str, kind: &str, aliases: &[&str]) -> Entity {
        let aliases = aliases.iter().map(|a| Alias { text: a.to_string(), exact_case: false }).collect();
        Entity { date: None, name: name.into(), kind: kind.into(), aliases }
    }

    #[test]
    fn every_example_finds_what_it_says() {
        let mut b = IndexBuilder::new(Analyzer::english()).with_entities(vec![
            entity("Neil Basu", "person", &[]),
            entity("José María Aznar", "person", &[]),
            entity("Libya", "place", &[]),
            entity("Madrid", "place", &[]),
            entity("Prevent (programme)", "organisation", &[]),
            entity("Al Qaeda", "group", &["al-Qaeda", "al-Qaida", "Al-Qa’ida"]),
        ]);
        let doc = |slug: &str, text: &str| {
            Article::new(slug, slug, PartialDate::parse("2017").unwrap(), vec![Block::Paragraph(text.into())])
        };
        b.add(doc("a", "Neil Basu on Libya and Al Qaeda."));
        b.add(doc("b", "José María Aznar in Madrid; al-Qaida in Libya."));
        b.add(doc("c", "Madrid and Al-Qa’ida, with Neil Basu."));
        b.add(doc("d", "Prevent, in Madrid."));
        let ix = b.finish();
        let fi = FacetIndex::new(&ix);
        let an = Analyzer::english();
        let t = tips(&ix, &fi, &an);
        let found = |q: &str| {
            let mut s: Vec<String> = search(&ix, &an, q, Sort::Relevance)
                .hits
                .iter()
                .map(|h| ix.articles[h.doc as usize].slug.clone())
                .collect();
            s.sort();
            s
        };
        let ex = |e: &Option<Example>| e.clone().expect("an example");

        assert_eq!(ex(&t.phrase).query, "\"neil basu\"");
        assert_eq!(found(&ex(&t.phrase).query), ["a", "c"]);
        // Madrid is in three articles, Libya in two: the example is the pair, in that order.
        assert_eq!(ex(&t.either).query, "madrid OR libya");
        assert_eq!(found("madrid OR libya"), ["a", "b", "c", "d"]);
        let exclude = ex(&t.exclude);
        assert_eq!(exclude.query, "madrid -libya", "the most named place without the next");
        assert_eq!(found(&exclude.query), ["c", "d"]);
        // Of the spellings a reader types, the one farthest from the name.
        assert_eq!(ex(&t.spelling), Example { query: "al-Qaida".into(), finds: "Al Qaeda".into() });
        assert_eq!(found("al-Qaida"), ["a", "b", "c"], "every spelling");
        assert_eq!(
            ex(&t.accents),
            Example { query: "jose maria aznar".into(), finds: "José María Aznar".into() }
        );
        assert_eq!(found("jose maria aznar"), ["b"]);
        assert_eq!(ex(&t.typo), Example { query: "madrrid".into(), finds: "Madrid".into() });
        assert_eq!(found("madrrid "), ["b", "c", "d"]);
        assert_eq!(plain_name("Prevent (programme)"), "Prevent");

        // An archive without a gazetteer has no examples, and no tip fails.
        let mut b = IndexBuilder::new(Analyzer::english());
        b.add(doc("a", "Nothing named here."));
        let ix = b.finish();
        assert_eq!(tips(&ix, &FacetIndex::new(&ix), &an), Tips::default());
    }
}
