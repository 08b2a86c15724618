-- KEYS: zone, buyers of the zone, expiry index
-- ARGV: base, zoneId, capacity, available, held, confirmed, holdCount,
--       then per hold: bookingId, userId, quantity, unitPrice, currency, expiresAt; then userId, confirmed pairs
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
local buyers = redis.call('HGETALL', KEYS[2])
for i = 1, #buyers, 2 do
  redis.call('HINCRBY', base .. 'user:' .. buyers[i], 'confirmed', -tonumber(buyers[i + 1]))
end
redis.call('DEL', KEYS[2])
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
  redis.call('HINCRBY', base .. 'user:' .. ARGV[i], 'confirmed', tonumber(ARGV[i + 1]))
  redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
  i = i + 2
end
redis.call('HSET', KEYS[1], 'capacity', ARGV[3], 'available', ARGV[4], 'held', ARGV[5], 'confirmed', ARGV[6],
  'rebuilding', 0)
return 1
