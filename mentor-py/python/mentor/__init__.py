"""mentor: recruiting freelance mentors, from the application form to the contract.

The rules live in the Rust library ``mentor-core``; this package calls it on plain dicts and
lists in the wire format (``docs/wire-format.md``) and returns plain dicts and lists. The types and the
documentation of every name are in the stub (``__init__.pyi``) and the README.
"""

from mentor._errors import InputError, MentorError, PolicyError, SignatureError, TransitionError
from mentor._native import (
    Application,
    Contract,
    Policy,
    __version__,
    billing_statement,
    check_invoice,
    error_codes,
    evaluate_eligibility,
    registration_schemes,
    triage,
    triage_json_bytes,
    validate_application,
    validate_registration_number,
    verify_webhook,
)
from mentor import wire
from mentor.wire import *  # noqa: F403 (the answer shapes, listed once in mentor.wire.__all__)

__all__ = [
    # Calls (mentor-core, through the native module)
    "validate_application",
    "evaluate_eligibility",
    "triage",
    "triage_json_bytes",
    "validate_registration_number",
    "registration_schemes",
    "error_codes",
    "verify_webhook",
    "billing_statement",
    "check_invoice",
    # Handles and lifecycles
    "Policy",
    "Application",
    "Contract",
    # Exceptions
    "MentorError",
    "InputError",
    "PolicyError",
    "TransitionError",
    "SignatureError",
    "__version__",
]
# Shapes of the answers (typing only), as mentor.wire lists them.
__all__ += wire.__all__
