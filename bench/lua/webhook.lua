-- Carrier webhook ingestion: signed EasyPost tracker.updated deliveries from BENCH_BODIES
-- (signature, body; each a distinct event with one new scan), taken in turn per thread so a
-- body is sent once unless the file runs out. BENCH_OFFSET (bench/run.sh: the round's share of
-- the file) is where this run starts, so later rounds send new events, not round 1's again. With BENCH_ACKS set (one connection per thread)
-- the event ids answered 200 are written there, for the no-scan-lost check.
local c = dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local slug = os.getenv("BENCH_SLUG") or "bench-1"
local nthreads = tonumber(os.getenv("BENCH_THREADS") or "2")
local offset = tonumber(os.getenv("BENCH_OFFSET") or "0")
local rows, i, last = nil, 0, nil
setup = function(thread) c.setup(thread); thread:set("acks", "") end
init = function() rows = c.lines(os.getenv("BENCH_BODIES")); i = offset + id - nthreads end
request = function()
  i = i + nthreads
  local r = rows[((i - 1) % #rows) + 1]
  last = string.match(r[2], '"id" : "([^"]+)"')
  return wrk.format("POST", "/webhooks/carriers/easypost/" .. slug,
    { ["Content-Type"] = "application/json", ["X-Hmac-Signature"] = r[1] }, r[2])
end
local ack_path = os.getenv("BENCH_ACKS")
if ack_path then
  acks = ""
  response = function(status, headers, body)
    if status == 200 and last then acks = acks .. last .. "\n" end
  end
end
local threads = {}
local base_setup = setup
setup = function(thread) base_setup(thread); threads[#threads + 1] = thread end
done = function(summary, latency, requests)
  c.done(summary, latency, requests)
  if ack_path then
    local f = io.open(ack_path, "w")
    for _, t in ipairs(threads) do f:write(t:get("acks") or "") end
    f:close()
  end
end
