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
    html! {
        <form class="rr-search" role="search" {onsubmit}>
            <label for="rr-q" class="rr-visually-hidden">{ "Search the archive" }</label>
            <input id="rr-q" type="search" name="q" autocomplete="off" spellcheck="false"
                placeholder="Search articles, people, places…" value={ props.value.clone() } {oninput} />
        </form>
    }
}
