-- KEYS: the booking's sold marker   ARGV: base, bookingId
-- Deleting the marker is what makes a second return (or one for a booking a rebuild left out) a no-op.
local sold = redis.call('HMGET', KEYS[1], 'zoneId', 'userId', 'quantity')
if not sold[1] then return 0 end
local base, quantity = ARGV[1], tonumber(sold[3])
unsell(base, ARGV[2], sold[1])
local zone = base .. 'zone:' .. sold[1]
redis.call('HINCRBY', zone, 'confirmed', -quantity)
redis.call('HINCRBY', zone, 'available', quantity)
redis.call('HINCRBY', base .. 'user:' .. sold[2], 'confirmed', -quantity)
return 1
