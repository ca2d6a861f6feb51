-- wrk script for bench/run. BENCH_MODE picks the workload:
--   live    GET /health/live, no request() so wrk sends one prebuilt request (the HTTP ceiling)
--   get     GET /v1/databases/{id}, ids picked at random from BENCH_IDS_FILE
--   list    GET /v1/databases?owner_team=team-N&q=abc&page_size=50, N random in [0, BENCH_TEAMS)
--   create  POST /v1/databases, names unique: BENCH_PREFIX, the thread number and a counter
-- BENCH_TOKEN, when set, is sent as a bearer token. done() prints one machine-readable line.

local mode = os.getenv("BENCH_MODE") or "live"
local token = os.getenv("BENCH_TOKEN") or ""
local teams = tonumber(os.getenv("BENCH_TEAMS") or "100")

-- setup() runs in the main Lua state, once per thread: number the threads so that each one
-- seeds its own random sequence and owns its own part of the create names.
local next_thread = 0
function setup(thread)
  thread:set("thread_no", next_thread)
  next_thread = next_thread + 1
end

local headers = {}
local ids = {}
local counter = 0
local prefix = os.getenv("BENCH_PREFIX") or "bench"

function init(args)
  math.randomseed(os.time() * 100 + (thread_no or 0))
  if token ~= "" then headers["Authorization"] = "Bearer " .. token end
  if mode == "create" then headers["Content-Type"] = "application/json" end
  if mode == "get" then
    local path = os.getenv("BENCH_IDS_FILE")
    local f = assert(io.open(path, "r"), "cannot read BENCH_IDS_FILE " .. tostring(path))
    for line in f:lines() do
      if line ~= "" then ids[#ids + 1] = line end
    end
    f:close()
    assert(#ids > 0, "no ids in " .. path)
  end
end

if mode == "get" then
  function request()
    return wrk.format("GET", "/v1/databases/" .. ids[math.random(#ids)], headers)
  end
elseif mode == "list" then
  function request()
    local path = "/v1/databases?owner_team=team-" .. math.random(0, teams - 1) .. "&q=abc&page_size=50"
    return wrk.format("GET", path, headers)
  end
elseif mode == "create" then
  function request()
    counter = counter + 1
    local name = string.format("%s-t%d-%d", prefix, thread_no, counter)
    local body = string.format(
      '{"name":"%s","owner_team":"team-%d","purpose":"bench create","labels":{"bench":"true"}}',
      name, math.random(0, teams - 1))
    return wrk.format("POST", "/v1/databases", headers, body)
  end
elseif mode ~= "live" then
  error("unknown BENCH_MODE " .. mode)
end

-- Runs once at the end, in the main state. Latencies are in microseconds. wrk counts a response
-- with status >= 400 as a status error; 1xx/3xx do not occur on these routes.
function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "BENCH_RESULT rps=%.1f p50_ms=%.3f p99_ms=%.3f requests=%d status_errors=%d socket_errors=%d\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
