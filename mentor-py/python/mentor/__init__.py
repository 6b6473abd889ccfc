"""mentor: recruiting freelance mentors, from the application form to the contract.

Quickstart (every call takes and returns plain dicts and lists; ``lang="fr"`` for French)::

    >>> import mentor
    >>> decision = mentor.evaluate_eligibility({"country": "FR", "status": "student"})
    >>> decision["outcome"], [a["code"] for a in decision["required_actions"]]
    ('action_required', ['register_as_self_employed'])
    >>> decision["required_actions"][0]["rule"]
    'WS-5'
    >>> form = {
    ...     "offer_id": "mentor-web-2026",
    ...     "applicant": {"first_name": "Ada", "last_name": "Lovelace",
    ...                   "email": "ada@example.org", "country": "GB"},
    ...     "subjects": [{"subject": "python", "level": "comfortable"}],
    ...     "consent": {"data_processing": True},
    ... }
    >>> mentor.validate_application(form)["valid"]
    True
    >>> [(e["path"], e["code"]) for e in mentor.validate_application({**form, "subjets": []})["errors"]]
    [('subjets', 'unknown_field')]
    >>> mentor.validate_registration_number("FR", "732 829 320 00074")["valid"]
    True
    >>> policy = mentor.Policy.from_toml('excluded_countries = ["RU"]')
    >>> mentor.evaluate_eligibility({"country": "RU", "status": "freelancer"}, policy=policy)["outcome"]
    'ineligible'

Functions (``help(mentor.<name>)`` for each):

- ``validate_application(form)``: one application form, problems as data.
- ``evaluate_eligibility(situation)``: who signs, who invoices, what to do first, as a
  ``Decision`` (``d.outcome``, or ``d["outcome"]`` as a mapping; ``d.to_dict()`` is a dict);
  ``evaluate_eligibility_many(situations)``: the same for a batch, in one call.
- ``triage(forms)``, ``triage_json_bytes(data)``, ``triage_file(path)``: the main job on a
  batch: validate, decide, rank, as a list of ``TriageEntry`` (``e.status``, or
  ``e["status"]`` as a mapping; ``e.to_dict()`` is a dict).
- ``validate_registration_number(country, number)``, ``registration_schemes(country)``:
  business registration numbers by country.
- ``error_codes()``: every stable error code with its English and French messages.
- ``verify_webhook(provider, secret, headers, body)``: one e-signature webhook delivery.
- ``billing_statement(contract, sessions, period)``, ``check_invoice(statement, invoice)``:
  the monthly statement, and a received invoice checked against it.
- ``erase_application(events, at)``, ``erase_contract(events, at)``: an event log with its
  personal data removed and an ``erased`` event appended (GDPR art. 17).

Classes: ``Policy`` (an operator's policy, parsed once), ``Decision`` (an eligibility
decision, read-only, its fields rendered when read), ``TriageEntry`` (one entry of a triage
report, the same way), ``Application`` and ``Contract``
(lifecycles), and the exceptions ``MentorError``, ``InputError``, ``PolicyError``,
``TransitionError``, ``SignatureError``.

The shapes of the answers and of well-formed inputs are ``TypedDict`` types in the submodule
``mentor.wire`` (``from mentor.wire import EligibilityDecision``); they are typing aids only.
Each key, code and rule id is explained in the project's docs: ``docs/wire-format.md``,
``docs/errors.md``, ``docs/rules.md``.

Every call takes and returns plain dicts and lists in the wire format (a ``Decision`` and a
``TriageEntry`` are read-only mappings of that form) (``docs/wire-format.md``): snake_case
keys and values, RFC 3339 UTC instants, ISO country codes, money as decimal strings. Inputs
may also hold an aware ``datetime`` (sent as an RFC 3339 instant in UTC), a ``date`` (ISO
8601) or a ``Decimal`` (its decimal string); a naive ``datetime`` is refused, since it names no
instant. Unknown keys are errors (``unknown_field``). ``lang`` is ``"en"`` (default) or
``"fr"`` and sets the language of the messages; codes never depend on it.
"""

from collections.abc import Mapping as _Mapping

from mentor._errors import InputError, MentorError, PolicyError, SignatureError, TransitionError
from mentor._native import (
    Application,
    Contract,
    Decision,
    Policy,
    TriageEntry,
    __version__,
    billing_statement,
    check_invoice,
    erase_application,
    erase_contract,
    error_codes,
    evaluate_eligibility,
    evaluate_eligibility_many,
    registration_schemes,
    triage,
    triage_file,
    triage_json_bytes,
    validate_application,
    validate_registration_number,
    verify_webhook,
)
from mentor import wire

# A Decision and a TriageEntry are read-only mappings of their wire forms:
# isinstance(d, Mapping) holds.
_Mapping.register(Decision)
_Mapping.register(TriageEntry)
# The wire shapes stay importable from the package (`from mentor import EligibilityDecision`),
# but live in, and are documented by, mentor.wire: outside __all__, help(mentor) shows the
# calls instead of some sixty TypedDicts.
from mentor.wire import *  # noqa: F401, F403

__all__ = [
    # Calls (mentor-core, through the native module)
    "validate_application",
    "evaluate_eligibility",
    "evaluate_eligibility_many",
    "triage",
    "triage_json_bytes",
    "triage_file",
    "validate_registration_number",
    "registration_schemes",
    "error_codes",
    "verify_webhook",
    "billing_statement",
    "check_invoice",
    "erase_application",
    "erase_contract",
    # Handles and lifecycles
    "Policy",
    "Decision",
    "TriageEntry",
    "Application",
    "Contract",
    # Exceptions
    "MentorError",
    "InputError",
    "PolicyError",
    "TransitionError",
    "SignatureError",
    "__version__",
    # The wire shapes, a submodule
    "wire",
]
