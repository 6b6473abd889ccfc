//! Input integrity (issue 16): nothing silently lost or changed, nothing wrongly refused.
//! Each test names the rule it checks; the inputs are the general cases, not one example.

use mentor_core::application;
use mentor_core::eligibility;
use mentor_core::policy::Policy;
use mentor_core::{FieldError, Lang};
use serde_json::{Value, json};

/// A valid application form (DESIGN 4.2).
fn form() -> Value {
    json!({
        "offer_id": "mentor-web-2026",
        "applicant": {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.org", "country": "GB"},
        "subjects": [{"subject": "python", "level": "proficient"}],
        "consent": {"data_processing": true},
    })
}

/// The `(path, code)` of every error of `form`, or nothing when it is valid.
fn errors(form: &Value) -> Vec<(String, String)> {
    match application::validate(form, &Policy::default()).result {
        Ok(_) => Vec::new(),
        Err(errors) => codes(&errors),
    }
}

fn codes(errors: &[FieldError]) -> Vec<(String, String)> {
    errors.iter().map(|e| (e.path.clone(), e.code.as_str().to_owned())).collect()
}

fn with(path: [&str; 2], value: &str) -> Value {
    let mut f = form();
    f[path[0]][path[1]] = json!(value);
    f
}

/// Format characters (Unicode Cf) are invisible: in an e-mail, a phone or a registration
/// number they make a second identity that looks like the first and escapes duplicate
/// detection. Every kind of them is refused there with `invalid_characters`.
#[test]
fn identifiers_refuse_invisible_characters() {
    let invisible = ['\u{200b}', '\u{200c}', '\u{200d}', '\u{200e}', '\u{200f}', '\u{2060}', '\u{feff}', '\u{ad}', '\u{202a}', '\u{2066}', '\u{e0041}', '\u{61c}'];
    for c in invisible {
        let email = format!("ada{c}@example.org");
        assert_eq!(errors(&with(["applicant", "email"], &email)), [("applicant.email".to_owned(), "invalid_characters".to_owned())], "U+{:04X}", c as u32);
        let phone = format!("+33 6 12{c} 34 56 78");
        assert_eq!(errors(&with(["applicant", "phone"], &phone)), [("applicant.phone".to_owned(), "invalid_characters".to_owned())], "U+{:04X}", c as u32);
        let situation = json!({"country": "FR", "status": "freelancer", "business": {"registration_number": format!("732 829 320{c} 00074")}});
        let refused = eligibility::evaluate_json(&situation, &Policy::default(), Lang::En).err().map(|e| codes(&e.errors));
        assert_eq!(refused, Some(vec![("business.registration_number".to_owned(), "invalid_characters".to_owned())]), "U+{:04X}", c as u32);
    }
    // The same addresses without them are fine, and so are letters of any script.
    assert!(errors(&with(["applicant", "email"], "élise@exemple.fr")).is_empty());
}

/// Names may need the joiners and direction marks (Persian, Indic, right-to-left scripts),
/// but never a zero-width space, a word joiner, a byte-order mark or a tag character.
#[test]
fn names_keep_joiners_and_refuse_invisible_spaces() {
    for name in ["می\u{200c}خواهم", "क्\u{200d}ष", "\u{200f}דוד"] {
        assert!(errors(&with(["applicant", "first_name"], name)).is_empty(), "{name:?}");
    }
    for c in ['\u{200b}', '\u{2060}', '\u{feff}', '\u{e0041}'] {
        let name = format!("A{c}da");
        assert_eq!(errors(&with(["applicant", "first_name"], &name)), [("applicant.first_name".to_owned(), "invalid_characters".to_owned())], "U+{:04X}", c as u32);
    }
}
