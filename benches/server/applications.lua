-- wrk script: POST /applications with a new e-mail address each request (each form is a new
-- application, never a duplicate).
local n = 0
local thread_id = 0
function setup(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
end
request = function()
  n = n + 1
  local body = string.format([[{"offer_id": "mentor-web-2026", "applicant": {"first_name": "Ada", "last_name": "Lovelace", "email": "load-%d-%d@example.org", "country": "FR", "timezone": "Europe/Paris"}, "subjects": [{"subject": "python", "level": "proficient", "years_experience": 4}], "working_situation": {"status": "freelancer", "business": {"registration_number": "732 829 320 00074"}}, "consent": {"data_processing": true}}]], id, n)
  return wrk.format("POST", "/applications", {["Content-Type"] = "application/json"}, body)
end
