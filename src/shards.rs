//! Article bodies from shards (see `readingroom_core::shards`), loaded when a view first asks
//! for one: over http with fetch, from file:// with a script element (browsers refuse fetch
//! there). A shard that is missing or damaged is remembered as failed with a reason, which the
//! view shows in place; everything else keeps working. Views subscribe to [`ShardsLoaded`]
//! through the context, so they render again when a shard arrives.

use crate::data::data;
use gloo::events::EventListener;
use readingroom_core::shards::{decode, ShardTable};
use readingroom_core::Article;
use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Loaded shards kept at once: enough for a page of results and the articles opened from it,
/// while a reader browsing a 100,000-article archive all day keeps memory flat.
const KEEP: usize = 64;

/// Bumped each time a shard arrives or fails; views that read bodies use it as a context.
#[derive(Clone, Default, PartialEq)]
pub struct ShardsLoaded(pub u32);

impl Reducible for ShardsLoaded {
    type Action = ();
    fn reduce(self: Rc<Self>, _: ()) -> Rc<Self> {
        Rc::new(ShardsLoaded(self.0.wrapping_add(1)))
    }
}

enum Slot {
    Loading,
    /// The shard's articles, whole: restored once when the shard arrives, so that rendering a
    /// page of snippets on every keystroke copies no bodies.
    Ready(Rc<[Rc<Article>]>),
    Failed(Rc<str>),
}

#[derive(Default)]
struct Store {
    slots: HashMap<u32, Slot>,
    /// Ready shards, oldest first, for eviction.
    ready: VecDeque<u32>,
    changed: Option<Callback<()>>,
    /// The frame that tells `changed`: shards arriving together (a page of results asks for
    /// several) cost one render, not one each.
    frame: Option<gloo::render::AnimationFrame>,
    /// Script loads in flight (file://): their load and error listeners.
    scripts: HashMap<u32, (EventListener, EventListener)>,
}

thread_local! {
    static STORE: RefCell<Store> = RefCell::new(Store::default());
}

/// Where an article's body stands.
pub enum BodyState {
    Ready,
    Loading,
    Failed(Rc<str>),
}

