-- wrk script: posts the EventList batches in $BATCH_DIR to /v1/audit in turn, each connection
-- paced so that all threads together send $RATE events per second ($PER_BATCH events each).
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_usec; } timeval;
int gettimeofday(timeval *tv, void *tz);
]]
local tv = ffi.new("timeval")
local function now_ms()
  ffi.C.gettimeofday(tv, nil)
  return tonumber(tv.tv_sec) * 1000 + tonumber(tv.tv_usec) / 1000
end

local dir = os.getenv("BATCH_DIR")
local batches = tonumber(os.getenv("BATCHES"))
local per_batch = tonumber(os.getenv("PER_BATCH"))
local rate = tonumber(os.getenv("RATE"))
local threads = tonumber(os.getenv("THREADS"))
local token = os.getenv("PICKET_TOKEN")

local bodies = {}
local next_batch
local sent = 0
local threads_started = 0

-- Each thread marks its batches with its own number: the server recognises a batch it has seen
-- (a webhook retry) by its digest and would not detect its events twice.
function setup(thread)
  threads_started = threads_started + 1
  thread:set("tid", threads_started)
end
local interval -- ms between requests of one thread (its connections share the pace)
local due

function init(args)
  for i = 0, batches - 1 do
    local f = assert(io.open(string.format("%s/batch-%05d.json", dir, i), "rb"))
    bodies[#bodies + 1] = f:read("*a")
    f:close()
  end
  next_batch = math.random(#bodies)
  interval = 1000 * per_batch * threads / rate
  due = now_ms()
end

function delay()
  due = due + interval
  local wait = due - now_ms()
  if wait < 0 then return 0 end
  return wait
end

function request()
  next_batch = next_batch % #bodies + 1
  sent = sent + 1
  local body = string.gsub(bodies[next_batch], '"metadata":{}',
    '"metadata":{"resourceVersion":"' .. tid .. "-" .. sent .. '"}', 1)
  return wrk.format("POST", "/v1/audit", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
  }, body)
end

function done(summary, latency, requests)
  local ok = summary.requests - summary.errors.status
  io.write(string.format("requests %d, non-2xx %d, socket errors %d, duration %.1f s\n",
    summary.requests, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.duration / 1e6))
  io.write(string.format("events sent %d (2xx), %.0f events/s\n", ok * per_batch, ok * per_batch / (summary.duration / 1e6)))
  io.write(string.format("request latency p50 %.1f ms, p99 %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
