-- The tracking page of a proven order: GET /t/{slug}/orders/{n} with its grant cookie
-- (BENCH_TOKENS: order number, cookie value, link token). BENCH_MODE=link sends the signed
-- link instead (?k=..., answered with 303 and a fresh grant). BENCH_RATE (req/s, all connections
-- together; BENCH_CONNS connections) paces each connection to about that rate: the page at half
-- its maximum throughput. The achieved rate is what the RESULT line reports.
local c = dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local slug = os.getenv("BENCH_SLUG") or "bench-1"
local mode = os.getenv("BENCH_MODE") or "cookie"
local rows
local rate = tonumber(os.getenv("BENCH_RATE") or "0")
if rate > 0 then
  local gap = tonumber(os.getenv("BENCH_CONNS") or "8") * 1000 / rate
  delay = function() return gap end
end
setup = c.setup
done = c.done
init = function() c.seed(); rows = c.lines(os.getenv("BENCH_TOKENS")) end
request = function()
  local r = rows[math.random(1, #rows)]
  if mode == "link" then
    return wrk.format("GET", "/t/" .. slug .. "/orders/" .. r[1] .. "?k=" .. r[3])
  end
  return wrk.format("GET", "/t/" .. slug .. "/orders/" .. r[1], { ["Cookie"] = "beacon_order=" .. r[2] })
end
