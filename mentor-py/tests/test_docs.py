"""What ``help(mentor)`` shows: the quickstart runs, the calls come first, the wire shapes
are documented by ``mentor.wire`` and stay importable from the package."""

import doctest
import inspect
import pydoc

import mentor
from mentor import wire


def test_the_package_docstring_quickstart_runs() -> None:
    parser = doctest.DocTestParser()
    test = parser.get_doctest(mentor.__doc__ or "", {}, "mentor", mentor.__file__, 0)
    assert test.examples, "the package docstring has no example"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.failures == 0


def test_the_docstring_lists_every_function() -> None:
    doc = mentor.__doc__ or ""
    functions = [n for n in mentor.__all__ if callable(getattr(mentor, n)) and not inspect.isclass(getattr(mentor, n))]
    assert functions
    missing = [n for n in functions if f"``{n}(" not in doc]
    assert not missing, f"the package docstring does not list {missing}"


def test_help_shows_the_calls_not_the_wire_shapes() -> None:
    text = pydoc.render_doc(mentor, renderer=pydoc.plaintext)
    assert "validate_application(form" in text
    for shape in wire.__all__:
        assert f"class {shape}(" not in text, f"help(mentor) still documents {shape}"
    assert "class EligibilityDecision(" in pydoc.render_doc(wire, renderer=pydoc.plaintext)


def test_the_wire_shapes_stay_importable_from_the_package() -> None:
    for shape in wire.__all__:
        assert getattr(mentor, shape) is getattr(wire, shape)
    assert not set(wire.__all__) & set(mentor.__all__)
