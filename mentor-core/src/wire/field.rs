//! The leaves of a raw wire form: values that never fail to deserialize because of their JSON
//! type. A form's raw type (`#[derive(Deserialize)]`, every field a [`Field`]) reads in one
//! pass whatever the caller sent; the wrong types are found afterwards, with every other
//! problem, when the raw form is parsed into its domain type.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::form::Key;

/// The JSON type of a value, as found where another was expected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    String,
    Number,
    Bool,
    Object,
    Array,
}

/// One field of a raw form: absent (or `null`, which means the same on the wire), of a JSON
/// type the field does not take, or given.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) enum Field<T> {
    /// Absent or `null`.
    #[default]
    Absent,
    /// Of another JSON type than the field takes.
    Wrong(Kind),
    /// Given, of the JSON type the field takes.
    Given(T),
}

impl<T> Field<T> {
    /// Whether the key was sent with a value other than `null`.
    pub(crate) fn is_present(&self) -> bool {
        !matches!(self, Field::Absent)
    }
}

/// What a [`Field`] takes: each hook reads one JSON type, `None` (the default) when the field
/// does not take it.
pub(crate) trait Expect<'de>: Sized {
    fn string(_: Cow<'de, str>) -> Option<Self> {
        None
    }
    fn number(_: Number) -> Option<Self> {
        None
    }
    fn boolean(_: bool) -> Option<Self> {
        None
    }
    /// Reads an object; `Ok(None)` once the entries are skipped, when the field takes none.
    fn object<A: MapAccess<'de>>(map: A) -> Result<Option<Self>, A::Error> {
        skip_entries(map).map(|()| None)
    }
    /// Reads an array; `Ok(None)` once the items are skipped, when the field takes none.
    fn array<A: SeqAccess<'de>>(mut seq: A) -> Result<Option<Self>, A::Error> {
        while seq.next_element::<Skip>()?.is_some() {}
        Ok(None)
    }
}

/// A value skipped, level by level through the deserializer (unlike `IgnoredAny`, which
/// `serde_json` skips without counting levels), so that nesting past the limit is `too_deep`
/// wherever it is, and a key given twice in one of its objects is refused as everywhere else
/// (`duplicate_key`: the value reader, `parse_value`, refuses it in any object, and both
/// readers must give the same answer).
pub(crate) struct Skip;

/// Skips an object's entries ([`Skip`]), refusing a key given twice. The keys are only
/// remembered from the second one on: most skipped objects are small or empty.
fn skip_entries<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    let Some(first) = map.next_key::<Key<'de>>()? else {
        return Ok(());
    };
    map.next_value::<Skip>()?;
    let mut seen = HashSet::from([first.0]);
    while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
        if seen.contains(&key) {
            return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
        }
        map.next_value::<Skip>()?;
        seen.insert(key);
    }
    Ok(())
}

impl<'de> Deserialize<'de> for Skip {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Skip)
    }
}

impl<'de> Visitor<'de> for Skip {
    type Value = Skip;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_none<E: de::Error>(self) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Skip, D::Error> {
        d.deserialize_any(Skip)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Skip, A::Error> {
        while seq.next_element::<Skip>()?.is_some() {}
        Ok(Skip)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Skip, A::Error> {
        skip_entries(map).map(|()| Skip)
    }
}

/// A JSON number as read: exact when it is a whole number that fits 64 bits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Number {
    Int(i64),
    UInt(u64),
    Float(f64),
}

impl Number {
    /// The number when it is whole and exact in an `i64` (`6.0` is whole; `6.5` is not).
    pub(crate) fn whole(self) -> Option<i64> {
        match self {
            Number::Int(i) => Some(i),
            Number::UInt(u) => i64::try_from(u).ok(),
            // Whole and below 2^53 (checked), so the cast is exact.
            Number::Float(f) => (f.fract() == 0.0 && f.abs() < 1e15).then_some(f as i64),
        }
    }
}

/// A scalar of any JSON type (e-signature providers send ids as strings or numbers).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Scalar<'a> {
    Text(Cow<'a, str>),
    Number(Number),
    Bool(bool),
}

/// An object of a raw form, read as `T` (itself a raw form).
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Obj<T>(pub(crate) T);

impl<'de: 'a, 'a> Expect<'de> for Cow<'a, str> {
    fn string(s: Cow<'de, str>) -> Option<Self> {
        Some(s)
    }
}

