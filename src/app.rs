//! The app shell: the header with the search box, and the routed view. State is the route; the
//! route is the URL. Views only render it.

use crate::components::search_box::SearchBox;
use crate::route::{Explore, Route};
use crate::views::{
    article::ArticleView, entity::EntityView, not_found::NotFound, search::SearchView, timeline::TimelineView,
};
use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    let route = use_state(crate::location::current);

    {
        // Links, back/forward and pasted URLs all arrive as hash or history changes.
        let route = route.clone();
        use_effect_with((), move |_| {
            let listeners = crate::location::on_change(move || route.set(crate::location::current()));
            move || drop(listeners)
        });
    }

    use_effect_with((), |_| {
        let keys = crate::keyboard::install();
        move || drop(keys)
    });

    // Views that show bodies render again when a shard arrives.
    let shards_loaded = use_reducer(crate::shards::ShardsLoaded::default);
    {
        let dispatcher = shards_loaded.dispatcher();
        use_effect_with((), move |_| {
            crate::shards::on_change(Callback::from(move |()| dispatcher.dispatch(())));
        });
    }

    {
        // After the frame has painted: setting the title took a quarter of a millisecond of
        // every keystroke. A route being typed gets its title with its URL, once typing pauses.
        use_effect_with((*route).clone(), |route| {
            let set = (!crate::location::typed_pending(route)).then(|| {
                let route = route.clone();
                crate::location::after_paint(move || crate::title::set(&route))
            });
            move || drop(set)
        });
    }

    // A reload puts the reader back where they were, once the first view is drawn.
    use_effect_with((), |_| {
        crate::location::mark_started();
        crate::scroll_memory::restore();
    });
    {
        // A page opened by a link or by typing starts at its top, as a new page would; within a
        // page (a facet chosen, a zoom) the reader keeps their place, and back and forward keep
        // the browser's own restoring. An article places itself (its first match, or its top).
        let last = use_mut_ref(|| None::<Route>);
        use_effect_with((*route).clone(), move |route| {
            let followed = crate::location::take_followed(route);
            let new_page = last.borrow().as_ref().is_none_or(|before| route.is_new_page_after(before));
            let before = last.borrow_mut().replace(route.clone());
            // An article, and a timeline opened at a period, place themselves.
            let placed = matches!(route, Route::Article { .. } | Route::Timeline { at: Some(_), .. });
            if followed && new_page && !placed {
                crate::location::to_top();
            }
            if followed {
                gloo::timers::callback::Timeout::new(0, crate::nav::refocus_if_lost).forget();
            }
            if !followed {
                // Back or forward: to the place the entry was left at, once tall enough.
                crate::scroll_memory::restore();
                // And the keyboard to the link of the article left, where the view lists it.
                if let Some(Route::Article { slug, .. }) =
                    before.filter(|_| !matches!(route, Route::Article { .. }))
                {
                    gloo::timers::callback::Timeout::new(0, move || crate::nav::focus_link_to_article(&slug))
                        .forget();
                }
            }
        });
    }

    // A search typed over an article, the timeline or an entity page, while nothing else has
    // been chosen since: clearing it returns there, as cancelling it would, not to the home
    // page. Its first keystroke added one history entry, so back is the way.
    let typed_over = use_mut_ref(|| false);
    {
        let typed_over = typed_over.clone();
        use_effect_with((*route).clone(), move |route| {
            let only_typed =
                matches!(route, Route::Search(e) if *e == Explore { q: e.q.clone(), ..Explore::default() });
            if !only_typed {
                *typed_over.borrow_mut() = false;
            }
        });
    }

    let oninput = {
        let route = route.clone();
        Callback::from(move |q: String| {
            // Typing keeps the facets chosen; from an article or the timeline it starts afresh.
            let base = match &*route {
                Route::Search(_) if q.trim().is_empty() && *typed_over.borrow() => {
                    *typed_over.borrow_mut() = false;
                    crate::location::flush_typed();
                    let _ = gloo::utils::history().back();
                    return;
                }
                Route::Search(e) => e.clone(),
                // The box emptied (Esc) over an article opened from a search: the reader cleared
                // that search, not asked to leave what they are reading. Its marks and their
                // navigator go with it, in place (back still returns to the results).
                Route::Article { slug, from, at } if q.trim().is_empty() => {
                    if !from.q.is_empty() {
                        let from = Explore { q: String::new(), ..from.clone() };
                        let next = Route::Article { slug: slug.clone(), from, at: *at };
                        crate::location::write(&next, true);
                        route.set(next);
                    }
                    return;
                }
                // Over the timeline or an entity, likewise: nothing to leave.
                Route::Timeline { .. } | Route::Entity { .. } | Route::NotFound(_) if q.trim().is_empty() => {
                    return;
                }
                Route::Article { .. } | Route::Timeline { .. } | Route::Entity { .. } => {
                    *typed_over.borrow_mut() = true;
                    Explore::default()
                }
                _ => Explore::default(),
            };
            let next = Explore { q, ..base }.route();
            // Typing replaces the history entry, so that back goes to the previous view rather
            // than through every keystroke.
            if matches!(*route, Route::Search(_)) {
                crate::location::replace_after_pause(&next);
            } else {
                crate::location::write(&next, false);
            }
            route.set(next);
        })
    };

    // The entity's page or the timeline an article was opened from, by a link: its way back
    // leads there. Kept while the same article stays (its search cleared, say); not kept in the
    // URL, so an article reached by back or forward, or reloaded, goes back to the exploration
    // its URL names, as before.
    let opened_from = use_mut_ref(|| (None::<Route>, None::<Route>));
    let came_from = {
        let mut o = opened_from.borrow_mut();
        if o.0.as_ref() != Some(&*route) {
            let before = o.0.replace((*route).clone());
            let same_article = matches!(
                (&before, &*route),
                (Some(Route::Article { slug: a, .. }), Route::Article { slug: b, .. }) if a == b
            );
            if !same_article {
                o.1 = before.filter(|b| {
                    matches!(b, Route::Entity { .. } | Route::Timeline { .. })
                        && matches!(*route, Route::Article { .. })
                        && crate::location::followed_to(&route)
                });
            }
        }
        o.1.clone()
    };
    let view = match &*route {
        Route::Home => html! { <SearchView explore={ Explore::default() } /> },
        Route::Search(e) => html! { <SearchView explore={ e.clone() } /> },
        Route::Article { slug, from, at } => {
            html! { <ArticleView slug={ slug.clone() } from={ from.clone() } at={ *at } {came_from} /> }
        }
        // Keyed by their route: another period or entity is a fresh view, its pages of "Show
        // more" back at the first from its first render.
        Route::Timeline { by, from, to, at } => {
            html! { <TimelineView key={ route.href() } by={ *by } from={ *from } to={ *to } at={ *at } /> }
        }
        Route::Entity { kind, slug } => {
            html! { <EntityView key={ route.href() } kind={ kind.clone() } slug={ slug.clone() } /> }
        }
        Route::NotFound(path) => html! { <NotFound path={ path.clone() } /> },
    };

    let embedded = crate::location::query_mode();
    let name = AttrValue::from(crate::data::data().index.display_name().to_string());
    html! {
        <div class="rr-app">
            // The first stop of Tab: past the header, to the view (a reader on the keyboard
            // otherwise tabs through the brand, the box, the sections and the theme first).
            <button type="button" class="rr-skip" onclick={ crate::nav::focus_on("rr-main".to_string()) }>
                { "Skip to content" }
            </button>
            <header class="rr-header">
                <a class="rr-brand" href={ Route::Home.href() }>{ crate::data::data().index.display_name() }</a>
                <SearchBox value={ AttrValue::from(route.explore().q) } {oninput} />
                <nav class="rr-nav" aria-label="Sections">
                    <a href={ Route::Home.href() } aria-current={ matches!(*route, Route::Home | Route::Search(_)).then_some("page") }>{ "Articles" }</a>
                    <a href={ Route::Timeline { by: crate::route::Zoom::Decade, from: None, to: None, at: None }.href() } aria-current={ matches!(*route, Route::Timeline { .. }).then_some("page") }>{ "Timeline" }</a>
                </nav>
                <crate::components::theme_toggle::ThemeToggle />
            </header>
            // Embedded, the host page has its own <main>: the app is a region of it, named.
            <@{ if embedded { "section" } else { "main" } } id="rr-main" tabindex="-1" class="rr-main" aria-label={ embedded.then(|| name.clone()) }>
                <ContextProvider<crate::shards::ShardsLoaded> context={ (*shards_loaded).clone() }>
                    { view }
                </ContextProvider<crate::shards::ShardsLoaded>>
            </@>
            <footer class="rr-footer">
                <p>{ format!("{} articles · searchable offline, in your browser", crate::data::data().index.articles.len()) }</p>
            </footer>
        </div>
    }
}
