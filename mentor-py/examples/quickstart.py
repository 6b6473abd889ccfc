"""Quick start: one eligibility decision, one form, a small batch, a lifecycle."""

from datetime import datetime, timezone

import mentor

# An operator's policy, parsed once and reused (docs/policy.md).
policy = mentor.Policy.from_toml(
    """
offers = ["mentor-web-2026"]
[demand]
web_development = "urgent"
"""
)

# Who signs and who invoices (docs/wire-format.md#decision).
decision = mentor.evaluate_eligibility(
    {"country": "FR", "status": "freelancer", "business": {"registration_number": "732 829 320 00074"}},
    policy=policy,
)
print(decision.outcome, decision.contracting_party)  # eligible mentor_business
# A mentor.Decision reads like the dict it is (decision["outcome"]); to_dict() is that dict.

# A situation that does not parse raises InputError, with every field error.
try:
    mentor.evaluate_eligibility({"country": "FR", "status": "pirate"})
except mentor.InputError as e:
    print([(err["path"], err["code"]) for err in e.errors()])  # [('status', 'invalid_enum')]

# One application form: problems come back as data, messages in French here.
form = {
    "reference": "A-1001",
    "offer_id": "mentor-web-2026",
    "applicant": {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.org", "country": "GB"},
    "subjects": [{"subject": "web_development", "level": "proficient", "years_experience": 6}],
    "consent": {"data_processing": True},
    "submitted_at": datetime(2026, 11, 12, 9, 30, tzinfo=timezone.utc),
}
check = mentor.validate_application(form, policy=policy, lang="fr")
print(check["valid"], round(check["completeness"], 2))  # True 0.07

# A batch: ranked forms first, the invalid ones last; the batch never stops on a bad form.
report = mentor.triage([form, {"offer_id": "mentor-web-2026"}], policy=policy, now="2026-11-30T09:00:00Z")
for entry in report:
    print(entry["line"], entry["status"], entry["rank"], entry["contact_by"])

# An application's lifecycle (docs/lifecycles.md).
app = mentor.Application()
app.apply({"type": "submitted", "at": "2026-11-12T09:30:00Z", "actor": "candidate", "offer_id": "mentor-web-2026"})
app.apply({"type": "review_started", "at": datetime(2026, 11, 13, 8, 0, tzinfo=timezone.utc), "actor": "mentor_manager"})
print(app.state, app.allowed_events()[:3])
try:
    app.apply({"type": "onboarded", "at": "2026-11-14T08:00:00Z", "actor": "system"})
except mentor.TransitionError as e:
    print(e.code, e.state, e.event)  # transition_not_allowed in_review onboarded
