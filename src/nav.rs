//! Navigation from inside a view: the route is the URL, so a view changes the URL and the app
//! follows it, as it does for links.

pub use crate::location::go;
