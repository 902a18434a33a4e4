//! Light, dark, or as the system says: a toggle that sets `data-theme` on the app's root and
//! remembers the choice (where the browser lets a page store anything).

use wasm_bindgen::JsCast;
use yew::prelude::*;

const KEY: &str = "readingroom-theme";
const CHOICES: [&str; 3] = ["auto", "light", "dark"];
/// Dispatched on the app's root by embed.js when the host page changes its element's theme.
const HOST_THEME: &str = "readingroom:theme";

fn storage() -> Option<web_sys::Storage> {
    // Storage can be missing or refuse (private modes, some file:// settings): then the choice
    // lasts for the page only.
    gloo::utils::window().local_storage().ok().flatten()
}

fn apply(theme: &str) {
    let root = crate::location::root();
    {
        let _ = if theme == "auto" {
            root.remove_attribute("data-theme")
        } else {
            root.set_attribute("data-theme", theme)
        };
    }
}

/// The theme chosen at start: the stored one, else the root's `data-theme` (a host page's
/// choice, see the embedding guide), else the system's.
pub fn initial() -> String {
    let stored = storage().and_then(|s| s.get_item(KEY).ok().flatten());
    let from_host = || crate::location::root().get_attribute("data-theme");
    stored.or_else(from_host).filter(|t| CHOICES.contains(&t.as_str())).unwrap_or_else(|| "auto".into())
}

#[function_component(ThemeToggle)]
pub fn theme_toggle() -> Html {
    let theme = use_state(initial);
    {
        let theme = (*theme).clone();
        use_effect_with(theme, |t| apply(t));
    }
    {
        // Embedded: a host page that switches its own theme (a site-wide dark mode) sets
        // data-theme on its element, and embed.js passes it on. The host's switch is the
        // reader's latest choice, so it wins over the one stored.
        let theme = theme.clone();
        use_effect_with((), move |_| {
            let listener = gloo::events::EventListener::new(&crate::location::root(), HOST_THEME, move |e| {
                let chosen = e
                    .dyn_ref::<web_sys::CustomEvent>()
                    .and_then(|e| e.detail().as_string())
                    .filter(|t| CHOICES.contains(&t.as_str()));
                if let Some(t) = chosen {
                    if let Some(s) = storage() {
                        let _ = s.remove_item(KEY);
                    }
                    theme.set(t);
                }
            });
            move || drop(listener)
        });
    }
    let onclick = {
        let theme = theme.clone();
        Callback::from(move |_: MouseEvent| {
            let i = CHOICES.iter().position(|c| *c == *theme).unwrap_or(0);
            let next = CHOICES[(i + 1) % CHOICES.len()];
            if let Some(s) = storage() {
                let _ = s.set_item(KEY, next);
            }
            theme.set(next.to_string());
        })
    };
    let label = match theme.as_str() {
        "light" => "Light",
        "dark" => "Dark",
        _ => "Auto",
    };
    html! {
        <button type="button" class="rr-theme" {onclick} aria-label={ format!("Colour theme: {label}. Change") }
            title="Colour theme: automatic, light or dark">
            <span aria-hidden="true">{ match theme.as_str() { "light" => "☀", "dark" => "☾", _ => "◐" } }</span>
            <span class="rr-theme-label">{ label }</span>
        </button>
    }
}
