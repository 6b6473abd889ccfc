//! `GET /`: a minimal page that posts an application form to `/applications`. The browser
//! form of mentor-wasm (`bash mentor-wasm/serve.sh`) checks a form as it is typed; this page
//! only sends the JSON and shows the answer, so the service can be tried without a build.

use axum::response::Html;

/// The page: a JSON form in a text area, sent with `fetch`, the answer shown below.
pub async fn form_page() -> Html<&'static str> {
    Html(include_str!("page.html"))
}
