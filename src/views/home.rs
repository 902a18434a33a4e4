//! Home: every article, newest first.

use crate::components::article_meta::article_meta;
use crate::data::data;
use yew::prelude::*;

#[function_component(HomeView)]
pub fn home_view() -> Html {
    let articles = &data().index.articles;
    html! {
        <section class="rr-home" aria-labelledby="rr-home-h">
            <h1 id="rr-home-h" class="rr-section-title">{ "Latest articles" }</h1>
            <ol class="rr-list rr-articles">
                { for articles.iter().map(|a| html! {
                    <li class="rr-item">
                        <a class="rr-title" href={ format!("#/article/{}", a.slug) }>{ &a.title }</a>
                        { article_meta(a) }
                    </li>
                }) }
            </ol>
        </section>
    }
}
