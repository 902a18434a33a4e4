//! A long piece's outline: an interview's questions, or an article's section headings, each a
//! button that takes the reader (and the focus) to it. Folded until opened, above the body.
//! Buttons, not `#fragment` links: the hash holds the route.

use readingroom_core::snippet::clip_words;
use readingroom_core::{Block, Role};
use yew::prelude::*;

/// Fewer parts than this need no outline.
const MIN_PARTS: usize = 3;
/// Words of a question the outline repeats.
const QUESTION_WORDS: usize = 14;

/// The parts an outline lists, in order: `(index among the body's blocks, text)`. Questions when
/// the piece has them (an interview's headings, if any, are few), else headings.
pub fn parts(body: &[Block]) -> Vec<(usize, String)> {
    let questions: Vec<(usize, String)> = body
        .iter()
        .enumerate()
        .filter_map(|(i, b)| match b {
            Block::Turn { role: Role::Question, paragraphs, .. } => {
                paragraphs.first().map(|p| (i, clip_words(p, QUESTION_WORDS)))
            }
            _ => None,
        })
        .collect();
    if questions.len() >= MIN_PARTS {
        return questions;
    }
    let headings: Vec<(usize, String)> = body
        .iter()
        .enumerate()
        .filter_map(|(i, b)| match b {
            Block::Heading(t) => Some((i, t.clone())),
            _ => None,
        })
        .collect();
    if headings.len() >= MIN_PARTS {
        headings
    } else {
        Vec::new()
    }
}

/// The id a part's block carries, for the outline to go to.
pub fn part_id(block: usize) -> String {
    format!("rr-part-{block}")
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub parts: Vec<(usize, String)>,
    /// Whether the parts are an interview's questions (else section headings).
    pub questions: bool,
}

#[function_component(Outline)]
pub fn outline(props: &Props) -> Html {
    if props.parts.is_empty() {
        return html! {};
    }
    let n = props.parts.len();
    let summary =
        if props.questions { format!("The {n} questions") } else { format!("Contents: {n} sections") };
    html! {
        <details class="rr-outline">
            <summary>{ summary }</summary>
            <ol>
                { for props.parts.iter().map(|(block, text)| html! {
                    <li><button type="button" onclick={ crate::nav::focus_on(part_id(*block)) }>{ text }</button></li>
                }) }
            </ol>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::parts;
    use readingroom_core::{Block, Role};

    fn turn(role: Role, text: &str) -> Block {
        Block::Turn { role, speaker: "Q".into(), paragraphs: vec![text.into()] }
    }

    #[test]
    fn an_interview_lists_its_questions_else_a_piece_its_sections() {
        let mut body = vec![Block::Heading("Intro".into())];
        for q in [
            "Why now?",
            "What changed since the Manchester attack in May 2017, and what comes next for policing?",
            "And Prevent?",
        ] {
            body.push(turn(Role::Question, q));
            body.push(turn(Role::Answer, "Because."));
        }
        assert_eq!(
            parts(&body),
            [
                (1, "Why now?".to_string()),
                (
                    3,
                    "What changed since the Manchester attack in May 2017, and what comes next for …"
                        .to_string()
                ),
                (5, "And Prevent?".to_string()),
            ]
        );
        let sections: Vec<Block> = ["One", "Two", "Three"]
            .iter()
            .flat_map(|h| [Block::Heading(h.to_string()), Block::Paragraph("Text.".into())])
            .collect();
        assert_eq!(parts(&sections).iter().map(|p| p.0).collect::<Vec<_>>(), [0, 2, 4]);
        // Two sections need no outline.
        assert!(parts(&sections[..4]).is_empty());
    }
}
