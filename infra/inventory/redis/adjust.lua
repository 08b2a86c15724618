-- KEYS: zone   ARGV: delta. Capacity never drops below held + confirmed.
local zone = redis.call('HMGET', KEYS[1], 'capacity', 'available', 'rebuilding')
if not zone[1] then return {'ZONE_NOT_PROVISIONED'} end
if zone[3] == '1' then return {'ZONE_REBUILDING'} end
local delta = tonumber(ARGV[1])
if tonumber(zone[2]) + delta < 0 then return {'BELOW_COMMITTED'} end
return {'OK', redis.call('HINCRBY', KEYS[1], 'capacity', delta), redis.call('HINCRBY', KEYS[1], 'available', delta)}
