//! The index round-trips, rejects damaged bytes without panicking, and ranks sensibly.

use readingroom_core::query::asks_for_something;
use readingroom_core::{search, Analyzer, Article, Block, Index, IndexBuilder, PartialDate, Sort};

fn article(slug: &str, date: &str, title: &str, body: &[&str]) -> Article {
    let body = body.iter().map(|p| Block::Paragraph(p.to_string())).collect();
    let mut a = Article::new(slug, title, PartialDate::parse(date).unwrap(), body);
    a.outlet = "The Outlet".into();
    a.kind = "op-ed".into();
    a.authors = vec!["Raffaello Pantucci".into()];
    a
}

fn index() -> Index {
    let mut b = IndexBuilder::new(Analyzer::english());
    b.add(article(
        "old",
        "2016-09",
        "Why is Daesh able to inspire attacks",
        &["Lone-actor terrorism and Al-Qa’ida."],
    ));
    b.add(article(
        "new",
        "2018-02",
        "An interview about policing",
        &["The threat from Daesh is evolving.", "José María Aznar lost the election."],
    ));
    b.add(article("mid", "2017", "Terrorism in Madrid", &["The Madrid bombings of 2004 and al-Qa`ida."]));
    b.finish()
}

fn slugs(index: &Index, q: &str, sort: Sort) -> Vec<String> {
    let a = Analyzer::english();
    search(index, &a, q, sort).hits.iter().map(|h| index.articles[h.doc as usize].slug.clone()).collect()
}

/// The articles `q` finds, in slug order: which, not how ranked.
fn found(index: &Index, q: &str) -> Vec<String> {
    let mut s = slugs(index, q, Sort::Relevance);
    s.sort();
    s
}

#[test]
fn round_trips_through_bytes() {
    let i = index();
    let back = Index::from_bytes(&i.to_bytes()).unwrap();
    assert_eq!(back.articles, i.articles);
    assert_eq!(back.terms, i.terms);
    assert_eq!(back.postings, i.postings);
    assert_eq!(back.to_bytes(), i.to_bytes());
    assert_eq!(i.to_bytes(), index().to_bytes(), "deterministic");
    assert_eq!(back.name, None, "an archive that has not named itself");
    assert_eq!(back.stop_words, i.stop_words);
    assert!(i.stop_words.contains(&"the".to_string()) && !i.stop_words.contains(&"madrid".to_string()));
    let mut b = IndexBuilder::new(Analyzer::english()).with_name(Some("The Pantucci Papers".into()));
    b.add(article("one", "2018", "A title", &["A body."]));
    let named = b.finish();
    assert_eq!(Index::from_bytes(&named.to_bytes()).unwrap().name.as_deref(), Some("The Pantucci Papers"));
}

#[test]
fn damaged_bytes_give_an_error_never_a_panic() {
    let bytes = index().to_bytes();
    for cut in 0..bytes.len() {
        assert!(Index::from_bytes(&bytes[..cut]).is_err(), "truncated at {cut}");
    }
    for i in 0..bytes.len() {
        let mut b = bytes.clone();
        b[i] ^= 0xA5;
        let _ = Index::from_bytes(&b); // may decode or fail, must not panic
    }
    let mut b = bytes.clone();
    b[4] = 99;
    assert!(matches!(Index::from_bytes(&b), Err(readingroom_core::IndexError::Version { .. })));
}

#[test]
fn empty_query_lists_everything_newest_first() {
    let i = index();
    assert_eq!(slugs(&i, "", Sort::Relevance), ["new", "mid", "old"]);
    assert_eq!(slugs(&i, "the of", Sort::Relevance).len(), 3, "stop words narrow nothing");
}

#[test]
fn a_query_with_nothing_to_search_for_says_so() {
    let (i, a) = (index(), Analyzer::english());
    for q in ["", "-", "\"", "\"\"", "%", "OR OR", " - % "] {
        assert!(!asks_for_something(q), "{q:?} asks for nothing");
        assert_eq!(search(&i, &a, q, Sort::Relevance).hits.len(), 3, "{q:?} lists every article");
    }
    for q in ["the", "-daesh", "madrid", "\"lone actor\""] {
        assert!(asks_for_something(q), "{q:?} asks for something");
    }
}

