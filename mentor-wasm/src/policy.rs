//! The operator's policy (`docs/policy.md`) as a handle: parsed once, passed to many calls.

use std::cell::RefCell;
use std::rc::Rc;

use mentor_core::error::{Detail, ErrorCode, FieldError};
use mentor_core::policy::{Policy as CorePolicy, PolicyError};
use mentor_core::{Lang, Text};
use wasm_bindgen::prelude::*;

use crate::convert::from_js;
use crate::errors::{input_error, policy_error};

// wasm-bindgen passes an exported struct to Rust by reference only when the argument is
// required (`Option<&Policy>` is not supported), and taking it by value would consume the
// caller's object. So the calls take the policy as a plain JS value and find the loaded policy
// through its handle (one getter call, no copy): the handle is its slot in `LOADED`.
thread_local! {
    static LOADED: RefCell<Vec<Option<Rc<CorePolicy>>>> = const { RefCell::new(Vec::new()) };
    static DEFAULT: Rc<CorePolicy> = Rc::new(CorePolicy::default());
}

#[wasm_bindgen]
extern "C" {
    /// A JS value passed where a [`Policy`] is expected.
    type PolicyArgument;

    /// The handle of a [`Policy`] (its `__handle` getter); `undefined` for another object, an
    /// exception for a policy already freed.
    #[wasm_bindgen(method, getter, js_name = __handle, catch)]
    fn handle(this: &PolicyArgument) -> Result<Option<u32>, JsValue>;
}

/// Whether `value` is a [`Policy`] (live or freed): it has the `__handle` its class defines.
pub(crate) fn is_policy(value: &JsValue) -> bool {
    value.is_object() && js_sys::Reflect::has(value, &JsValue::from_str("__handle")).unwrap_or(false)
}

const A_POLICY: Text = Text::new(
    "a Policy (new Policy(), Policy.fromJson(text)…)",
    "une Policy (new Policy(), Policy.fromJson(texte)…)",
);

/// The policy of a call: the one given, or the documented defaults when `undefined` or `null`.
///
/// # Errors
/// `invalid_input` (`invalid_type` at path `policy`) for a value that is not a live [`Policy`]
/// (a plain object, or a policy already freed).
pub(crate) fn resolve(policy: &JsValue, lang: Lang) -> Result<Rc<CorePolicy>, JsValue> {
    if policy.is_undefined() || policy.is_null() {
        return Ok(DEFAULT.with(Rc::clone));
    }
    let found = if policy.is_object() {
        let handle = wasm_bindgen::JsCast::unchecked_ref::<PolicyArgument>(policy)
            .handle()
            .ok()
            .flatten();
        handle.and_then(|h| LOADED.with(|loaded| loaded.borrow().get(h as usize).cloned().flatten()))
    } else {
        None
    };
    found.ok_or_else(|| {
        input_error(
            vec![FieldError::with(
                "policy",
                ErrorCode::InvalidType,
                Detail::Expected(A_POLICY),
            )],
            lang,
        )
    })
}

/// An operator's policy (`docs/policy.md`): accepted offers, employer sectors that suit WS-2,
/// excluded countries, subject demand, contact deadlines, review weights. Parse it once and
/// pass it to the calls that take one; `new Policy()` holds the documented defaults.
///
/// ```js
/// const policy = Policy.fromJson({ excluded_countries: ["JP"], demand: { python: "urgent" } });
/// evaluateEligibility({ country: "JP", status: "freelancer" }, policy).outcome; // "ineligible"
/// policy.free(); // optional: the memory is also reclaimed when the object is collected
/// ```
#[wasm_bindgen]
pub struct Policy {
    handle: u32,
}

