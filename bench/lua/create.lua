-- Order creation: POST /api/v1/orders with a new order number per request (BENCH_TAG makes
-- them unique per run), 1-3 items, and an Idempotency-Key as a store backend sends it.
local c = dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local auth = "Bearer " .. os.getenv("BENCH_KEY")
local tag = os.getenv("BENCH_TAG") or "x"
local n = 0
setup = c.setup
done = c.done
init = function() c.seed() end
request = function()
  n = n + 1
  local number = "BC-" .. tag .. "-" .. id .. "-" .. n
  local items = '{"sku":"SKU-1","name":"Desk lamp","quantity":1}'
  for i = 2, math.random(1, 3) do items = items .. ',{"sku":"SKU-' .. i .. '","name":"Item ' .. i .. '","quantity":1}' end
  local body = '{"orderNumber":"' .. number .. '","placedAt":"2026-11-20T09:30:00-05:00",'
    .. '"customer":{"name":"Ana Lima","email":"' .. number .. '@example.com","locale":"en"},'
    .. '"destination":{"postalCode":"38103","city":"Memphis","region":"TN","country":"US"},'
    .. '"promisedBy":"2026-11-27","items":[' .. items .. ']}'
  return wrk.format("POST", "/api/v1/orders", { ["Authorization"] = auth, ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = number }, body)
end