#[test]
fn words_are_anded_and_title_outranks_body() {
    let i = index();
    assert_eq!(slugs(&i, "daesh", Sort::Relevance), ["old", "new"], "title match first");
    assert_eq!(slugs(&i, "daesh evolving", Sort::Relevance), ["new"]);
    assert!(slugs(&i, "daesh madrid", Sort::Relevance).is_empty());
    assert_eq!(slugs(&i, "daesh", Sort::Oldest), ["old", "new"]);
    assert_eq!(slugs(&i, "daesh", Sort::Newest), ["new", "old"]);
}

#[test]
fn folding_and_prefixes() {
    let i = index();
    assert_eq!(slugs(&i, "jose maria", Sort::Relevance), ["new"]);
    assert_eq!(slugs(&i, "JOSÉ", Sort::Relevance), ["new"]);
    let qaida = slugs(&i, "al-qaida", Sort::Relevance);
    assert_eq!(qaida.len(), 2, "Al-Qa’ida and al-Qa`ida fold to one word: {qaida:?}");
    assert_eq!(slugs(&i, "terrori", Sort::Relevance), ["mid", "old"], "prefix of an unstemmed word");
    assert_eq!(slugs(&i, "madr", Sort::Relevance), ["mid"]);
    assert!(slugs(&i, "madr ", Sort::Relevance).is_empty(), "a finished word is not a prefix");
}

#[test]
fn snippets_come_from_the_paragraph_with_the_matches() {
    use readingroom_core::snippet::Highlighter;
    let i = index();
    let a = Analyzer::english();
    let r = search(&i, &a, "aznar election", Sort::Relevance);
    let hit = r.hits[0];
    let h = Highlighter::new(&i, &a, &r);
    let segments = h.snippet(hit.doc, &i.articles[hit.doc as usize], 32);
    let text: String = segments.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(text, "José María Aznar lost the election.", "the second paragraph, not the first");
    let marked: Vec<&str> = segments.iter().filter(|s| s.mark).map(|s| s.text.as_str()).collect();
    assert_eq!(marked, ["Aznar", "election"]);
    // A title-only match opens with the piece.
    let r = search(&i, &a, "interview", Sort::Relevance);
    let h = Highlighter::new(&i, &a, &r);
    let doc = r.hits[0].doc;
    let text: String =
        h.snippet(doc, &i.articles[doc as usize], 32).iter().map(|s| s.text.as_str()).collect();
    assert_eq!(text, "The threat from Daesh is evolving.");
}

#[test]
fn a_snippet_shows_a_whole_phrase_over_its_words_scattered() {
    use readingroom_core::snippet::Highlighter;
    let mut b = IndexBuilder::new(Analyzer::english());
    b.add(article(
        "one",
        "2018",
        "A title",
        &[
            "The state said the Islamic scholars of Iraq met, and Syria's state television agreed.",
            "Later the Islamic State claimed it.",
        ],
    ));
    let i = b.finish();
    let a = Analyzer::english();
    let r = search(&i, &a, "\"islamic state\"", Sort::Relevance);
    let h = Highlighter::new(&i, &a, &r);
    let segments = h.snippet(r.hits[0].doc, &i.articles[0], 32);
    let marked: Vec<&str> = segments.iter().filter(|s| s.mark).map(|s| s.text.as_str()).collect();
    assert_eq!(
        marked,
        ["Islamic State"],
        "the paragraph with the phrase, not the one with more of its words"
    );
}

#[test]
fn a_cache_kept_across_keystrokes_changes_no_result() {
    let i = index();
    let a = Analyzer::english();
    let cache = readingroom_core::search::ClauseCache::default();
    for text in ["madrid bombings daesh", "\"lone actor\" OR aznar -madrid", "qaida terorism"] {
        for end in 1..=text.len() {
            let Some(typed) = text.get(..end) else { continue };
            for sort in [Sort::Relevance, Sort::Newest] {
                let cached = readingroom_core::search::search_cached(&i, &a, typed, sort, &cache);
                assert_eq!(cached, search(&i, &a, typed, sort), "{typed:?}");
            }
        }
    }
}

