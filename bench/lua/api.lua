-- The status API: GET /api/v1/orders/BO-<g> for random g in [BENCH_LO, BENCH_HI] of the store
-- whose key is BENCH_KEY.
local c = dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local lo, hi = tonumber(os.getenv("BENCH_LO")), tonumber(os.getenv("BENCH_HI"))
local auth = "Bearer " .. os.getenv("BENCH_KEY")
setup = c.setup
done = c.done
init = function() c.seed() end
request = function()
  return wrk.format("GET", "/api/v1/orders/BO-" .. math.random(lo, hi), { ["Authorization"] = auth })
end