impl<'de: 'a, 'a> Expect<'de> for Scalar<'a> {
    fn string(s: Cow<'de, str>) -> Option<Self> {
        Some(Scalar::Text(s))
    }
    fn number(n: Number) -> Option<Self> {
        Some(Scalar::Number(n))
    }
    fn boolean(b: bool) -> Option<Self> {
        Some(Scalar::Bool(b))
    }
}

impl Expect<'_> for bool {
    fn boolean(b: bool) -> Option<Self> {
        Some(b)
    }
}

impl Expect<'_> for Number {
    fn number(n: Number) -> Option<Self> {
        Some(n)
    }
}

impl<'de, T: Deserialize<'de>> Expect<'de> for Obj<T> {
    fn object<A: MapAccess<'de>>(map: A) -> Result<Option<Self>, A::Error> {
        T::deserialize(de::value::MapAccessDeserializer::new(map)).map(|t| Some(Obj(t)))
    }
}

impl<'de, T: Deserialize<'de>> Expect<'de> for Vec<T> {
    fn array<A: SeqAccess<'de>>(mut seq: A) -> Result<Option<Self>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(item) = seq.next_element::<T>()? {
            items.push(item);
        }
        Ok(Some(items))
    }
}

struct FieldVisitor<T>(PhantomData<T>);

impl<'de, T: Expect<'de>> FieldVisitor<T> {
    fn found(value: Option<T>, kind: Kind) -> Field<T> {
        value.map_or(Field::Wrong(kind), Field::Given)
    }
}

impl<'de, T: Expect<'de>> Visitor<'de> for FieldVisitor<T> {
    type Value = Field<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Field<T>, E> {
        Ok(Self::found(T::string(Cow::Borrowed(v)), Kind::String))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Field<T>, E> {
        Ok(Self::found(T::string(Cow::Owned(v.to_owned())), Kind::String))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Field<T>, E> {
        Ok(Self::found(T::string(Cow::Owned(v)), Kind::String))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Field<T>, E> {
        Ok(Self::found(T::number(Number::Int(v)), Kind::Number))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Field<T>, E> {
        Ok(Self::found(T::number(Number::UInt(v)), Kind::Number))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Field<T>, E> {
        Ok(Self::found(T::number(Number::Float(v)), Kind::Number))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Field<T>, E> {
        Ok(Self::found(T::boolean(v), Kind::Bool))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Field<T>, E> {
        Ok(Field::Absent)
    }
    fn visit_none<E: de::Error>(self) -> Result<Field<T>, E> {
        Ok(Field::Absent)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Field<T>, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Field<T>, A::Error> {
        Ok(Self::found(T::object(map)?, Kind::Object))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Field<T>, A::Error> {
        Ok(Self::found(T::array(seq)?, Kind::Array))
    }
}

impl<'de, T: Expect<'de>> Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(FieldVisitor(PhantomData))
    }
}

/// What a [`Field`] takes, read from a JSON value that is already parsed (a binding's objects,
/// the browser build's text): a lookup per key, no visitor per shape. `None` for a value of a
/// JSON type the field does not take.
pub(crate) trait FromValue<'v>: Sized {
    fn from_value(value: &'v Value) -> Option<Self>;
}

impl<'v, T: FromValue<'v>> Field<T> {
    /// The field at `value` (absent or `null`: [`Field::Absent`]).
    pub(crate) fn of(value: Option<&'v Value>) -> Self {
        match value {
            None | Some(Value::Null) => Field::Absent,
            Some(v) => T::from_value(v).map_or_else(|| Field::Wrong(kind(v)), Field::Given),
        }
    }
}

/// The JSON type of a value.
fn kind(value: &Value) -> Kind {
    match value {
        Value::String(_) => Kind::String,
        Value::Number(_) | Value::Null => Kind::Number,
        Value::Bool(_) => Kind::Bool,
        Value::Object(_) => Kind::Object,
        Value::Array(_) => Kind::Array,
    }
}

impl<'v> FromValue<'v> for Cow<'v, str> {
    fn from_value(value: &'v Value) -> Option<Self> {
        value.as_str().map(Cow::Borrowed)
    }
}

impl FromValue<'_> for bool {
    fn from_value(value: &Value) -> Option<Self> {
        value.as_bool()
    }
}

impl FromValue<'_> for Number {
    fn from_value(value: &Value) -> Option<Self> {
        let n = value.as_number()?;
        Some(match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => Number::Int(i),
            (None, Some(u), _) => Number::UInt(u),
            (None, None, f) => Number::Float(f.unwrap_or(f64::NAN)),
        })
    }
}

impl<'v, T: FromValue<'v>> FromValue<'v> for Vec<Field<T>> {
    fn from_value(value: &'v Value) -> Option<Self> {
        value
            .as_array()
            .map(|items| items.iter().map(|item| Field::of(Some(item))).collect())
    }
}

impl<'v, T: super::RawForm<'v>> FromValue<'v> for Obj<T> {
    fn from_value(value: &'v Value) -> Option<Self> {
        value.as_object().map(|map| Obj(T::from_map(map)))
    }
}