impl Policy {
    fn loaded(policy: CorePolicy) -> Policy {
        let policy = Some(Rc::new(policy));
        let handle = LOADED.with(|loaded| {
            let mut loaded = loaded.borrow_mut();
            match loaded.iter_mut().enumerate().find(|(_, slot)| slot.is_none()) {
                Some((free, slot)) => {
                    *slot = policy;
                    free
                }
                None => {
                    loaded.push(policy);
                    loaded.len() - 1
                }
            }
        });
        // More than 4 billion policies alive at once cannot fit in a 4 GiB memory.
        Policy {
            handle: u32::try_from(handle).unwrap_or(u32::MAX),
        }
    }
}

impl Drop for Policy {
    fn drop(&mut self) {
        // `free()`, or the JS garbage collector: the slot is reused by the next policy.
        let _ = LOADED.try_with(|loaded| {
            if let Some(slot) = loaded.borrow_mut().get_mut(self.handle as usize) {
                *slot = None;
            }
        });
    }
}

#[wasm_bindgen]
impl Policy {
    /// The default policy (every key of `docs/policy.md` at its default).
    #[wasm_bindgen(constructor)]
    #[expect(
        clippy::new_without_default,
        reason = "a JS constructor; `Default` would not be visible from JS"
    )]
    #[must_use]
    pub fn new() -> Policy {
        Policy::loaded(CorePolicy::default())
    }

    /// Loads a policy from JSON text, or from the plain object that text would parse to
    /// (`mentor_core::policy::Policy::from_value`).
    ///
    /// Both go through a JSON value, so that the browser build carries one policy reader:
    /// syntax errors give their line and column, the others name the key but not its line.
    ///
    /// # Errors
    /// Throws `code` `"invalid_policy"` on a syntax error, an unknown key, or a value of the
    /// wrong type or out of bounds.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string | PolicyConfig")] text: JsValue,
    ) -> Result<Policy, JsValue> {
        let value = match text.as_string() {
            Some(text) => mentor_core::wire::parse_value(&text).map_err(PolicyError::from),
            None => from_js(&text).map_err(PolicyError::from),
        };
        load(value.and_then(|value| CorePolicy::from_value(&value)))
    }

    /// Loads a policy from TOML text, every key optional (`mentor_core::policy::Policy::from_toml`).
    /// Not in the browser build.
    ///
    /// # Errors
    /// Throws `code` `"invalid_policy"` on a syntax error, an unknown key, or a value of the
    /// wrong type or out of bounds; the message gives the line and column.
    #[cfg(feature = "toml")]
    #[wasm_bindgen(js_name = fromToml)]
    pub fn from_toml(
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<Policy, JsValue> {
        load(CorePolicy::from_toml(&text_of(&text)?))
    }

    /// Loads a policy from text that is JSON when it starts with `{`, TOML otherwise. Not in the
    /// browser build.
    ///
    /// # Errors
    /// As [`Policy::from_toml`].
    #[cfg(feature = "toml")]
    #[wasm_bindgen(js_name = fromText)]
    pub fn from_text(
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<Policy, JsValue> {
        load(CorePolicy::from_text(&text_of(&text)?))
    }

    /// The handle by which calls find this policy (internal).
    #[wasm_bindgen(getter, js_name = __handle, skip_typescript)]
    #[must_use]
    pub fn handle(&self) -> u32 {
        self.handle
    }
}

fn load(result: Result<CorePolicy, PolicyError>) -> Result<Policy, JsValue> {
    result.map(Policy::loaded).map_err(|e| policy_error(&e))
}

/// The policy's text, or the `invalid_policy` error that says it is not a string.
#[cfg(feature = "toml")]
fn text_of(text: &JsValue) -> Result<String, JsValue> {
    text.as_string().ok_or_else(|| {
        let expected = mentor_core::Text::new(
            "the policy's text, a string",
            "le texte de la politique, une chaîne",
        );
        policy_error(&PolicyError::from(mentor_core::FieldError::with(
            "",
            mentor_core::ErrorCode::InvalidType,
            mentor_core::error::Detail::Expected(expected),
        )))
    })
}