#[test]
fn a_short_prefix_completes_to_its_most_common_words() {
    // "q" completes to twelve words; one or two letters keep only the commonest completions
    // (eight for one letter), chosen without decoding every completion's postings.
    let rare =
        ["quail", "quake", "quark", "quartz", "queen", "query", "quest", "queue", "quiet", "quill", "quote"];
    let mut b = IndexBuilder::new(Analyzer::english());
    for (i, w) in rare.iter().enumerate() {
        b.add(article(&format!("rare-{i}"), "2016", "A note", &[&format!("Only {w} here.")]));
    }
    for i in 0..6 {
        b.add(article(
            &format!("common-{i}"),
            "2017",
            "Another note",
            &["A quilt, a quilt, and one more quilt."],
        ));
    }
    let i = b.finish();
    let found = slugs(&i, "q", Sort::Relevance);
    for n in 0..6 {
        assert!(found.contains(&format!("common-{n}")), "the commonest completion is kept: {found:?}");
    }
    let rare_found = found.iter().filter(|s| s.starts_with("rare-")).count();
    assert_eq!(rare_found, 7, "eight completions in all: quilt and seven of the others: {found:?}");
    assert_eq!(
        found,
        slugs(&Index::from_bytes(&i.to_bytes()).unwrap(), "q", Sort::Relevance),
        "stored or built"
    );
}

#[test]
fn phrases_need_their_words_in_order_in_one_field() {
    let mut b = IndexBuilder::new(Analyzer::english());
    b.add(article("in-order", "2020", "Notes", &["A lone actor struck, then another lone actor."]));
    b.add(article("reversed", "2019", "Notes", &["The actor was lone."]));
    b.add(article("apart", "2018", "Lone voices", &["An actor spoke."]));
    b.add(article("between", "2017", "Notes", &["A lone wolf actor."]));
    b.add(article("bank", "2016", "Notes", &["The Bank of England, and the bank."]));
    let i = b.finish();
    let sorted = |q: &str| found(&i, q);
    // Each word one term (the in-place check) ...
    assert_eq!(sorted("\"lone actor\""), ["in-order"]);
    assert_eq!(sorted("lone-actor "), ["in-order"]);
    assert_eq!(sorted("\"actor lone\""), Vec::<String>::new(), "in order only");
    // ... a stop word keeping its place ...
    assert_eq!(sorted("\"bank of england\""), ["bank"]);
    assert_eq!(sorted("\"england of bank\""), Vec::<String>::new());
    // ... and a hyphenated word being typed, whose last part stands for several terms (the
    // general check).
    assert_eq!(sorted("lone-act"), ["in-order"]);
    assert_eq!(sorted("lone-wol"), ["between"]);
    assert_eq!(sorted("actor-lon"), Vec::<String>::new());
}

#[test]
fn words_side_by_side_rank_above_the_same_words_apart() {
    let mut b = IndexBuilder::new(Analyzer::english());
    // Newest, and more of both words, but never together.
    b.add(article(
        "apart",
        "2020",
        "Notes",
        &["A great nation, a great people, great hopes. Our society is free; a society of equals."],
    ));
    b.add(article(
        "named",
        "2019",
        "Notes",
        &["We build the Great Society, at home and abroad, with patience and care."],
    ));
    b.add(article(
        "order",
        "2018",
        "Notes",
        &["A society is great when it is just, over long years of patient work."],
    ));
    b.add(article("war", "2017", "Notes", &["The war on terror, and what came after it."]));
    b.add(article("war-and", "2016", "Notes", &["The war, and terror, and what came after them."]));
    let i = b.finish();
    let relevance = |q: &str| slugs(&i, q, Sort::Relevance);
    assert_eq!(relevance("great society")[0], "named");
    assert_eq!(relevance("Great Society"), ["named", "apart", "order"], "in the order typed");
    // A stop word typed between keeps its place.
    assert_eq!(relevance("war on terror")[0], "war");
    // The word being typed counts as it stands ("great society" above), not its completions.
    assert_eq!(relevance("great soc")[0], "apart");
    // Date orders are untouched.
    assert_eq!(slugs(&i, "great society", Sort::Newest), ["apart", "named", "order"]);
}

