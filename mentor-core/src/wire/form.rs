//! Raw forms declared once: `raw_form!` writes a form's struct and its `Deserialize` (and,
//! with the `schema` feature, its JSON Schema) from one list of fields. Every key the form
//! defines is read into its [`Field`](super::Field) (twice is an error: `duplicate_key`),
//! every other key is kept in [`Unknown`] (its value skipped level by level, so nesting is
//! still counted and a repeated key inside it still refused; the key itself given twice is
//! refused too), and nothing stops on a value's JSON type.
//!
//! Why not `#[derive(Deserialize)]` with a `#[serde(flatten)]` catch-all: serde's derive writes
//! a visitor per form and per input type that doubled the reading code of the browser build
//! (its size target is 150 KB gzipped, `benches/RESULTS.md#targets`); here the loop over keys is written once
//! ([`read_form`]) and each form only says where its fields go.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};

use super::Unknown;
use super::field::Skip;

/// A raw form's fields, by position in [`RawForm::FIELDS`]. Written by `raw_form!`.
pub(crate) trait RawForm<'de>: Default {
    /// The keys the form defines, in order.
    const FIELDS: &'static [&'static str];

    /// Reads the value of the field at `index` of [`RawForm::FIELDS`].
    fn read_field<A: MapAccess<'de>>(&mut self, index: usize, map: &mut A) -> Result<(), A::Error>;

    /// The keys the form does not define, as they come.
    fn unknown(&mut self) -> &mut Unknown;

    /// Sets the field at `index` of [`RawForm::FIELDS`] from a parsed value.
    fn set_field(&mut self, index: usize, value: &'de serde_json::Value);

    /// The form read from an object that is already parsed, in one pass over its entries: the
    /// keys the form defines go to their fields, the others are kept as unknown (a parsed
    /// object cannot repeat a key).
    fn from_map(map: &'de serde_json::Map<String, serde_json::Value>) -> Self {
        let mut form = Self::default();
        for (key, value) in map {
            match Self::FIELDS.iter().position(|name| name == key) {
                Some(index) => form.set_field(index, value),
                None => form.unknown().0.push(key.clone()),
            }
        }
        form
    }
}

/// An object's key, borrowed from the input when it has no escapes.
pub(super) struct Key<'de>(pub(super) Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

/// Reads an object into the raw form `T`: the one loop over keys every form shares.
///
/// # Errors
/// A key the form defines given twice (the message serde gives a repeated field); the input's
/// own errors (syntax, nesting past its limit).
pub(crate) fn read_form<'de, T: RawForm<'de>, A: MapAccess<'de>>(mut map: A) -> Result<T, A::Error> {
    let mut form = T::default();
    let mut seen = 0u64;
    while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
        match T::FIELDS.iter().position(|name| *name == key) {
            Some(index) => {
                let bit = 1u64
                    .checked_shl(u32::try_from(index).unwrap_or(u32::MAX))
                    .unwrap_or(0);
                if seen & bit != 0 {
                    return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
                }
                seen |= bit;
                form.read_field(index, &mut map)?;
            }
            None => {
                map.next_value::<Skip>()?;
                form.unknown().0.push(key.into_owned());
            }
        }
    }
    // In key order, as a parsed object (`from_map`) lists them; a key the form does not
    // define given twice is refused as any other repeated key.
    let unknown = &mut form.unknown().0;
    unknown.sort_unstable();
    if let Some(pair) = unknown.windows(2).find(|pair| pair.first() == pair.get(1)) {
        let key = pair.first().map_or("", String::as_str);
        return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
    }
    Ok(form)
}

/// The visitor of a raw form's `Deserialize` (see `raw_form!`).
pub(crate) struct FormVisitor<T>(PhantomData<T>);

impl<T> FormVisitor<T> {
    pub(crate) const fn new() -> Self {
        FormVisitor(PhantomData)
    }
}

impl<'de, T: RawForm<'de>> Visitor<'de> for FormVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        read_form(map)
    }
}

/// Declares a raw form: the struct (every field a [`crate::wire::Field`], plus the keys it
/// does not define), its [`RawForm`] and its `Deserialize`, from one list of fields whose names
/// are the wire's keys; with the `schema` feature, its JSON Schema too (`schemars::JsonSchema`,
/// see `wire::schema`).
///
/// The first paragraph of the form's doc comment, and of each field's, is its description in
/// the schema (write it for the wire's users; later paragraphs are for the code's readers). A
/// field's `#[schema(…)]` lists the rules its schema adds, each a method of
/// `wire::schema::Property` (`required`, `max_chars(N)`, `integer(LO, HI)`, `one_of(TABLE)`,
/// `pattern(RE)`, `min_items(N)`, `format("date-time")`), given the constants the reader
/// checks; without the `schema` feature they are left out (and not compiled).
macro_rules! raw_form {
    (
        $(#[doc = $doc:literal])*
        $(#[derive($($derive:path),* $(,)?)])?
        $vis:vis struct $name:ident $(<$lt:lifetime>)? {
            $(
                $(#[doc = $field_doc:literal])*
                $(#[schema($($rule:ident $(($($arg:expr),* $(,)?))?),* $(,)?)])?
                $field:ident: $ty:ty
            ),* $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        $(#[derive($($derive),*)])?
        #[derive(Default)]
        $vis struct $name $(<$lt>)? {
            $(
                $(#[doc = $field_doc])*
                $field: $ty,
            )*
            unknown: $crate::wire::Unknown,
        }

        impl<'de $(: $lt, $lt)?> $crate::wire::RawForm<'de> for $name $(<$lt>)? {
            const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];

            fn read_field<A: ::serde::de::MapAccess<'de>>(&mut self, index: usize, map: &mut A) -> Result<(), A::Error> {
                let mut at = 0usize;
                $(
                    if index == at {
                        self.$field = map.next_value()?;
                        return Ok(());
                    }
                    at += 1;
                )*
                let _ = at;
                map.next_value::<::serde::de::IgnoredAny>().map(|_| ())
            }

            fn unknown(&mut self) -> &mut $crate::wire::Unknown {
                &mut self.unknown
            }

            fn set_field(&mut self, index: usize, value: &'de ::serde_json::Value) {
                let mut at = 0usize;
                $(
                    if index == at {
                        self.$field = $crate::wire::Field::of(Some(value));
                        return;
                    }
                    at += 1;
                )*
                let _ = at;
            }
        }

        impl<'de $(: $lt, $lt)?> ::serde::Deserialize<'de> for $name $(<$lt>)? {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.deserialize_map($crate::wire::FormVisitor::new())
            }
        }

        #[cfg(feature = "schema")]
        impl $(<$lt>)? ::schemars::JsonSchema for $name $(<$lt>)? {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(stringify!($name))
            }

            fn schema_id() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(concat!(module_path!(), "::", stringify!($name)))
            }

            fn json_schema(generator: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
                let mut form = $crate::wire::schema::Form::new(&[$($doc),*]);
                $(
                    let property = $crate::wire::schema::Property::new::<$ty>(generator, &[$($field_doc),*]);
                    $($(let property = property.$rule($($($arg),*)?);)*)?
                    form.property(stringify!($field), property);
                )*
                form.finish()
            }
        }
    };
}

pub(crate) use raw_form;
