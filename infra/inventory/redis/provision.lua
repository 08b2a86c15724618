-- KEYS: zone   ARGV: capacity. Never overwrites a live or rebuilding counter.
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'capacity', ARGV[1], 'available', ARGV[1], 'held', 0, 'confirmed', 0, 'rebuilding', 0)
return 1
