"""The exceptions of the package.

They are defined in Python (the native module raises them) so that they carry attributes and
pickle on every Python version the abi3 wheel serves. Each keeps its message and attributes
through ``pickle`` and ``copy``.
"""

from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple

__all__ = ["MentorError", "InputError", "PolicyError", "TransitionError", "SignatureError"]


class MentorError(Exception):
    """Base class of every error the library raises."""


class InputError(MentorError, ValueError):
    """An input that does not parse: every problem found, as field errors.

    ``errors()`` returns them as dicts ``{"path", "code", "message"}`` (``docs/wire-format.md#field-errors``),
    with the messages in the language the call asked for; ``str(error)`` is an English summary.
    ``code`` is ``invalid_input``, the code JavaScript's ``InputError`` carries.
    """

    code = "invalid_input"

    def __init__(self, message: str, errors: Iterable[Mapping[str, str]] = ()) -> None:
        super().__init__(message)
        self._errors: List[Dict[str, str]] = [dict(e) for e in errors]

    def errors(self) -> List[Dict[str, str]]:
        """The field errors ``[{"path", "code", "message"}]``, in document order (a copy)."""
        return [dict(e) for e in self._errors]

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (str(self), self._errors))


class PolicyError(InputError):
    """A policy that does not load (``code`` ``invalid_policy``): a syntax error, an unknown
    key, a value of the wrong type or out of bounds. Its one error (path ``""``) says which, in
    English, naming the line or the key. JavaScript throws the same ``PolicyError``.
    """

    code = "invalid_policy"


class TransitionError(MentorError):
    """An event a lifecycle does not allow now (``docs/lifecycles.md``); the aggregate is unchanged.

    Attributes: ``code`` (``transition_not_allowed``, ``event_before_previous``,
    ``signer_already_final`` or ``invalid_event_data``), ``aggregate`` (``application`` or
    ``contract``), ``state`` (the current state, ``None`` before the first event), ``event``
    (the refused event type) and ``index`` (the event's 0-based place in a replayed log;
    ``None`` from ``apply``).
    """

    def __init__(
        self,
        message: str,
        code: str,
        aggregate: str,
        state: Optional[str],
        event: str,
        index: Optional[int] = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.aggregate = aggregate
        self.state = state
        self.event = event
        self.index = index

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (str(self), self.code, self.aggregate, self.state, self.event, self.index))


class SignatureError(MentorError):
    """A webhook whose signature does not verify (``docs/esign.md``): nothing of its body is trusted.

    Attributes: ``code``, the check that failed (``empty_secret``, ``missing_header``,
    ``malformed_header``, ``missing_signature``, ``bad_signature`` or ``stale_timestamp``),
    and ``provider`` (the e-signature provider's wire name, when known). ``str(error)`` names
    the provider and says which check failed, in the language the call asked for.
    """

    def __init__(self, message: str, code: str, provider: Optional[str] = None) -> None:
        super().__init__(message)
        self.code = code
        self.provider = provider

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (str(self), self.code, self.provider))
