-- One place per buyer. KEYS: 1 line, 2 members, 3 pre-queue, 4 unrecorded joins. ARGV: 1 userId, 2 now (ms)
-- Reply: {status, place ('' in the pre-queue), joinedAt}
local member = redis.call('HGET', KEYS[2], ARGV[1])
if member then
  local place, at = string.match(member, '^(%d*)|(%d+)$')
  return {'AGAIN', place, at}
end
local phase = redis.call('HGET', KEYS[1], 'phase') or 'not-opened'
if phase == 'not-opened' then return {'QUEUE_NOT_OPEN', '', '0'} end
if phase == 'closed' then return {'QUEUE_CLOSED', '', '0'} end
local place = ''
if phase == 'open' then
  place = tostring(redis.call('HINCRBY', KEYS[1], 'lastPlace', 1))
else
  redis.call('RPUSH', KEYS[3], ARGV[1])
end
redis.call('HSET', KEYS[2], ARGV[1], place .. '|' .. ARGV[2])
redis.call('RPUSH', KEYS[4], ARGV[1] .. '|' .. place .. '|' .. ARGV[2])
return {'JOINED', place, ARGV[2]}
