//! What several test files share (`mod common;` in each; not a test target of its own).

use serde_json::{Value, json};

/// The smallest valid application form (`docs/wire-format.md#application-form`): an offer, an applicant with
/// the required fields, one subject, consent. Tests change one thing of it at a time.
pub fn minimal_form() -> Value {
    json!({
        "offer_id": "mentor-web-2026",
        "applicant": {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.org", "country": "GB"},
        "subjects": [{"subject": "python", "level": "proficient"}],
        "consent": {"data_processing": true},
    })
}
