-- wrk script for bench/run. BENCH_MODE picks the workload:
--   live    GET of the URL's path without a token, one prebuilt request (the HTTP ceiling)
--   fixed   GET of the URL's path with the token, one prebuilt request (a list page, page 1 or page 200)
--   get     GET /v1/databases/{id}, ids picked at random from BENCH_IDS_FILE
--   create  POST /v1/databases, names unique: BENCH_PREFIX, the thread number and a counter; no owner_team,
--           so the database belongs to the key's team
--   replay  POST /v1/databases with the same Idempotency-Key (BENCH_IDEMPOTENCY_KEY) and body (BENCH_BODY)
--           every time, one prebuilt request: after the first, the server answers with the stored response
-- BENCH_TOKEN, when set, is sent as a bearer token (not in live mode). done() prints one machine-readable line.

local mode = os.getenv("BENCH_MODE") or "live"
local token = os.getenv("BENCH_TOKEN") or ""

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

if token ~= "" and mode ~= "live" then headers["Authorization"] = "Bearer " .. token end

-- Prebuilt requests: wrk builds the request once from wrk.method/body/headers when there is no request().
if mode == "fixed" or mode == "live" then
  wrk.headers = headers
elseif mode == "replay" then
  headers["Content-Type"] = "application/json"
  headers["Idempotency-Key"] = assert(os.getenv("BENCH_IDEMPOTENCY_KEY"), "BENCH_IDEMPOTENCY_KEY is not set")
  wrk.method = "POST"
  wrk.body = assert(os.getenv("BENCH_BODY"), "BENCH_BODY is not set")
  wrk.headers = headers
end

function init(args)
  math.randomseed(os.time() * 100 + (thread_no or 0))
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
elseif mode == "create" then
  function request()
    counter = counter + 1
    local name = string.format("%s-t%d-%d", prefix, thread_no, counter)
    local body = string.format('{"name":"%s","purpose":"bench create","labels":{"bench":"true"}}', name)
    return wrk.format("POST", "/v1/databases", headers, body)
  end
elseif mode ~= "live" and mode ~= "fixed" and mode ~= "replay" then
  error("unknown BENCH_MODE " .. mode)
end

-- Runs once at the end, in the main state. Latencies are in microseconds. wrk counts a response
-- with status >= 400 as a status error; 1xx/3xx do not occur on these routes.
function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "BENCH_RESULT rps=%.1f p50_ms=%.3f p99_ms=%.3f p999_ms=%.3f requests=%d status_errors=%d socket_errors=%d\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
