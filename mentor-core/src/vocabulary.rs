//! Closed vocabularies with stable `snake_case` names on the wire (states, event types,
//! statuses): each value's name is written once, in the [`vocabulary!`](crate::vocabulary!)
//! declaration of its enum, which gives the name, the reverse lookup, the list the error
//! messages cite, and the serde forms.

use std::fmt;

/// A closed vocabulary with stable `snake_case` names on the wire.
///
/// ```
/// use mentor_core::vocabulary::Vocabulary;
/// use mentor_core::recruitment::ApplicationState;
/// assert_eq!(ApplicationState::InReview.name(), "in_review");
/// assert_eq!(ApplicationState::from_name("on_hold"), Some(ApplicationState::OnHold));
/// assert_eq!(ApplicationState::from_name("On_Hold"), None);
/// assert_eq!(ApplicationState::ALL.len(), 12);
/// ```
pub trait Vocabulary: Copy + Eq + fmt::Debug + 'static {
    /// Every value with its wire name, in declaration order (the order documentation lists
    /// them).
    const ALL: &'static [(&'static str, Self)];

    /// The wire name (`"interview_scheduled"`).
    #[must_use]
    fn name(self) -> &'static str;

    /// The value of a wire name (exact, case-sensitive).
    #[must_use]
    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
    }
}

/// Declares a vocabulary: the enum, each variant's wire name beside it, and
/// [`Vocabulary`], `Serialize` (the name) and `Deserialize` (the name, or serde's
/// `unknown variant` error listing the names).
///
/// ```ignore
/// vocabulary! {
///     /// Where an application stands.
///     #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
///     pub enum State {
///         /// Just received.
///         Submitted = "submitted",
///         /// Being read.
///         InReview = "in_review",
///     }
/// }
/// ```
#[macro_export]
#[doc(hidden)]
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident = $wire:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $( $(#[$variant_meta])* $variant ),+
        }

        impl $crate::vocabulary::Vocabulary for $name {
            const ALL: &'static [(&'static str, Self)] = &[$(($wire, $name::$variant)),+];

            fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $wire),+
                }
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str($crate::vocabulary::Vocabulary::name(*self))
            }
        }

        /// The wire names, as a JSON Schema `enum` of strings.
        #[cfg(feature = "schema")]
        impl ::schemars::JsonSchema for $name {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(stringify!($name))
            }
            fn json_schema(_: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
                ::schemars::json_schema!({"type": "string", "enum": [$($wire),+]})
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                const NAMES: &[&str] = &[$($wire),+];
                let name = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(deserializer)?;
                <Self as $crate::vocabulary::Vocabulary>::from_name(&name).ok_or_else(|| ::serde::de::Error::unknown_variant(&name, NAMES))
            }
        }
    };
}
