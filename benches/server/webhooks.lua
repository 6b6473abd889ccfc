-- wrk script: POST /webhooks/docusign with the deliveries benches/server/load.py prepared, one
-- per line of the file named by the DELIVERIES environment variable (`signature<TAB>body`),
-- each a distinct DocuSign Connect delivery signed with the service's secret. The threads
-- share the file in order: thread t of n sends lines t+1, t+1+n, t+1+2n, …; past the end
-- it starts again (then each is a duplicate of a delivery already settled).
local thread_id = 0
function setup(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
end

local signatures, bodies, count, n = {}, {}, 0, 0
function init(args)
  local threads = tonumber(os.getenv("THREADS") or "1")
  local path = os.getenv("DELIVERIES")
  local line_no = 0
  for line in io.lines(path) do
    if line_no % threads == id then
      local tab = line:find("\t", 1, true)
      count = count + 1
      signatures[count] = line:sub(1, tab - 1)
      bodies[count] = line:sub(tab + 1)
    end
    line_no = line_no + 1
  end
end

request = function()
  n = n % count + 1
  return wrk.format("POST", "/webhooks/docusign",
    {["Content-Type"] = "application/json", ["X-DocuSign-Signature-1"] = signatures[n]}, bodies[n])
end
