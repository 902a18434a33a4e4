//! `window.readingRoom`: a small JavaScript API over the same search the app runs, for host
//! pages that want results without the interface, and for timing the engine in a browser.
//!
//! - `readingRoom.search(query, limit = 20)` → `[{ slug, title, date, outlet, kind, score }]`
//! - `readingRoom.count(query)` → the number of results (no objects built, no cache: the engine
//!   alone)

use crate::data::data;
use readingroom_core::Sort;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[derive(Serialize)]
struct ApiHit<'a> {
    slug: &'a str,
    title: &'a str,
    date: String,
    outlet: &'a str,
    kind: &'a str,
    score: f32,
}

fn search_js(query: String, limit: Option<u32>) -> JsValue {
    let d = data();
    let results = d.search(&query, Sort::Relevance);
    let hits: Vec<ApiHit> = results
        .hits
        .iter()
        .take(limit.unwrap_or(20) as usize)
        .map(|h| {
            let a = &d.index.articles[h.doc as usize];
            ApiHit {
                slug: &a.slug,
                title: &a.title,
                date: a.date.iso(),
                outlet: &a.outlet,
                kind: &a.kind,
                score: h.score,
            }
        })
        .collect();
    serde_wasm_bindgen::to_value(&hits).unwrap_or(JsValue::NULL)
}

fn count_js(query: String) -> u32 {
    let d = data();
    // The engine alone: not the app's clause cache, which would answer a repeated query from
    // memory and time nothing.
    readingroom_core::search(&d.index, &d.analyzer, &query, Sort::Relevance).hits.len() as u32
}

/// Defines `window.readingRoom`. The closures live as long as the page, hence `forget`.
pub fn install() {
    let api = js_sys::Object::new();
    let search = Closure::<dyn Fn(String, Option<u32>) -> JsValue>::new(search_js);
    let count = Closure::<dyn Fn(String) -> u32>::new(count_js);
    let ok = js_sys::Reflect::set(&api, &"search".into(), search.as_ref()).is_ok()
        && js_sys::Reflect::set(&api, &"count".into(), count.as_ref()).is_ok()
        && js_sys::Reflect::set(&gloo::utils::window(), &"readingRoom".into(), &api).is_ok();
    if !ok {
        gloo::console::error!("could not define window.readingRoom");
    }
    search.forget();
    count.forget();
}
