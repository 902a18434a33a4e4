//! Navigation from inside a view: the route is the URL, so a view changes the URL and the app
//! follows its hashchange, as it does for links.

use crate::route::Route;

pub fn go(route: &Route) {
    if let Err(e) = gloo::utils::window().location().set_hash(&route.to_hash()) {
        gloo::console::error!("could not change the view", e);
    }
}
