-- Shared by the wrk scripts: reads a tab-separated fixture file, and prints one RESULT line
-- (JSON) that bench/run.sh collects. BENCH_SEED makes each thread's random sequence repeatable.
local M = {}
local seed = tonumber(os.getenv("BENCH_SEED") or "42")
local threads = {}
local counter = 0

function M.lines(path)
  local rows = {}
  for line in io.lines(path) do
    local row = {}
    for field in string.gmatch(line, "[^\t]+") do row[#row + 1] = field end
    rows[#rows + 1] = row
  end
  return rows
end

function M.setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  threads[#threads + 1] = thread
end

function M.seed()
  math.randomseed(seed + (id or 0) * 7919)
end

function M.done(summary, latency, requests)
  local s = summary.duration / 1e6
  io.write(string.format(
    'RESULT {"requests":%d,"seconds":%.2f,"rps":%.1f,"p50":%.2f,"p90":%.2f,"p99":%.2f,"max":%.2f,"non2xx":%d,"socket_errors":%d}\n',
    summary.requests, s, summary.requests / s, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end

return M
