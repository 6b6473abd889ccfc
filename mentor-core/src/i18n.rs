//! Languages of the messages the library renders (English and French).
//!
//! Every answer carries stable machine codes; the human message beside each code is rendered
//! in the caller's language only when the answer is turned into text or JSON, so the typed
//! decision itself never allocates a message.

use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;

/// A language the library writes its messages in.
///
/// Wire form: `"en"` or `"fr"`. Parsing accepts any ASCII case (`"FR"`).
///
/// ```
/// use mentor_core::Lang;
/// assert_eq!("fr".parse::<Lang>(), Ok(Lang::Fr));
/// assert_eq!(Lang::default(), Lang::En);
/// assert!("de".parse::<Lang>().is_err());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// English, the default.
    #[default]
    En,
    /// French.
    Fr,
}

impl Lang {
    /// The ISO 639-1 code of the language (`"en"`, `"fr"`).
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }
}

/// The error returned when a language code is not one the library writes (`en`, `fr`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unsupported language `{0}`: expected `en` or `fr`")]
pub struct UnsupportedLang(pub String);

impl std::str::FromStr for Lang {
    type Err = UnsupportedLang;

    /// # Errors
    /// [`UnsupportedLang`] for anything but `en` or `fr` (any ASCII case).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.eq_ignore_ascii_case("en") {
            Ok(Lang::En)
        } else if s.eq_ignore_ascii_case("fr") {
            Ok(Lang::Fr)
        } else {
            Err(UnsupportedLang(s.chars().take(16).collect()))
        }
    }
}

/// A short text known in both languages at compile time.
///
/// ```
/// use mentor_core::{Lang, Text};
/// const HELLO: Text = Text::new("hello", "bonjour");
/// assert_eq!(HELLO.get(Lang::Fr), "bonjour");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Text {
    /// The English text.
    pub en: &'static str,
    /// The French text.
    pub fr: &'static str,
}

impl Text {
    /// A text from its English and French forms.
    #[must_use]
    pub const fn new(en: &'static str, fr: &'static str) -> Self {
        Text { en, fr }
    }

    /// The text in `lang`.
    #[must_use]
    pub const fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Fr => self.fr,
        }
    }
}

/// An answer whose wire form holds messages: it is serialized in one language at a time, and
/// its messages are rendered only then, straight into the serializer (JSON text, a
/// `serde_json::Value`, a binding's native objects), without an intermediate tree.
///
/// Answers without messages implement [`Serialize`] instead. Slices, vectors and options of
/// localized answers are localized too.
///
/// ```
/// use mentor_core::{ErrorCode, FieldError, Lang, Localized};
/// let error = FieldError::new("applicant.email", ErrorCode::Required);
/// let text = serde_json::to_string(&error.render(Lang::Fr)).unwrap();
/// assert_eq!(text, r#"{"path":"applicant.email","code":"required","message":"ce champ est obligatoire"}"#);
/// assert_eq!(error.to_json(Lang::En)["message"], "this field is required");
/// ```
pub trait Localized {
    /// Writes the wire form, messages in `lang`, into `serializer`.
    ///
    /// # Errors
    /// Only the serializer's own errors.
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error>;

    /// The answer ready to serialize in `lang`; nothing is rendered until it is serialized.
    #[must_use]
    fn render(&self, lang: Lang) -> In<'_, Self> {
        In { value: self, lang }
    }

    /// The wire form as a JSON value, messages in `lang`. To write JSON text (or a binding's
    /// objects), serialize [`Localized::render`] instead: it builds no tree.
    #[must_use]
    fn to_json(&self, lang: Lang) -> Value {
        json_value(&self.render(lang))
    }

    /// The wire form as compact JSON text, messages in `lang`, written without a tree.
    #[must_use]
    fn to_json_text(&self, lang: Lang) -> String {
        json_text(&self.render(lang))
    }
}

/// A localized answer in one language, ready to serialize: made by [`Localized::render`].
#[derive(Debug)]
pub struct In<'a, T: ?Sized> {
    value: &'a T,
    lang: Lang,
}

impl<T: ?Sized> Clone for In<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: ?Sized> Copy for In<'_, T> {}

impl<T: Localized + ?Sized> Serialize for In<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize_in(self.lang, serializer)
    }
}

impl<T: Localized> Localized for [T] {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter().map(|item| item.render(lang)))
    }
}

impl<T: Localized> Localized for Vec<T> {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        self.as_slice().serialize_in(lang, serializer)
    }
}

impl<T: Localized> Localized for Option<T> {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Some(value) => serializer.serialize_some(&value.render(lang)),
            None => serializer.serialize_none(),
        }
    }
}

impl<T: Localized + ?Sized> Localized for &T {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).serialize_in(lang, serializer)
    }
}

/// A wire form as a JSON value. The library's answers serialize with string keys only, which
/// `serde_json` cannot refuse.
#[expect(
    clippy::expect_used,
    reason = "the library's answers have string keys only: serde_json::to_value cannot fail on them"
)]
pub(crate) fn json_value<T: Serialize + ?Sized>(value: &T) -> Value {
    serde_json::to_value(value).expect("string keys only")
}

/// A wire form as compact JSON text (string keys only, as for [`json_value`]).
#[expect(
    clippy::expect_used,
    reason = "the library's answers have string keys only: serde_json::to_string cannot fail on them"
)]
pub(crate) fn json_text<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).expect("string keys only")
}
