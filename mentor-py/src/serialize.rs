//! Answers written straight into Python objects: a serde `Serializer` whose output is `dict`,
//! `list`, `str`, `int`, `float`, `bool` and `None`, as [`crate::convert::to_python`] makes from
//! a JSON value, without the JSON tree in between.
//!
//! Why not `pythonize`: it builds a new `str` for every key and text, so Python hashes and
//! decodes each one again; an answer repeats the same few dozen keys, codes and messages, and
//! taking them from the package's string cache halves the cost of a decision (`benches/RESULTS.md#targets`:
//! one `evaluate_eligibility` call in 2.5 µs). Only what answers contain is supported: a variant
//! with data, bytes or a non-string map key is an error, never a panic.
//!
//! [`field_to_python`] writes one field of an answer and passes over the others unserialized:
//! `mentor.Decision` renders its fields that way, when they are read.

use std::fmt;

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyList};
use serde::ser::{self, Impossible, Serialize};

use crate::convert::{Strings, with_strings};

/// The Python form of `value`.
pub(crate) fn to_python<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    with_strings(|strings| value.serialize(Writer { py, strings }).map_err(|e| e.0))
}

/// A failure to write: a Python error, or a shape answers never have.
#[derive(Debug)]
pub(crate) struct WriteError(PyErr);

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for WriteError {}

impl ser::Error for WriteError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        WriteError(pyo3::exceptions::PyValueError::new_err(msg.to_string()))
    }
}

impl From<std::convert::Infallible> for WriteError {
    fn from(never: std::convert::Infallible) -> Self {
        match never {}
    }
}

impl From<PyErr> for WriteError {
    fn from(e: PyErr) -> Self {
        WriteError(e)
    }
}

fn unsupported(what: &str) -> WriteError {
    ser::Error::custom(format_args!("mentor: no Python form for {what}"))
}

struct Writer<'py, 'a> {
    py: Python<'py>,
    strings: &'a mut Strings,
}

type Done<'py> = Result<Bound<'py, PyAny>, WriteError>;

impl<'py, 'a> ser::Serializer for Writer<'py, 'a> {
    type Ok = Bound<'py, PyAny>;
    type Error = WriteError;
    type SerializeSeq = List<'py, 'a>;
    type SerializeTuple = List<'py, 'a>;
    type SerializeTupleStruct = List<'py, 'a>;
    type SerializeTupleVariant = Impossible<Bound<'py, PyAny>, WriteError>;
    type SerializeMap = Dict<'py, 'a>;
    type SerializeStruct = Dict<'py, 'a>;
    type SerializeStructVariant = Impossible<Bound<'py, PyAny>, WriteError>;

    fn serialize_bool(self, v: bool) -> Done<'py> {
        Ok(PyBool::new(self.py, v).to_owned().into_any())
    }
    fn serialize_i8(self, v: i8) -> Done<'py> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Done<'py> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Done<'py> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Done<'py> {
        Ok(v.into_pyobject(self.py)?.into_any())
    }
    fn serialize_u8(self, v: u8) -> Done<'py> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Done<'py> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Done<'py> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Done<'py> {
        Ok(v.into_pyobject(self.py)?.into_any())
    }
    fn serialize_f32(self, v: f32) -> Done<'py> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Done<'py> {
        Ok(PyFloat::new(self.py, v).into_any())
    }
    fn serialize_char(self, v: char) -> Done<'py> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Done<'py> {
        Ok(self.strings.get(self.py, v).into_any())
    }
    fn serialize_bytes(self, _: &[u8]) -> Done<'py> {
        Err(unsupported("bytes"))
    }
    fn serialize_none(self) -> Done<'py> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done<'py> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done<'py> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Done<'py> {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Done<'py> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Done<'py> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Done<'py> {
        Err(unsupported("an enum variant with data"))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<List<'py, 'a>, WriteError> {
        Ok(List {
            py: self.py,
            strings: self.strings,
            items: Vec::with_capacity(len.unwrap_or(0)),
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<List<'py, 'a>, WriteError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<List<'py, 'a>, WriteError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, WriteError> {
        Err(unsupported("an enum variant with data"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Dict<'py, 'a>, WriteError> {
        Ok(Dict {
            dict: PyDict::new(self.py),
            py: self.py,
            strings: self.strings,
            key: None,
        })
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Dict<'py, 'a>, WriteError> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, WriteError> {
        Err(unsupported("an enum variant with data"))
    }
    fn collect_str<T: fmt::Display + ?Sized>(self, value: &T) -> Done<'py> {
        self.serialize_str(&value.to_string())
    }
}

struct List<'py, 'a> {
    py: Python<'py>,
    strings: &'a mut Strings,
    items: Vec<Bound<'py, PyAny>>,
}

impl<'py> List<'py, '_> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WriteError> {
        let item = value.serialize(Writer {
            py: self.py,
            strings: self.strings,
        })?;
        self.items.push(item);
        Ok(())
    }

    fn finish(self) -> Done<'py> {
        Ok(PyList::new(self.py, self.items)?.into_any())
    }
}

impl<'py> ser::SerializeSeq for List<'py, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = WriteError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WriteError> {
        self.push(value)
    }
    fn end(self) -> Done<'py> {
        self.finish()
    }
}

impl<'py> ser::SerializeTuple for List<'py, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = WriteError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WriteError> {
        self.push(value)
    }
    fn end(self) -> Done<'py> {
        self.finish()
    }
}

