//! Languages of the messages the library renders (English and French).
//!
//! Every answer carries stable machine codes; the human message beside each code is rendered
//! in the caller's language only when the answer is turned into text or JSON, so the typed
//! decision itself never allocates a message.

use serde::{Deserialize, Serialize};

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
