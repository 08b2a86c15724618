-- The load benchmark's wrk script (run by benchmarks/load/wrk-load.ts): POST /api/v1/bookings with a
-- distinct buyer and Idempotency-Key per request, statuses and error codes counted per thread, the
-- booking ids of 201 answers written per thread, and one `WRK_RESULT {json}` line printed by done().
--
-- Arguments after `--`: buyers file (one "<buyer id> <access token>" a line), Idempotency-Key prefix,
-- zone ids (comma separated), seats per request, ids file prefix (thread i writes <prefix><i>), threads,
-- connections, amount (requests in all; 0 runs for wrk's duration).
local ffi = require('ffi')

local threads = {}

-- Main state, once per thread before its init: number the threads so each takes its own share.
function setup(thread)
  thread:set('index', #threads)
  table.insert(threads, thread)
end

-- Thread state. Globals read back by done() through thread:get.
statuses, codes, created, answered, connections = {}, {}, 0, 0, 0

local auth, buyerIds, tails = {}, {}, {}
local head, keyPrefix, idsOut, quota
local sent = 0

function init(args)
  local buyersFile, zones, quantity, idsPrefix = args[1], args[3], args[4], args[5]
  local threadCount, amount = tonumber(args[6]), tonumber(args[8])
  connections = tonumber(args[7])
  keyPrefix = args[2] .. 't' .. index .. '-'
  -- Every threadCount-th buyer from this thread's index: no two threads ever send the same buyer.
  local line = 0
  for text in io.lines(buyersFile) do
    if line % threadCount == index then
      local id, token = text:match('^(%S+) (%S+)$')
      buyerIds[#buyerIds + 1] = id
      auth[#auth + 1] = 'Authorization: Bearer ' .. token .. '\r\nX-Buyer: ' .. id .. '\r\n'
    end
    line = line + 1
  end
  if #auth == 0 then error('wrk thread ' .. index .. ': no buyers in ' .. buyersFile) end
  for zone in zones:gmatch('[^,]+') do
    local body = '{"zoneId":"' .. zone .. '","quantity":' .. quantity .. '}'
    tails[#tails + 1] = 'Content-Length: ' .. #body .. '\r\n\r\n' .. body
  end
  head = 'POST ' .. wrk.path .. ' HTTP/1.1\r\nHost: ' .. wrk.headers['Host'] ..
    '\r\nContent-Type: application/json\r\n'
  idsOut = assert(io.open(idsPrefix .. index, 'w'))
  idsOut:setvbuf('full', 65536)
  if amount > 0 then
    -- A fixed number of requests: each thread sends its share, then its connections wait (delay()
    -- runs before every request once defined) and the thread stops at its last answer.
    quota = math.floor(amount / threadCount) + (index < amount % threadCount and 1 or 0)
    local issued = 0
    function delay()
      if issued < quota then
        issued = issued + 1
        return 0
      end
      return 1e9
    end
  end
  io.stderr:write('wrk-thread-ready ' .. index .. '\n')
  if quota == 0 then io.stderr:write('wrk-thread-done ' .. index .. '\n') end
end

function request()
  local n = sent
  sent = n + 1
  return head .. auth[n % #auth + 1] .. 'Idempotency-Key: ' .. keyPrefix .. n .. '\r\n' .. tails[n % #tails + 1]
end

function response(status, _, body)
  answered = answered + 1
  statuses[status] = (statuses[status] or 0) + 1
  if status == 201 then
    created = created + 1
    local id = body:match('"id":"([^"]+)"')
    if id then idsOut:write(id, '\n') end
  else
    local code = body:match('"code":"([A-Z_]+)"') or ('HTTP_' .. status)
    codes[code] = (codes[code] or 0) + 1
  end
  if answered == quota then
    idsOut:flush()
    io.stderr:write('wrk-thread-done ' .. index .. '\n')
    wrk.thread:stop()
  end
end

-- wrk 4.1 "corrects" its latency histogram for coordinated omission before done(), even in a closed
-- loop: for every answer n µs long with n ≥ 2E (E = duration ÷ (answers ÷ connections)) it adds one
-- synthetic sample at each of n − E, n − 2E, … while > E. So corrected(m) = Σₖ original(m + kE) for
-- m > E, and original(m) = corrected(m) − corrected(m + E): read the histogram (an array of counts per
-- µs after four uint64 fields: count, limit, min, max) and undo it, so both load generators report
-- the same thing: every answer's latency as it was seen.
local function exactLatency(summary, latency, connections)
  local s = ffi.cast('uint64_t**', latency)[0]
  local min, max = tonumber(s[2]), tonumber(s[3])
  if summary.requests == 0 or min ~= latency.min or max ~= latency.max then return nil end
  local data = s + 4
  local perConnection = math.floor(summary.requests / connections)
  local E = perConnection > 0 and math.floor(summary.duration / perConnection) or math.huge
  local counts, total = {}, 0
  for m = min, max do
    local c = tonumber(data[m])
    if m > E and m + E <= max then c = c - tonumber(data[m + E]) end
    if c > 0 then
      counts[#counts + 1] = { m, c }
      total = total + c
    end
  end
  if total ~= summary.requests - summary.errors.timeout then return nil end
  local result = { count = total, max = max / 1000 }
  local wanted = { { 'p50', 0.5 }, { 'p90', 0.9 }, { 'p99', 0.99 }, { 'p999', 0.999 } }
  local seen, next = 0, 1
  for _, entry in ipairs(counts) do
    seen = seen + entry[2]
    while next <= #wanted and seen >= math.ceil(wanted[next][2] * total) do
      result[wanted[next][1]] = entry[1] / 1000
      next = next + 1
    end
  end
  return result, perConnection > 0 and E or 0
end

local function object(fields)
  local parts = {}
  for key, value in pairs(fields) do
    local text = type(value) == 'table' and object(value) or tostring(value)
    parts[#parts + 1] = '"' .. tostring(key) .. '":' .. text
  end
  return '{' .. table.concat(parts, ',') .. '}'
end

function done(summary, latency, _)
  local all = { statuses = {}, codes = {}, created = 0 }
  for _, thread in ipairs(threads) do
    for _, name in ipairs({ 'statuses', 'codes' }) do
      for key, count in pairs(thread:get(name)) do all[name][key] = (all[name][key] or 0) + count end
    end
    all.created = all.created + thread:get('created')
  end
  local exact, interval = exactLatency(summary, latency, threads[1]:get('connections'))
  local own = {
    p50 = latency:percentile(50) / 1000,
    p90 = latency:percentile(90) / 1000,
    p99 = latency:percentile(99) / 1000,
    p999 = latency:percentile(99.9) / 1000,
    max = latency.max / 1000,
  }
  all.durationUs = summary.duration
  all.requests = summary.requests
  all.errors = summary.errors
  all.own = own
  all.latency = exact or own
  all.correctionUndone = exact ~= nil
  all.intervalUs = interval or 0
  io.write('WRK_RESULT ', object(all), '\n')
end
