-- Shipment registration: POST /api/v1/orders/BO-<g>/shipments with a new tracking number per
-- request on random existing orders of the store (carrier given, as most backends do).
local c = dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local lo, hi = tonumber(os.getenv("BENCH_LO")), tonumber(os.getenv("BENCH_HI"))
local auth = "Bearer " .. os.getenv("BENCH_KEY")
local tag = os.getenv("BENCH_TAG") or "x"
local n = 0
setup = c.setup
done = c.done
init = function() c.seed() end
request = function()
  n = n + 1
  local body = '{"trackingNumber":"BR' .. tag .. "X" .. id .. "X" .. n .. '","carrier":"ups"}'
  return wrk.format("POST", "/api/v1/orders/BO-" .. math.random(lo, hi) .. "/shipments",
    { ["Authorization"] = auth, ["Content-Type"] = "application/json" }, body)
end
