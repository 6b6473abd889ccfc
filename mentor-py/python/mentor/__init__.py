"""mentor: recruiting freelance mentors, from the application form to the contract.

The rules live in the Rust library ``mentor-core``; this package calls it on plain dicts and
lists in the wire format (DESIGN 4) and returns plain dicts and lists. The types and the
documentation of every name are in the stub (``__init__.pyi``) and the README.
"""

from mentor._errors import InputError, MentorError, SignatureError, TransitionError
from mentor._native import (
    Application,
    Contract,
    Policy,
    __version__,
    error_codes,
    evaluate_eligibility,
    registration_schemes,
    triage,
    triage_json_bytes,
    validate_application,
    validate_registration_number,
)
from mentor.wire import (
    Action,
    ApplicationValidation,
    EligibilityDecision,
    ErrorCodeInfo,
    FieldError,
    Outcome,
    Party,
    Payout,
    Priority,
    PriorityComponents,
    Reason,
    RegistrationCheck,
    RegistrationNumberResult,
    RegistrationSchemes,
    SchemeInfo,
    SelfEmployedStatus,
    TriageEntry,
    TriageStatus,
)

__all__ = [
    # Calls (mentor-core, through the native module)
    "validate_application",
    "evaluate_eligibility",
    "triage",
    "triage_json_bytes",
    "validate_registration_number",
    "registration_schemes",
    "error_codes",
    # Handles and lifecycles
    "Policy",
    "Application",
    "Contract",
    # Exceptions
    "MentorError",
    "InputError",
    "TransitionError",
    "SignatureError",
    # Shapes of the answers (typing only)
    "Action",
    "ApplicationValidation",
    "EligibilityDecision",
    "ErrorCodeInfo",
    "FieldError",
    "Outcome",
    "Party",
    "Payout",
    "Priority",
    "PriorityComponents",
    "Reason",
    "RegistrationCheck",
    "RegistrationNumberResult",
    "RegistrationSchemes",
    "SchemeInfo",
    "SelfEmployedStatus",
    "TriageEntry",
    "TriageStatus",
    "__version__",
]
