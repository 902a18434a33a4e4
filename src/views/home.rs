//! Home: the articles, newest first, a page at a time (an archive can hold thousands).

use crate::components::article_meta::article_meta;
use crate::components::show_more::show_more;
use crate::data::data;
use yew::prelude::*;

const PAGE: usize = 50;

#[function_component(HomeView)]
pub fn home_view() -> Html {
    let articles = &data().index.articles;
    let shown = use_state_eq(|| PAGE);
    html! {
        <section class="rr-home" aria-labelledby="rr-home-h">
            <h1 id="rr-home-h" class="rr-section-title">{ "Latest articles" }</h1>
            <ol class="rr-list rr-articles">
                { for articles.iter().take(*shown).map(|a| html! {
                    <li class="rr-item">
                        <a class="rr-title" href={ format!("#/article/{}", a.slug) }>{ &a.title }</a>
                        { article_meta(a) }
                    </li>
                }) }
            </ol>
            { show_more(articles.len(), &shown, PAGE) }
        </section>
    }
}
