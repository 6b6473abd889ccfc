//! The options every call takes after its inputs (issue 16): one object `{policy, lang, now}`,
//! each key optional, only the keys the call uses.
//!
//! ```js
//! validateApplication(form, { policy, lang: "fr" });
//! evaluateEligibility(situation, { lang: "fr" });
//! triage(forms, { policy, now: "2026-11-30T09:00:00Z" });
//! ```
//!
//! Deprecated, kept for this release: the positional arguments of earlier releases, whose
//! order differed from call to call (`validateApplication(form, lang, policy)` but
//! `evaluateEligibility(situation, policy, lang)`, `triage(forms, policy, now, lang)`). A call
//! reads its arguments as options when the first one after its inputs is a plain object (not a
//! `Policy`, an array or a `Date`) and no other follows; otherwise positionally, as before.

use js_sys::{Array, Object, Reflect};
use mentor_core::Lang;
use mentor_core::error::{ErrorCode, FieldError};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use crate::convert;
use crate::errors::input_error;

/// The options' type, beside the generated `Policy` class it names (`types/wire.d.ts` holds
/// the wire's shapes, which compile on their own).
#[wasm_bindgen(typescript_custom_section)]
const CALL_OPTIONS: &str = r#"
/**
 * The options every call takes after its inputs (`evaluateEligibility(situation, { policy,
 * lang: "fr" })`), each optional; a call takes only the keys its documentation lists (another
 * is `unknown_field` at `options.<key>`). The positional arguments of earlier releases still
 * work for this release and are deprecated.
 */
export interface CallOptions {
  /** A loaded policy (default: the documented defaults). */
  policy?: Policy;
  /** The language of messages (default `"en"`). */
  lang?: Lang;
  /** The current instant, for `triage` and `verifyWebhook` (default: the clock). */
  now?: string | Date;
}
"#;

/// One option, and what a position meant in the deprecated positional order.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Opt {
    /// `policy`: a `Policy` (default: the documented defaults).
    Policy,
    /// `lang`: `"en"` (default) or `"fr"`.
    Lang,
    /// `now`: an RFC 3339 string or a `Date` (default: the current time).
    #[cfg(feature = "now")]
    Now,
}

impl Opt {
    const fn key(self) -> &'static str {
        match self {
            Opt::Policy => "policy",
            Opt::Lang => "lang",
            #[cfg(feature = "now")]
            Opt::Now => "now",
        }
    }
}

/// A call's options, as given (`undefined` where absent); `lang` already read.
pub(crate) struct Options {
    pub(crate) policy: JsValue,
    pub(crate) lang: Lang,
    #[cfg(feature = "now")]
    pub(crate) now: JsValue,
}

/// Reads the arguments after a call's inputs: an options object with the keys `takes`, or the
/// positional arguments in the order `takes` lists (deprecated).
///
/// # Errors
/// `invalid_input`: `unknown_field` at `options.<key>` for a key the call does not take; a
/// `lang` that is not `"en"` or `"fr"` (`invalid_enum` at `lang`).
pub(crate) fn read(args: &[&JsValue], takes: &[Opt]) -> Result<Options, JsValue> {
    let (mut policy, mut lang) = (JsValue::UNDEFINED, JsValue::UNDEFINED);
    #[cfg(feature = "now")]
    let mut now = JsValue::UNDEFINED;
    let mut set = |opt: Opt, value: JsValue| match opt {
        Opt::Policy => policy = value,
        Opt::Lang => lang = value,
        #[cfg(feature = "now")]
        Opt::Now => now = value,
    };
    let rest_absent = args.iter().skip(1).all(|a| a.is_undefined());
    let mut unknown = Vec::new();
    if let Some(first) = args
        .first()
        .copied()
        .filter(|first| is_options_object(first) && rest_absent)
    {
        let object: &Object = first.unchecked_ref();
        for key in Object::keys(object).iter().filter_map(|k| k.as_string()) {
            match takes.iter().find(|opt| opt.key() == key) {
                Some(opt) => set(
                    *opt,
                    Reflect::get(object, &JsValue::from_str(&key)).unwrap_or(JsValue::UNDEFINED),
                ),
                None => unknown.push(FieldError::new(format!("options.{key}"), ErrorCode::UnknownField)),
            }
        }
    } else {
        for (arg, opt) in args.iter().zip(takes) {
            set(*opt, (*arg).clone());
        }
    }
    let lang = convert::lang(&lang)?;
    if !unknown.is_empty() {
        return Err(input_error(unknown, lang));
    }
    Ok(Options {
        policy,
        lang,
        #[cfg(feature = "now")]
        now,
    })
}

/// A plain object of options: an object that is not an array, a `Date` or a `Policy`.
fn is_options_object(value: &JsValue) -> bool {
    value.is_object()
        && !Array::is_array(value)
        && !value.is_instance_of::<js_sys::Date>()
        && !crate::policy::is_policy(value)
}
