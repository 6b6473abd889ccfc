"""The input ``TypedDict`` types of ``mentor.wire`` against the JSON Schemas the core writes
(docs/schema/, ``bash scripts/schema.sh``): for each input, the same keys at every level, the same
required and optional keys, ``None`` allowed in the same places, the same JSON types and the same
``Literal`` values. A field added to a raw form fails here until the ``TypedDict`` has it."""

import json
import typing
from typing import Any, Dict, List, Literal, Union, get_args, get_origin, get_type_hints

import pytest

from conftest import WORKSPACE
from mentor import wire

SCHEMAS = WORKSPACE / "docs" / "schema"

# Each input's schema (docs/schema/<name>.schema.json) and the type that declares it.
INPUTS = [
    ("application-form", wire.ApplicationForm),
    ("working-situation", wire.WorkingSituation),
    ("policy", wire.PolicyConfig),
    ("billing-session", wire.BillingSession),
]

# A shape both sides reduce to: (nullable, kind, detail), where kind is "string", "integer",
# "number", "boolean", "enum" (detail: the values), "array" (the items' shape), "map" (the
# values' shape) or "object" (detail: {key: (required, shape)}).
Shape = Any


def from_schema(node: Dict[str, Any], root: Dict[str, Any]) -> Shape:
    """The shape of a schema node, ``$ref``s resolved in ``root``'s ``$defs``."""
    if "$ref" in node:
        return from_schema(root["$defs"][node["$ref"].removeprefix("#/$defs/")], root)
    if "anyOf" in node:
        others = [branch for branch in node["anyOf"] if branch.get("type") != "null"]
        assert len(others) == 1, node
        nullable, kind, detail = from_schema(others[0], root)
        return (nullable or len(others) < len(node["anyOf"]), kind, detail)
    if "oneOf" in node:
        assert all("const" in branch for branch in node["oneOf"]), node
        return (False, "enum", frozenset(branch["const"] for branch in node["oneOf"]))
    types = node["type"] if isinstance(node["type"], list) else [node["type"]]
    nullable = "null" in types or None in node.get("enum", [])
    (kind,) = [t for t in types if t != "null"]
    if kind == "string" and "enum" in node:
        return (nullable, "enum", frozenset(v for v in node["enum"] if v is not None))
    if kind == "array":
        return (nullable, "array", from_schema(node["items"], root))
    if kind == "object" and "properties" not in node and isinstance(node.get("additionalProperties"), dict):
        return (nullable, "map", from_schema(node["additionalProperties"], root))
    if kind == "object":
        required = set(node.get("required", []))
        return (nullable, "object", {key: (key in required, from_schema(value, root)) for key, value in node["properties"].items()})
    assert kind in ("string", "integer", "number", "boolean"), node
    return (nullable, kind, None)


def literal_values(hint: Any) -> Any:
    """The values of a ``Literal`` or of a union of them, else ``None``."""
    if get_origin(hint) is Literal:
        return frozenset(get_args(hint))
    if get_origin(hint) is Union and all(get_origin(arg) is Literal for arg in get_args(hint)):
        return frozenset(value for arg in get_args(hint) for value in get_args(arg))
    return None


def from_hint(hint: Any) -> Shape:
    """The shape of a type hint, as ``typing`` resolves it."""
    nullable = False
    if get_origin(hint) is Union and type(None) in get_args(hint):
        nullable = True
        rest = [arg for arg in get_args(hint) if arg is not type(None)]
        hint = rest[0] if len(rest) == 1 else Union[tuple(rest)]
    values = literal_values(hint)
    if values is not None:
        return (nullable, "enum", values)
    scalars = {str: "string", int: "integer", float: "number", bool: "boolean"}
    if hint in scalars:
        return (nullable, scalars[hint], None)
    if get_origin(hint) is list:
        (item,) = get_args(hint)
        return (nullable, "array", from_hint(item))
    if get_origin(hint) is dict:
        key, value = get_args(hint)
        assert key is str, hint
        return (nullable, "map", from_hint(value))
    assert typing.is_typeddict(hint), f"a type this test does not know: {hint!r}"
    hints = get_type_hints(hint)
    return (nullable, "object", {key: (key in hint.__required_keys__, from_hint(value)) for key, value in hints.items()})


def differences(schema: Shape, declared: Shape, path: str = "") -> List[str]:
    """Every difference between the schema's shape and the declaration's, with its path."""
    where = path or "(the input)"
    (s_null, s_kind, s_detail), (d_null, d_kind, d_detail) = schema, declared
    if s_kind != d_kind:
        return [f"{where}: the schema says {s_kind}, the declaration {d_kind}"]
    out = []
    if s_null != d_null:
        out.append(f"{where}: None is {'allowed' if s_null else 'not allowed'} by the schema, {'allowed' if d_null else 'not allowed'} by the declaration")
    if s_kind == "enum" and s_detail != d_detail:
        out.append(f"{where}: the schema has {sorted(s_detail)}, the declaration {sorted(d_detail)}")
    elif s_kind == "array":
        out += differences(s_detail, d_detail, f"{path}[]")
    elif s_kind == "map":
        out += differences(s_detail, d_detail, f"{path}{{}}")
    elif s_kind == "object":
        for key, (required, shape) in s_detail.items():
            at = f"{path}.{key}" if path else key
            if key not in d_detail:
                out.append(f"{at}: in the schema, not in the declaration")
                continue
            if required != d_detail[key][0]:
                out.append(f"{at}: {'required' if required else 'optional'} in the schema, {'required' if d_detail[key][0] else 'optional'} in the declaration")
            out += differences(shape, d_detail[key][1], at)
        out += [f"{f'{path}.{key}' if path else key}: in the declaration, not in the schema" for key in d_detail if key not in s_detail]
    return out


@pytest.mark.parametrize("name,declared", INPUTS, ids=[name for name, _ in INPUTS])
def test_the_input_types_declare_their_schema(name: str, declared: Any) -> None:
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    found = differences(from_schema(schema, schema), from_hint(declared))
    assert not found, f"mentor.wire.{declared.__name__} differs from docs/schema/{name}.schema.json:\n  " + "\n  ".join(found)


def test_a_form_situation_is_the_schema_of_a_form() -> None:
    # In a form, the situation's country is the applicant's by default (not required).
    schema = json.loads((SCHEMAS / "application-form.schema.json").read_text(encoding="utf-8"))
    assert not differences(from_schema(schema["$defs"]["SituationForm"], schema), from_hint(wire.FormWorkingSituation))


def test_the_comparison_finds_what_differs() -> None:
    schema = {
        "type": "object",
        "required": ["a"],
        "properties": {"a": {"type": "string", "enum": ["x", "y"]}, "b": {"type": ["integer", "null"]}, "c": {"type": "boolean"}},
    }

    class Declared(typing.TypedDict, total=False):
        a: Literal["x"]
        b: int
        d: str

    assert differences(from_schema(schema, schema), from_hint(Declared)) == [
        "a: required in the schema, optional in the declaration",
        "a: the schema has ['x', 'y'], the declaration ['x']",
        "b: None is allowed by the schema, not allowed by the declaration",
        "c: in the schema, not in the declaration",
        "d: in the declaration, not in the schema",
    ]
