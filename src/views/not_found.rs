use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub path: AttrValue,
}

#[function_component(NotFound)]
pub fn not_found(props: &Props) -> Html {
    html! {
        <section class="rr-empty">
            <@{crate::heading::h(1)}>{ "Nothing here" }</@>
            <p>{ format!("There is no page at “{}”. ", props.path) }<a href={ crate::route::Route::Home.href() }>{ "Browse all articles" }</a></p>
        </section>
    }
}
