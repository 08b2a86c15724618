-- Grants waiting-room passes. KEYS: 1 the event's passes, 2 the buyers inside the room, 3 those with a
-- pass not used yet.
-- ARGV: triples of userId, seq, expiresAt (ms). A granted buyer is inside until the pass expires.
-- A buyer's pass of a later place replaces theirs; the same place again (an admission applied twice
-- after a restart) leaves it as it is, so a used pass never becomes usable again.
for i = 1, #ARGV, 3 do
  local userId, seq = ARGV[i], tonumber(ARGV[i + 1])
  local granted = redis.call('HGET', KEYS[1], userId)
  local current = granted and tonumber(string.match(granted, '^(%d+)|')) or 0
  if seq > current then
    redis.call('HSET', KEYS[1], userId, seq .. '|' .. ARGV[i + 2] .. '|0')
    redis.call('ZADD', KEYS[2], ARGV[i + 2], userId)
    redis.call('ZADD', KEYS[3], ARGV[i + 2], userId)
  end
end
return #ARGV / 3