#[test]
fn a_word_being_typed_that_may_become_a_stop_word_does_not_filter() {
    let i = index();
    assert!(i.begins_stop_word("th") && i.begins_stop_word("the") && !i.begins_stop_word("thr"));
    // "abl…" may become "able", a stop word the corpus uses ("Why is Daesh able"): it ranks the
    // article that has it first, and leaves the others in.
    assert_eq!(slugs(&i, "Daesh abl", Sort::Relevance), ["old", "new"]);
    // Past where any stop word could go, the word filters again.
    assert_eq!(slugs(&i, "Daesh thr", Sort::Relevance), ["new"]);

    // A word of the index that begins a stop word ("rat", "rather") filters as it always did:
    // the last word of a shared link's query is read as being typed, but is often whole.
    let mut b = IndexBuilder::new(Analyzer::english());
    b.add(article("rats", "2018", "Rats in the city", &["The rat ran, rather fast."]));
    b.add(article("cats", "2017", "Cats in the city", &["A cat sat in the city."]));
    let i = b.finish();
    assert!(i.begins_stop_word("rat"));
    assert_eq!(slugs(&i, "city rat", Sort::Relevance), ["rats"]);
    assert_eq!(found(&i, "city rath"), ["cats", "rats"], "\"rath\" may only become \"rather\"");
}

#[test]
fn the_last_word_of_a_phrase_being_typed_that_may_become_a_stop_word_does_not_empty_it() {
    let mut b = IndexBuilder::new(Analyzer::english());
    b.add(article("lone", "2018", "Notes", &["The threat of lone actors grew."]));
    b.add(article("other", "2017", "Notes", &["A threat, and of what kind, nobody said."]));
    b.add(article("none", "2016", "Notes", &["Nothing here."]));
    let i = b.finish();
    let relevance = |q: &str| found(&i, q);
    // "o" and "of" may be the stop word that follows "threat": they hold no place yet, and the
    // phrase finds what '"threat' finds, not nothing.
    for q in ["\"threat o", "\"threat of", "threat-o"] {
        assert_eq!(relevance(q), ["lone", "other"], "{q}");
    }
    // A word past any stop word narrows the phrase, with the stop word keeping its place.
    assert_eq!(relevance("\"threat of lo"), ["lone"]);
    assert_eq!(relevance("\"threat of lone\""), ["lone"]);
    // Closed, the phrase is what was written: no stop word is being typed.
    assert_eq!(relevance("\"threat lo\""), Vec::<String>::new());
}

#[test]
fn a_quoted_name_of_stop_words_finds_that_form_only() {
    use readingroom_core::entities::{Alias, Entity};
    use readingroom_core::snippet::Highlighter;
    let group = Entity {
        date: None,
        name: "Islamic State".into(),
        kind: "group".into(),
        aliases: vec![
            Alias { text: "ISIS".into(), exact_case: false },
            Alias { text: "IS".into(), exact_case: true },
        ],
    };
    let mut b = IndexBuilder::new(Analyzer::english()).with_entities(vec![group]);
    b.add(article("acronym", "2018", "Notes", &["Fighters who left IS came home."]));
    b.add(article("isis", "2017", "Notes", &["Fighters who left ISIS came home."]));
    b.add(article("plain", "2016", "Notes", &["What is left is home."]));
    let i = b.finish();
    let sorted = |q: &str| found(&i, q);
    // Unquoted, any name of the group finds every name of it; quoted, that form only: "IS" is
    // a stop word, which had made the quoted form match nothing and so list every article.
    assert_eq!(sorted("IS"), ["acronym", "isis"]);
    assert_eq!(sorted("\"ISIS\""), ["isis"]);
    assert_eq!(sorted("\"IS\""), ["acronym"]);
    assert_eq!(sorted("left \"IS\""), ["acronym"]);
    assert_eq!(sorted("\"IS\" OR \"ISIS\""), ["acronym", "isis"]);
    assert_eq!(sorted("-\"IS\" fighters"), ["isis"]);
    // The verb is no name: quoted in lower case it is a stop word as before.
    assert_eq!(sorted("\"is\""), ["acronym", "isis", "plain"]);
    // And the acronym is marked where written so, not the group's other names.
    let analyzer = Analyzer::english();
    let r = search(&i, &analyzer, "\"IS\"", Sort::Relevance);
    assert_eq!(r.forms, ["IS"]);
    let hl = Highlighter::new(&i, &analyzer, &r);
    let marked = |text: &str| -> Vec<String> {
        hl.highlight(text).into_iter().filter(|s| s.mark).map(|s| s.text).collect()
    };
    assert_eq!(marked("Fighters who left IS, or ISIS, is what it is."), ["IS"]);

    // And a form no article writes finds nothing, rather than every article.
    let mut b = IndexBuilder::new(Analyzer::english()).with_entities(vec![i.entities[0].clone()]);
    b.add(article("isis", "2017", "Notes", &["Fighters who left ISIS came home."]));
    b.add(article("plain", "2016", "Notes", &["What is left is home."]));
    let unwritten = b.finish();
    assert_eq!(found(&unwritten, "\"IS\""), Vec::<String>::new());
    assert_eq!(found(&unwritten, "IS"), ["isis"], "unquoted, the group under any name");
}