/// The keys of an object that its raw form does not define, in key order (byte order, as a
/// parsed object's keys iterate: text and value readers report them in the same order), so
/// that each is reported as `unknown_field` with the form's other problems (a typo must not
/// silently drop data).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Unknown(pub(crate) Vec<String>);

#[cfg(test)]
mod tests {
    use super::*;

    crate::wire::raw_form! {
        #[derive(Debug)]
        struct Form<'a> {
            name: Field<Cow<'a, str>>,
            age: Field<Number>,
            ok: Field<bool>,
            tags: Field<Vec<Field<Cow<'a, str>>>>,
            inner: Field<Obj<Inner>>,
        }
    }

    crate::wire::raw_form! {
        #[derive(Debug)]
        struct Inner {
            id: Field<Number>,
        }
    }

    #[test]
    fn every_type_is_read_and_wrong_types_are_data() {
        let text = r#"{"name": 5, "age": 6.0, "ok": "yes", "tags": ["a", 1, null], "inner": {"id": 7, "x": {"deep": [1]}}, "zz": 1, "aa": 2}"#;
        let form: Form<'_> = serde_json::from_str(text).unwrap();
        assert_eq!(form.name, Field::Wrong(Kind::Number));
        assert_eq!(form.age, Field::Given(Number::Float(6.0)));
        assert_eq!(form.ok, Field::Wrong(Kind::String));
        let Field::Given(tags) = &form.tags else {
            panic!("{:?}", form.tags)
        };
        assert_eq!(
            tags,
            &[
                Field::Given(Cow::Borrowed("a")),
                Field::Wrong(Kind::Number),
                Field::Absent
            ]
        );
        let Field::Given(Obj(inner)) = &form.inner else {
            panic!()
        };
        assert_eq!(inner.id, Field::Given(Number::UInt(7)));
        assert_eq!(inner.unknown.0, ["x"]);
        assert_eq!(form.unknown.0, ["aa", "zz"], "key order, as a parsed object's");
    }

    #[test]
    fn absent_and_null_are_the_same() {
        let form: Form<'_> = serde_json::from_str(r#"{"name": null}"#).unwrap();
        assert_eq!(form.name, Field::Absent);
        assert_eq!(form.age, Field::Absent);
        assert!(!form.inner.is_present());
    }

    #[test]
    fn strings_borrow_from_the_text_unless_escaped() {
        let form: Form<'_> = serde_json::from_str(r#"{"name": "plain", "tags": ["a\"b"]}"#).unwrap();
        assert!(matches!(form.name, Field::Given(Cow::Borrowed("plain"))));
        let Field::Given(tags) = form.tags else { panic!() };
        assert!(matches!(&tags[0], Field::Given(Cow::Owned(s)) if s == "a\"b"));
    }

    #[test]
    fn whole_numbers() {
        assert_eq!(Number::Float(6.0).whole(), Some(6));
        assert_eq!(Number::Float(6.5).whole(), None);
        assert_eq!(Number::Float(1e300).whole(), None);
        assert_eq!(Number::UInt(u64::MAX).whole(), None);
        assert_eq!(Number::Int(-3).whole(), Some(-3));
    }
}
