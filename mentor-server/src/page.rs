//! `GET /`: mentor-wasm's demo form (`mentor-wasm/demo/`), the form that checks an application
//! as it is typed in the browser (mentor-core compiled to WebAssembly), served so that it
//! **posts to `/applications`** and shows the service's answer.
//!
//! # What is served
//!
//! With a web directory (mentor-wasm's directory: `--web DIR`, by default the source tree's
//! `mentor-wasm/` when it is found at start) that holds the demo and its browser build
//! (`pkg/web/`, made by `bash mentor-wasm/build.sh`):
//!
//! | path | file |
//! |---|---|
//! | `/` | `demo/index.html`, with [`APPLICATIONS_META`] added in its `<head>` |
//! | `/app.js`, `/labels.js`, `/style.css` | the same names under `demo/` |
//! | `/pkg/web/…` | the browser build, which `app.js` imports as `../pkg/web/js/wrapper.js` |
//!
//! The page's own relative addresses resolve to these paths, so the page is served unchanged
//! but for the meta element. That element is how the page knows it is served by mentor-server:
//! `app.js` posts the form to its `content` only when it is there; served by itself
//! (`node mentor-wasm/demo/serve.mjs`) the page checks the form and posts nothing, as before.
//!
//! Without a web directory, or when the demo or its browser build is missing, `GET /` answers
//! 200 with a short page saying how to build it, and a plain JSON form that posts to
//! `/applications` meanwhile (no 404: the service is usable before the build).

use std::path::{Path, PathBuf};

use axum::extract::State;
use axum::response::Html;

use crate::Shared;

/// The element `GET /` adds to the demo's `<head>`: where the page posts the form.
pub const APPLICATIONS_META: &str = r#"<meta name="mentor-applications" content="/applications">"#;

/// The demo's files served at the root besides the page, each under the web directory's `demo/`.
pub const DEMO_FILES: [&str; 3] = ["app.js", "labels.js", "style.css"];

/// The page served when the demo cannot be: how to build it, and a JSON form meanwhile.
pub const FALLBACK_PAGE: &str = include_str!("fallback.html");

/// The file the browser build is checked by: the entry `app.js` imports.
const BROWSER_ENTRY: &str = "pkg/web/js/wrapper.js";

/// The demo's page, `demo/index.html` under `web`, when it and the browser build
/// (`pkg/web/js/wrapper.js`) are both there.
#[must_use]
pub fn demo_index(web: &Path) -> Option<PathBuf> {
    let index = web.join("demo").join("index.html");
    (index.is_file() && web.join(BROWSER_ENTRY).is_file()).then_some(index)
}

/// `GET /`: the demo's page with [`APPLICATIONS_META`] added, read at each request (a rebuilt
/// demo is served without a restart); [`FALLBACK_PAGE`] when there is no web directory, the
/// demo or its browser build is missing, or the page cannot be read (logged, without the path's
/// contents).
pub async fn form_page(State(service): State<Shared>) -> Html<String> {
    let Some(index) = service.web.as_deref().and_then(demo_index) else {
        return Html(FALLBACK_PAGE.to_owned());
    };
    match tokio::fs::read_to_string(&index).await {
        Ok(page) => Html(with_meta(&page)),
        Err(error) => {
            tracing::warn!(path = %index.display(), %error, "the demo page could not be read");
            Html(FALLBACK_PAGE.to_owned())
        }
    }
}

/// `page` with [`APPLICATIONS_META`] right after its `<head>` (at its start when it has none).
fn with_meta(page: &str) -> String {
    match page.find("<head>") {
        Some(at) => {
            let end = at + "<head>".len();
            format!(
                "{}\n  {APPLICATIONS_META}{}",
                page.get(..end).unwrap_or_default(),
                page.get(end..).unwrap_or_default()
            )
        }
        None => format!("{APPLICATIONS_META}\n{page}"),
    }
}
