-- Token bucket, one atomic step. KEYS[1] bucket hash {t = tokens, at = ms}.
-- ARGV: limit, refill per second, cost, now (ms; empty → the server's TIME).
-- Mirrors refillAndTake in command-side/rate-limit/rate-limiter.ts.
local limit = tonumber(ARGV[1])
local per_ms = tonumber(ARGV[2]) / 1000
local cost = tonumber(ARGV[3])
local now = tonumber(ARGV[4])
if not now then
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end
local stored = redis.call('HMGET', KEYS[1], 't', 'at')
local tokens = limit
if stored[1] then
  tokens = math.min(limit, tonumber(stored[1]) + math.max(0, now - tonumber(stored[2])) * per_ms)
end
local allowed = 0
local retry_after = 0
if tokens >= cost then
  allowed = 1
  tokens = tokens - cost
else
  retry_after = math.ceil((cost - tokens) / per_ms)
end
local full_in = math.ceil((limit - tokens) / per_ms)
redis.call('HSET', KEYS[1], 't', tostring(tokens), 'at', tostring(now))
-- A full bucket is the same as no bucket: the key disappears once it would be full.
redis.call('PEXPIRE', KEYS[1], math.max(full_in, 1))
return { allowed, math.floor(tokens), tostring(now + full_in), retry_after }
