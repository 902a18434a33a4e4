//! Text with highlighted matches: plain text nodes and `<mark>`, never raw markup.

use readingroom_core::snippet::Segment;
use yew::prelude::*;

pub fn marked(segments: &[Segment]) -> Html {
    segments
        .iter()
        .map(|s| {
            if s.mark {
                html! { <mark>{ &s.text }</mark> }
            } else {
                html! { { &s.text } }
            }
        })
        .collect()
}

/// The first `words` words of `text`, with an ellipsis when cut.
pub fn clipped(text: &str, words: usize) -> Html {
    html! { { readingroom_core::snippet::clip_words(text, words) } }
}
