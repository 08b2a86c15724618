-- The load benchmark's wrk script (run by benchmarks/load/wrk-load.ts): POST /api/v1/bookings with a
-- distinct buyer and Idempotency-Key per request, statuses and error codes counted per thread, the
-- booking ids of 201 answers written per thread, and one `WRK_RESULT {json}` line printed by done().
--
-- Arguments after `--`: buyers file (one "<buyer id> <access token>" a line), Idempotency-Key prefix,
-- zone ids (comma separated), seats per request, ids file prefix (thread i writes <prefix><i>), threads,
-- connections, amount (requests in all; 0 runs for wrk's duration), rate (requests/s offered by all
-- connections together; 0 is a closed loop).
local ffi = require('ffi')

ffi.cdef([[
typedef struct { long tv_sec; long tv_nsec; } reserve_timespec;
int clock_gettime(int clock, reserve_timespec *now);
]])
local clockNow = ffi.new('reserve_timespec')
-- Milliseconds on CLOCK_MONOTONIC (wrk gives scripts no clock; os.time() has whole seconds).
local function nowMs()
  ffi.C.clock_gettime(1, clockNow)
  return tonumber(clockNow.tv_sec) * 1e3 + tonumber(clockNow.tv_nsec) / 1e6
end

-- A paced request sent more than this many ms after its scheduled time counts as late.
local lateMs = 10

local threads = {}

-- Main state, once per thread before its init: number the threads so each takes its own share.
function setup(thread)
  thread:set('index', #threads)
  table.insert(threads, thread)
end

-- Thread state. Globals read back by done() through thread:get.
statuses, codes, created, answered, connections = {}, {}, 0, 0, 0
-- Paced mode: the rate offered, requests sent on the schedule, those sent late (> lateMs) and the worst.
rate, pacedSends, lateSends, maxLateMs = 0, 0, 0, 0

local auth, buyerIds, tails = {}, {}, {}
local head, keyPrefix, idsOut, quota, threadCount
local sent, issued = 0, 0

-- Paced mode, R requests/s over C connections and T threads. Each connection's timeline is one send
-- every C/R s, the C timelines offset 1/R s from each other, so sends are spread, not bunched. wrk
-- calls delay() when a connection is free to send (before its first request, after each answer) and
-- waits the ms it returns, but does not say which connection asks: so a thread keeps its connections'
-- timelines as one grid, a send time every T/R s (thread i's grid i/R s after thread 0's), and a free
-- connection takes the earliest time nobody took and waits for it, or sends at once when it is past.
-- The grid is absolute (the next time is the last one + T/R, not now + T/R): a slow answer costs the
-- offered rate nothing until every connection of the thread is busy; requests then go out late, and
-- are counted.
local slotMs, nextSlot
-- Send times taken and not yet sent, oldest first: request() compares the oldest with the clock.
-- Connections whose times are within a ms of each other may swap places; lateness is counted in
-- tens of ms.
local taken, takenFirst, takenLast = {}, 1, 0

local function takeSlot()
  local now = nowMs()
  if nextSlot == nil then nextSlot = now + index * slotMs / threadCount end
  local slot = nextSlot
  nextSlot = slot + slotMs
  takenLast = takenLast + 1
  taken[takenLast] = slot
  local wait = slot - now
  -- wrk's timers have whole ms; rounding keeps each send within half a ms of its time, and the grid
  -- being absolute, the error does not add up.
  return wait > 0.5 and math.floor(wait + 0.5) or 0
end

local function sentNow()
  if takenFirst > takenLast then return end
  local behind = nowMs() - taken[takenFirst]
  taken[takenFirst] = nil
  takenFirst = takenFirst + 1
  pacedSends = pacedSends + 1
  if behind > lateMs then lateSends = lateSends + 1 end
  if behind > maxLateMs then maxLateMs = behind end
end

function init(args)
  local buyersFile, zones, quantity, idsPrefix = args[1], args[3], args[4], args[5]
  local amount = tonumber(args[8])
  threadCount = tonumber(args[6])
  connections = tonumber(args[7])
  rate = tonumber(args[9])
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
    -- A fixed number of requests: each thread sends its share, then its connections wait and the
    -- thread stops at its last answer.
    quota = math.floor(amount / threadCount) + (index < amount % threadCount and 1 or 0)
  end
  if rate > 0 then slotMs = threadCount * 1000 / rate end
  -- Defined only when needed: wrk then calls it before every request (and skips it otherwise).
  if quota or slotMs then
    function delay()
      if quota then
        if issued >= quota then return 1e9 end
        issued = issued + 1
      end
      return slotMs and takeSlot() or 0
    end
  end
  io.stderr:write('wrk-thread-ready ' .. index .. '\n')
  if quota == 0 then io.stderr:write('wrk-thread-done ' .. index .. '\n') end
end

function request()
  if slotMs then sentNow() end
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
  if threads[1]:get('rate') > 0 then
    local paced = { rate = threads[1]:get('rate'), sends = 0, late = 0, lateMs = lateMs, maxLateMs = 0 }
    for _, thread in ipairs(threads) do
      paced.sends = paced.sends + thread:get('pacedSends')
      paced.late = paced.late + thread:get('lateSends')
      paced.maxLateMs = math.max(paced.maxLateMs, thread:get('maxLateMs'))
    end
    all.paced = paced
  end
  io.write('WRK_RESULT ', object(all), '\n')
end