#[test]
fn among_partial_matches_a_forgiven_typo_never_ranks_above_an_exact_match() {
    let mut b = IndexBuilder::new(Analyzer::english());
    b.add(article(
        "fuzzy",
        "2018",
        "Radicalization, radicalization, radicalization",
        &["Radicalization and radicalization again, radicalization everywhere."],
    ));
    b.add(article(
        "exact",
        "2016",
        "Notes",
        &["A long paragraph that once mentions radicalisation among many other words of no interest."],
    ));
    let i = b.finish();
    let r = search(&i, &Analyzer::english(), "radicalisation qqqzzzx ", Sort::Relevance);
    assert!(r.hits.is_empty());
    let partial: Vec<&str> = r.partial.iter().map(|h| i.articles[h.doc as usize].slug.as_str()).collect();
    assert_eq!(partial, ["exact", "fuzzy"]);
}

/// Newest and oldest first are the dates' order, matches through a forgiven typo among the rest;
/// best match keeps them after the exact ones. A word the archive has forgives one typo fewer:
/// "paris" is not "parts", while a long word still finds its other spelling.
#[test]
fn date_orders_ignore_typos_and_words_the_archive_has_are_meant() {
    let mut b = IndexBuilder::new(Analyzer::english());
    b.add(article(
        "newer-fuzzy",
        "2018",
        "Notes",
        &["On radicalization, and the parts of Europe it reached."],
    ));
    b.add(article(
        "older-exact",
        "2016",
        "Notes",
        &["On radicalisation, and the road to Paris and Libyan ports."],
    ));
    b.add(article("oldest", "2015", "Notes", &["Libya, a year on."]));
    let i = b.finish();
    // Letters added at its end are forgiven still: the stemmer does not make "Libyan" "libya".
    assert_eq!(found(&i, "libya"), ["older-exact", "oldest"]);
    assert_eq!(slugs(&i, "radicalisation", Sort::Relevance), ["older-exact", "newer-fuzzy"]);
    assert_eq!(slugs(&i, "radicalisation", Sort::Newest), ["newer-fuzzy", "older-exact"]);
    assert_eq!(slugs(&i, "radicalisation", Sort::Oldest), ["older-exact", "newer-fuzzy"]);
    assert_eq!(slugs(&i, "paris", Sort::Relevance), ["older-exact"]);
    // A word the archive lacks forgives its full budget: "parcs" is one edit from both.
    assert_eq!(found(&i, "parcs"), ["newer-fuzzy", "older-exact"]);
}

/// A word spelt another way in another of its entity's names is that word: "qaeda" finds the
/// article that writes only "al-Qa’ida", though the archive's having "qaeda" forgives it no typo.
/// Quoted, it is the form written; and names that differ by more than a spelling ("Jaish
/// Mohammed", "Army Mohammed") do not make their words one.
#[test]
fn spellings_the_gazetteer_attests_are_one_word() {
    use readingroom_core::entities::{Alias, Entity};
    let entity = |name: &str, aliases: &[&str]| Entity {
        date: None,
        name: name.into(),
        kind: "group".into(),
        aliases: aliases.iter().map(|a| Alias { text: a.to_string(), exact_case: false }).collect(),
    };
    let mut b = IndexBuilder::new(Analyzer::english()).with_entities(vec![
        entity("Al Qaeda", &["Al-Qa’ida"]),
        entity("Jaish Mohammed", &["Army Mohammed"]),
    ]);
    b.add(article("qaida", "2018", "Notes", &["The core of al-Qa’ida was weakened; the jaish camp."]));
    b.add(article("qaeda", "2016", "Notes", &["The rise of Qaeda's affiliates."]));
    let i = b.finish();
    assert_eq!(found(&i, "qaeda"), ["qaeda", "qaida"]);
    assert_eq!(found(&i, "qaida"), ["qaeda", "qaida"]);
    assert_eq!(found(&i, "\"qaeda\""), ["qaeda"]);
    assert_eq!(found(&i, "army"), Vec::<String>::new());
}
