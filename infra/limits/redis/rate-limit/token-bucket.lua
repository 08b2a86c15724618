-- Token bucket, shared by take.lua and the inventory's hold script. The bucket is a hash {t = tokens,
-- at = ms}. Mirrors refillAndTake in command-side/rate-limit/rate-limiter.ts.
-- Returns allowed (1/0), whole tokens left, epoch ms when full again, ms until `cost` tokens are back.
local function take_token(key, limit, refill_per_second, cost, now)
  local per_ms = refill_per_second / 1000
  local stored = redis.call('HMGET', key, 't', 'at')
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
  redis.call('HSET', key, 't', tostring(tokens), 'at', tostring(now))
  -- A full bucket is the same as no bucket: the key disappears once it would be full.
  redis.call('PEXPIRE', key, math.max(full_in, 1))
  return allowed, math.floor(tokens), now + full_in, retry_after
end
