//! A small static file server for the web build (tiny_http): loopback only, the build's own
//! files only, with the MIME types module scripts and wasm streaming require.

use crate::tools::Result;
use crate::web::Built;
use std::path::{Component, Path};
use tiny_http::{Header, Response, Server};

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}

pub fn serve(built: &Built, port: u16) -> Result {
    let addr = format!("127.0.0.1:{port}");
    let server = Server::http(&addr).map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    println!("Reading Room is at http://{addr}/");
    println!("Offline copy:     {}", built.dist.join("standalone.html").display());
    println!("(Ctrl-C stops the server)");
    for request in server.incoming_requests() {
        let url = request.url().split(['?', '#']).next().unwrap_or("/").to_string();
        let rel = url.trim_start_matches('/');
        let rel =
            if rel.is_empty() || rel.ends_with('/') { format!("{rel}index.html") } else { rel.to_string() };
        let rel_path = Path::new(&rel);
        let safe = rel_path.components().all(|c| matches!(c, Component::Normal(_)));
        let file = built.dist.join(rel_path);
        let response = match safe.then(|| std::fs::read(&file)) {
            Some(Ok(bytes)) => {
                let header = Header::from_bytes("Content-Type", content_type(&file)).expect("valid header");
                Response::from_data(bytes).with_header(header)
            }
            _ => Response::from_string("not found").with_status_code(404),
        };
        let _ = request.respond(response);
    }
    Ok(())
}
