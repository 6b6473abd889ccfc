"""An e-signature webhook: verify the delivery on its raw bytes, then read its events."""

import hashlib
import hmac

import mentor

SECRET = "whsec-example"  # the webhook secret, as configured at the provider

# What Yousign sends: the raw body, signed with sha256=<hex HMAC-SHA256 of the body>.
body = b'{"event_id":"e-1","event_name":"signer.done","event_time":"1795000000","data":{"signature_request":{"id":"sr-1"},"signer":{"id":"s-1"}}}'
headers = {"X-Yousign-Signature-256": "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()}

# In a web app: mentor.verify_webhook("yousign", SECRET, request.headers, request.body).
delivery = mentor.verify_webhook("yousign", SECRET, headers, body)
for event in delivery["events"]:
    print(delivery["verified"], event["kind"], event["request_id"], event["signer_id"], event["dedupe_key"])
    # True signed sr-1 s-1 yousign:e-1

# A forged or altered delivery is refused, and nothing of its body is read.
try:
    mentor.verify_webhook("yousign", SECRET, headers, body.replace(b"s-1", b"s-2"))
except mentor.SignatureError as e:
    print(e.code)  # bad_signature
