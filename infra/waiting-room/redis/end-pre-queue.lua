-- Ends the pre-queue: later joins get places after it. KEYS: 1 line, 2 pre-queue. Reply: its buyers.
local count = redis.call('LLEN', KEYS[2])
if redis.call('HGET', KEYS[1], 'phase') == 'prequeue' then
  redis.call('HSET', KEYS[1], 'phase', 'open')
  local last = tonumber(redis.call('HGET', KEYS[1], 'lastPlace') or '0')
  if count > last then redis.call('HSET', KEYS[1], 'lastPlace', count) end
end
return redis.call('LRANGE', KEYS[2], 0, -1)
