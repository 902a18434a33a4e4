//! The search box. It lives in the header, outside the routed views, so it keeps focus while
//! the reader types and the results change under it.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub value: AttrValue,
    pub oninput: Callback<String>,
}

#[function_component(SearchBox)]
pub fn search_box(props: &Props) -> Html {
    let oninput = {
        let cb = props.oninput.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            cb.emit(input.value());
        })
    };
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    // Esc clears the box (and so returns home); on an empty box it leaves it.
    let onkeydown = {
        let cb = props.oninput.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                e.prevent_default();
                if input.value().is_empty() {
                    let _ = input.blur();
                } else {
                    input.set_value("");
                    cb.emit(String::new());
                }
            }
        })
    };
    html! {
        <form class="rr-search" role="search" {onsubmit}>
            <label for="rr-q" class="rr-visually-hidden">{ "Search the archive" }</label>
            <input id="rr-q" type="search" name="q" autocomplete="off" spellcheck="false"
                placeholder="Search articles, people, places…" aria-keyshortcuts="/" value={ props.value.clone() } {oninput} {onkeydown} />
        </form>
    }
}