impl<'py> ser::SerializeTupleStruct for List<'py, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = WriteError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WriteError> {
        self.push(value)
    }
    fn end(self) -> Done<'py> {
        self.finish()
    }
}

struct Dict<'py, 'a> {
    dict: Bound<'py, PyDict>,
    py: Python<'py>,
    strings: &'a mut Strings,
    /// The key written by `serialize_key`, waiting for its value.
    key: Option<Bound<'py, PyAny>>,
}

impl<'py> Dict<'py, '_> {
    fn entry<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), WriteError> {
        let value = value.serialize(Writer {
            py: self.py,
            strings: self.strings,
        })?;
        self.dict.set_item(self.strings.get(self.py, key), value)?;
        Ok(())
    }
}

impl<'py> ser::SerializeMap for Dict<'py, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = WriteError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), WriteError> {
        let key = key.serialize(Writer {
            py: self.py,
            strings: self.strings,
        })?;
        if !key.is_instance_of::<pyo3::types::PyString>() {
            return Err(unsupported("a map key that is not text"));
        }
        self.key = Some(key);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WriteError> {
        let key = self
            .key
            .take()
            .ok_or_else(|| unsupported("a map value without a key"))?;
        let value = value.serialize(Writer {
            py: self.py,
            strings: self.strings,
        })?;
        self.dict.set_item(key, value)?;
        Ok(())
    }
    fn end(self) -> Done<'py> {
        Ok(self.dict.into_any())
    }
}

impl<'py> ser::SerializeStruct for Dict<'py, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = WriteError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), WriteError> {
        self.entry(key, value)
    }
    fn end(self) -> Done<'py> {
        Ok(self.dict.into_any())
    }
}

/// The Python form of the field `key` of `value`, a struct (a derived `Serialize`, such as a
/// decision's wire form): only that field is written, the others are passed over without
/// being serialized. `None` when the struct has no field `key`; an error when `value` is not
/// a struct.
pub(crate) fn field_to_python<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
    key: &str,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    with_strings(|strings| value.serialize(Pick { py, strings, key }).map_err(|e| e.0))
}

/// The serializer of [`field_to_python`]: a struct, of which it keeps one field.
struct Pick<'py, 'a> {
    py: Python<'py>,
    strings: &'a mut Strings,
    key: &'a str,
}

type Picked<'py> = Result<Option<Bound<'py, PyAny>>, WriteError>;

fn not_a_struct<T>() -> Result<T, WriteError> {
    Err(unsupported("a field of something that is not a struct"))
}

/// The methods of [`Pick`] for everything that is not a struct.
macro_rules! not_a_struct {
    ($($method:ident($($arg:ty),*) -> $out:ty;)*) => {
        $(fn $method(self, $(_: $arg),*) -> Result<$out, WriteError> {
            not_a_struct()
        })*
    };
}

impl<'py, 'a> ser::Serializer for Pick<'py, 'a> {
    type Ok = Option<Bound<'py, PyAny>>;
    type Error = WriteError;
    type SerializeSeq = Impossible<Self::Ok, WriteError>;
    type SerializeTuple = Impossible<Self::Ok, WriteError>;
    type SerializeTupleStruct = Impossible<Self::Ok, WriteError>;
    type SerializeTupleVariant = Impossible<Self::Ok, WriteError>;
    type SerializeMap = Impossible<Self::Ok, WriteError>;
    type SerializeStruct = PickField<'py, 'a>;
    type SerializeStructVariant = Impossible<Self::Ok, WriteError>;

    not_a_struct! {
        serialize_bool(bool) -> Self::Ok;
        serialize_i8(i8) -> Self::Ok;
        serialize_i16(i16) -> Self::Ok;
        serialize_i32(i32) -> Self::Ok;
        serialize_i64(i64) -> Self::Ok;
        serialize_u8(u8) -> Self::Ok;
        serialize_u16(u16) -> Self::Ok;
        serialize_u32(u32) -> Self::Ok;
        serialize_u64(u64) -> Self::Ok;
        serialize_f32(f32) -> Self::Ok;
        serialize_f64(f64) -> Self::Ok;
        serialize_char(char) -> Self::Ok;
        serialize_str(&str) -> Self::Ok;
        serialize_bytes(&[u8]) -> Self::Ok;
        serialize_none() -> Self::Ok;
        serialize_unit() -> Self::Ok;
        serialize_unit_struct(&'static str) -> Self::Ok;
        serialize_unit_variant(&'static str, u32, &'static str) -> Self::Ok;
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant;
        serialize_map(Option<usize>) -> Self::SerializeMap;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Picked<'py> {
        not_a_struct()
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Picked<'py> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Picked<'py> {
        not_a_struct()
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<PickField<'py, 'a>, WriteError> {
        Ok(PickField {
            py: self.py,
            strings: self.strings,
            key: self.key,
            found: None,
        })
    }
    fn collect_str<T: fmt::Display + ?Sized>(self, _: &T) -> Picked<'py> {
        not_a_struct()
    }
}

struct PickField<'py, 'a> {
    py: Python<'py>,
    strings: &'a mut Strings,
    key: &'a str,
    found: Option<Bound<'py, PyAny>>,
}

impl<'py> ser::SerializeStruct for PickField<'py, '_> {
    type Ok = Option<Bound<'py, PyAny>>;
    type Error = WriteError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), WriteError> {
        if key == self.key && self.found.is_none() {
            self.found = Some(value.serialize(Writer {
                py: self.py,
                strings: self.strings,
            })?);
        }
        Ok(())
    }
    fn end(self) -> Picked<'py> {
        Ok(self.found)
    }
}
