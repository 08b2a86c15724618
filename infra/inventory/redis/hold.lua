-- One call decides a reservation (token-bucket.lua is prepended). Every key carries the event's hash tag.
-- KEYS: 1 zone, 2 buyer's counts, 3 hold, 4 the key's outcome, 5 expiry index, 6 buyer's token bucket,
--       7 the waiting room, 8 its passes, 9 the buyers inside it, 10 those with a pass not used yet
-- ARGV: 1 quantity, 2 maxPerUser, 3 expiresAt, 4 outcome ttl (ms), 5 hold JSON, 6 bookingId, 7 zoneId,
--       8 userId, 9 unitPrice, 10 currency, 11 request fingerprint, 12 now (ms),
--       13 bucket size (0: no bucket), 14 bucket refill per second, 15 the pass's place in line ('' none)
-- Reply: {status, detail, tokens left, epoch ms when the bucket is full, ms until a token is back}
-- The steps, in order; a refusal at any step costs nothing more:
local tokens, full_at, retry_after = 0, 0, 0
-- 1. The buyer's token bucket for this event. A refusal is not remembered: the same key may retry.
local bucket_size = tonumber(ARGV[13])
if bucket_size > 0 then
  local allowed
  allowed, tokens, full_at, retry_after = take_token(KEYS[6], bucket_size, tonumber(ARGV[14]), 1, tonumber(ARGV[12]))
  if allowed == 0 then return {'RATE_LIMITED', 0, tokens, tostring(full_at), retry_after} end
end
local function reply(status, detail) return {status, detail, tokens, tostring(full_at), retry_after} end
-- 2. The Idempotency-Key: the same request gets its first outcome back, another request is a reuse.
local seen = redis.call('HMGET', KEYS[4], 'fp', 'status', 'detail')
if seen[1] then
  if seen[1] ~= ARGV[11] then return reply('IDEMPOTENCY_KEY_REUSED', 0) end
  return reply('REPLAYED_' .. seen[2], seen[3])
end
-- 3. While the event's waiting room is on, the buyer's own pass of that number, unexpired and unused.
local pass
if redis.call('HGET', KEYS[7], 'enabled') == '1' then
  if ARGV[15] == '' then return reply('QUEUE_PASS_REQUIRED', 0) end
  local granted = redis.call('HGET', KEYS[8], ARGV[8])
  if not granted then return reply('QUEUE_PASS_INVALID', 0) end
  local seq, expires_at, used = string.match(granted, '^(%d+)|(%d+)|(%d)$')
  if seq ~= ARGV[15] then return reply('QUEUE_PASS_INVALID', 0) end
  if used == '1' then return reply('QUEUE_PASS_USED', 0) end
  if tonumber(expires_at) <= tonumber(ARGV[12]) then return reply('QUEUE_PASS_EXPIRED', 0) end
  pass = seq .. "|" .. expires_at .. "|1"
end
-- 4. The zone and the buyer's limit. Sold out and over the limit are outcomes the key remembers.
local function remember(status, detail)
  redis.call('HSET', KEYS[4], 'fp', ARGV[11], 'status', status, 'detail', detail)
  redis.call('PEXPIRE', KEYS[4], ARGV[4])
  return reply(status, detail)
end
local zone = redis.call('HMGET', KEYS[1], 'available', 'rebuilding')
if not zone[1] then return reply('ZONE_NOT_PROVISIONED', 0) end
local available = tonumber(zone[1])
if zone[2] == '1' then return reply('ZONE_REBUILDING', available) end
local quantity = tonumber(ARGV[1])
if available < quantity then return remember('INSUFFICIENT_SEATS', available) end
local user = redis.call('HMGET', KEYS[2], 'held', 'confirmed')
if (tonumber(user[1]) or 0) + (tonumber(user[2]) or 0) + quantity > tonumber(ARGV[2]) then
  return remember('TICKET_LIMIT_EXCEEDED', available)
end
if redis.call('EXISTS', KEYS[3]) == 1 then return redis.error_reply('DUPLICATE_BOOKING booking id already holds seats') end
-- 5. The hold: counts move, the hold is written and indexed by its expiry.
redis.call('HINCRBY', KEYS[1], 'available', -quantity)
redis.call('HINCRBY', KEYS[1], 'held', quantity)
redis.call('HINCRBY', KEYS[2], 'held', quantity)
redis.call('HSET', KEYS[3], 'zoneId', ARGV[7], 'userId', ARGV[8], 'quantity', ARGV[1], 'unitPrice', ARGV[9],
  'currency', ARGV[10], 'expiresAt', ARGV[3], 'answer', KEYS[4])
redis.call('ZADD', KEYS[5], ARGV[3], ARGV[6])
if pass then
  redis.call('HSET', KEYS[8], ARGV[8], pass)
  redis.call('ZADD', KEYS[9], ARGV[3], ARGV[8])
  redis.call('ZREM', KEYS[10], ARGV[8])
end
return remember('OK', ARGV[5])
