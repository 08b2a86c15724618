-- Numbers shuffled pre-queue buyers. KEYS: 1 members. ARGV: pairs of userId, place.
for i = 1, #ARGV, 2 do
  local member = redis.call('HGET', KEYS[1], ARGV[i])
  if member then
    local at = string.match(member, '|(%d+)$')
    redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1] .. '|' .. at)
  end
end
return #ARGV / 2
