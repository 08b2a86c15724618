-- KEYS: zone, user, hold, idempotency answer, expiry index
-- ARGV: quantity, maxPerUser, expiresAt, answerTtlMs, answerJson, bookingId, zoneId, userId, unitPrice, currency
local answer = redis.call('GET', KEYS[4])
if answer then return {'REPLAYED', answer} end
local zone = redis.call('HMGET', KEYS[1], 'available', 'rebuilding')
if not zone[1] then return {'ZONE_NOT_PROVISIONED', 0} end
local available = tonumber(zone[1])
if zone[2] == '1' then return {'ZONE_REBUILDING', available} end
local quantity = tonumber(ARGV[1])
if available < quantity then return {'INSUFFICIENT_SEATS', available} end
local user = redis.call('HMGET', KEYS[2], 'held', 'confirmed')
if (tonumber(user[1]) or 0) + (tonumber(user[2]) or 0) + quantity > tonumber(ARGV[2]) then
  return {'TICKET_LIMIT_EXCEEDED', available}
end
if redis.call('EXISTS', KEYS[3]) == 1 then return redis.error_reply('DUPLICATE_BOOKING booking id already holds seats') end
redis.call('HINCRBY', KEYS[1], 'available', -quantity)
redis.call('HINCRBY', KEYS[1], 'held', quantity)
redis.call('HINCRBY', KEYS[2], 'held', quantity)
redis.call('HSET', KEYS[3], 'zoneId', ARGV[7], 'userId', ARGV[8], 'quantity', ARGV[1], 'unitPrice', ARGV[9],
  'currency', ARGV[10], 'expiresAt', ARGV[3], 'answer', KEYS[4])
redis.call('ZADD', KEYS[5], ARGV[3], ARGV[6])
redis.call('SET', KEYS[4], ARGV[5], 'PX', ARGV[4])
return {'OK', available - quantity}
