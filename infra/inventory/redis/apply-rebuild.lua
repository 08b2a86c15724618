-- KEYS: zone, sold set of the zone, expiry index, legacy buyers hash of the zone
-- ARGV: base, zoneId, capacity, available, held, confirmed, holdCount,
--       then per hold: bookingId, userId, quantity, unitPrice, currency, expiresAt;
--       then per confirmed booking: bookingId, userId, quantity
-- Only a zone marked rebuilding is written: a live counter is never overwritten by accident.
if redis.call('HGET', KEYS[1], 'rebuilding') ~= '1' then return 0 end
local base, zone_id = ARGV[1], ARGV[2]
for _, id in ipairs(redis.call('ZRANGE', KEYS[3], 0, -1)) do
  local hold = read_hold(base, id)
  if hold and hold[1] == zone_id then
    redis.call('HINCRBY', base .. 'user:' .. hold[2], 'held', -tonumber(hold[3]))
    redis.call('DEL', base .. 'hold:' .. id)
    redis.call('ZREM', KEYS[3], id)
  end
end
-- Every marker of the zone goes: a booking the log no longer calls confirmed must not be returned later.
for _, id in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  local sold = redis.call('HMGET', base .. 'sold:' .. id, 'userId', 'quantity')
  if sold[1] then redis.call('HINCRBY', base .. 'user:' .. sold[1], 'confirmed', -tonumber(sold[2])) end
  redis.call('DEL', base .. 'sold:' .. id)
end
redis.call('DEL', KEYS[2])
-- Counters confirmed before markers existed counted their buyers here instead.
local buyers = redis.call('HGETALL', KEYS[4])
for i = 1, #buyers, 2 do
  redis.call('HINCRBY', base .. 'user:' .. buyers[i], 'confirmed', -tonumber(buyers[i + 1]))
end
redis.call('DEL', KEYS[4])
local i = 8
for _ = 1, tonumber(ARGV[7]) do
  local id, user = ARGV[i], ARGV[i + 1]
  redis.call('HSET', base .. 'hold:' .. id, 'zoneId', zone_id, 'userId', user, 'quantity', ARGV[i + 2],
    'unitPrice', ARGV[i + 3], 'currency', ARGV[i + 4], 'expiresAt', ARGV[i + 5])
  redis.call('ZADD', KEYS[3], ARGV[i + 5], id)
  redis.call('HINCRBY', base .. 'user:' .. user, 'held', tonumber(ARGV[i + 2]))
  i = i + 6
end
while i < #ARGV do
  sell(base, ARGV[i], zone_id, ARGV[i + 1], ARGV[i + 2])
  redis.call('HINCRBY', base .. 'user:' .. ARGV[i + 1], 'confirmed', tonumber(ARGV[i + 2]))
  i = i + 3
end
redis.call('HSET', KEYS[1], 'capacity', ARGV[3], 'available', ARGV[4], 'held', ARGV[5], 'confirmed', ARGV[6],
  'rebuilding', 0)
return 1