/// An article as a view gets it: the light one of the index (all of it, for an archive without
/// shards), or one restored from its shard.
pub enum Full {
    Light(&'static Article),
    Restored(Rc<Article>),
}

impl std::ops::Deref for Full {
    type Target = Article;
    fn deref(&self) -> &Article {
        match self {
            Full::Light(a) => a,
            Full::Restored(a) => a,
        }
    }
}

/// Article `doc` with its body when it is at hand (always, for an archive without shards),
/// else without it and why; asking starts the load.
pub fn article(doc: u32) -> (Full, BodyState) {
    let found = peek(doc);
    if let (_, BodyState::Loading) = &found {
        if let Some(k) = data().index.shard_of(doc) {
            request(k);
        }
    }
    found
}

/// Starts loading the shards of `docs` (those not loaded or loading yet).
pub fn prefetch(docs: impl IntoIterator<Item = u32>) {
    let d = data();
    for doc in docs {
        if let Some(k) = d.index.shard_of(doc) {
            request(k);
        }
    }
}

/// [`article`] without starting a load: for results that are still changing under the reader's
/// fingers, whose shards are fetched once the typing pauses ([`prefetch`]).
pub fn peek(doc: u32) -> (Full, BodyState) {
    let d = data();
    let light = &d.index.articles[doc as usize];
    let (Some(table), Some(k)) = (d.index.shards.as_ref(), d.index.shard_of(doc)) else {
        return (Full::Light(light), BodyState::Ready);
    };
    let start = table.docs(k, d.index.articles.len() as u32).start;
    let state = STORE.with(|s| match s.borrow().slots.get(&k) {
        Some(Slot::Ready(articles)) => Ok(articles.get((doc - start) as usize).cloned()),
        Some(Slot::Failed(why)) => Err(Some(why.clone())),
        Some(Slot::Loading) => Err(None),
        None => Err(None),
    });
    match state {
        Ok(Some(full)) => (Full::Restored(full), BodyState::Ready),
        Ok(None) => (Full::Light(light), BodyState::Failed("the shard does not hold this article".into())),
        Err(Some(why)) => (Full::Light(light), BodyState::Failed(why)),
        Err(None) => (Full::Light(light), BodyState::Loading),
    }
}

/// Tells `changed` whenever a shard arrives or fails (the app root bumps [`ShardsLoaded`]).
pub fn on_change(changed: Callback<()>) {
    STORE.with(|s| s.borrow_mut().changed = Some(changed));
}

/// The URL of a shard file: beside the build's page, which for an embed is the folder of
/// `embed.js` (it hands it over as `data-build-url`), not the host's page.
fn url(k: u32, ext: &str) -> Option<String> {
    let base = crate::location::root()
        .get_attribute("data-build-url")
        .or_else(|| gloo::utils::document().base_uri().ok().flatten())?;
    let path = format!("shards/{}.{ext}", ShardTable::name(k));
    web_sys::Url::new_with_base(&path, &base).ok().map(|u| u.href())
}

fn from_file() -> bool {
    gloo::utils::window().location().protocol().is_ok_and(|p| p == "file:")
}

fn request(k: u32) {
    let asked = STORE.with(|s| {
        let mut s = s.borrow_mut();
        if s.slots.contains_key(&k) {
            return false;
        }
        s.slots.insert(k, Slot::Loading);
        true
    });
    if !asked {
        return;
    }
    if from_file() {
        load_script(k);
    } else {
        wasm_bindgen_futures::spawn_local(fetch(k));
    }
}

async fn fetch(k: u32) {
    let Some(url) = url(k, "bin") else {
        return settle(k, Err("its address could not be formed".into()));
    };
    let name = format!("shards/{}.bin", ShardTable::name(k));
    let got = async {
        let promise = gloo::utils::window().fetch_with_str(&url);
        let response: web_sys::Response = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .map_err(|_| format!("{name} could not be fetched (network error)"))?
            .unchecked_into();
        if !response.ok() {
            return Err(format!("{name} could not be fetched (HTTP {})", response.status()));
        }
        let buffer = response.array_buffer().map_err(|_| format!("{name} could not be read"))?;
        let buffer = wasm_bindgen_futures::JsFuture::from(buffer)
            .await
            .map_err(|_| format!("{name} could not be read"))?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }
    .await;
    settle(k, got.and_then(|bytes| parse(k, &name, &bytes)));
}

/// The script form calls `__readingRoomShard(k, base64)`; defined once, on first use.
fn install_callback() {
    let window = gloo::utils::window();
    if js_sys::Reflect::has(&window, &"__readingRoomShard".into()).unwrap_or(false) {
        return;
    }
    let deliver = Closure::<dyn Fn(u32, String)>::new(|k: u32, b64: String| {
        let name = format!("shards/{}.js", ShardTable::name(k));
        let bytes = gloo::utils::window()
            .atob(&b64)
            .map_err(|_| format!("{name} is damaged (its data is not base64)"))
            .map(|s| s.chars().map(|c| c as u32 as u8).collect::<Vec<u8>>());
        settle(k, bytes.and_then(|b| parse(k, &name, &b)));
    });
    let _ = js_sys::Reflect::set(&window, &"__readingRoomShard".into(), deliver.as_ref());
    // Lives as long as the page.
    deliver.forget();
}

fn load_script(k: u32) {
    install_callback();
    let name = format!("shards/{}.js", ShardTable::name(k));
    let document = gloo::utils::document();
    let (Some(url), Ok(script)) = (url(k, "js"), document.create_element("script")) else {
        return settle(k, Err(format!("{name} could not be requested")));
    };
    let _ = script.set_attribute("src", &url);
    let on_load = {
        let name = name.clone();
        EventListener::once(&script, "load", move |_| {
            // The script ran: if it did not deliver its shard, it is not the one this build wrote.
            let pending = STORE.with(|s| matches!(s.borrow().slots.get(&k), Some(Slot::Loading)));
            if pending {
                settle(k, Err(format!("{name} is damaged (it did not deliver its text)")));
            }
            done_script(k);
        })
    };
    let on_error = EventListener::once(&script, "error", move |_| {
        settle(k, Err(format!("{name} is missing or cannot be read")));
        done_script(k);
    });
    STORE.with(|s| s.borrow_mut().scripts.insert(k, (on_load, on_error)));
    if let Some(head) = document.head() {
        let _ = head.append_child(&script);
    }
}

fn done_script(k: u32) {
    // Dropped after the current dispatch: removing a listener from inside it is fine for gloo.
    crate::later(move || {
        STORE.with(|s| s.borrow_mut().scripts.remove(&k));
    });
}

/// The articles of shard `k`, whole, from its bytes.
fn parse(k: u32, name: &str, bytes: &[u8]) -> Result<Rc<[Rc<Article>]>, String> {
    let d = data();
    let table = d.index.shards.as_ref().ok_or("this build has no shards")?;
    let docs = table.docs(k, d.index.articles.len() as u32);
    let parts = decode(table, k, docs.len(), bytes).map_err(|e| format!("{name} cannot be used: {e}"))?;
    Ok(parts
        .iter()
        .zip(&d.index.articles[docs.start as usize..])
        .map(|(h, a)| Rc::new(h.restore(a)))
        .collect())
}

fn settle(k: u32, got: Result<Rc<[Rc<Article>]>, String>) {
    // Whether a render is to be asked for (none is pending yet).
    let changed = STORE.with(|s| {
        let mut s = s.borrow_mut();
        match got {
            Ok(parts) => {
                s.slots.insert(k, Slot::Ready(parts));
                s.ready.push_back(k);
                while s.ready.len() > KEEP {
                    if let Some(old) = s.ready.pop_front() {
                        s.slots.remove(&old);
                    }
                }
            }
            Err(why) => {
                gloo::console::error!(format!("Reading Room: {why}"));
                s.slots.insert(k, Slot::Failed(why.into()));
            }
        }
        s.frame.is_none()
    });
    if changed {
        let frame = gloo::render::request_animation_frame(|_| {
            let changed = STORE.with(|s| {
                let mut s = s.borrow_mut();
                s.frame = None;
                s.changed.clone()
            });
            if let Some(changed) = changed {
                changed.emit(());
            }
        });
        STORE.with(|s| s.borrow_mut().frame = Some(frame));
    }
}
