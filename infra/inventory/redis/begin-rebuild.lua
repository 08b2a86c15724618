-- KEYS: zone   ARGV: replaceLiveCounter ('1' or '0'). Marks the zone rebuilding so holds are refused.
local rebuilding = redis.call('HGET', KEYS[1], 'rebuilding')
if rebuilding == '0' and ARGV[1] ~= '1' then return 0 end
if rebuilding then
  redis.call('HSET', KEYS[1], 'rebuilding', 1)
else
  redis.call('HSET', KEYS[1], 'capacity', 0, 'available', 0, 'held', 0, 'confirmed', 0, 'rebuilding', 1)
end
return 1
