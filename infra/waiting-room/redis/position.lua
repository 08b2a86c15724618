-- KEYS: 1 line, 2 members, 3 pre-queue. ARGV: 1 userId
-- Reply: {phase, member ('' when not joined), lastPlace, admittedUpTo, pre-queue length}
local line = redis.call('HMGET', KEYS[1], 'phase', 'lastPlace', 'admittedUpTo')
local member = redis.call('HGET', KEYS[2], ARGV[1]) or ''
return {line[1] or 'not-opened', member, line[2] or '0', line[3] or '0', redis.call('LLEN', KEYS[3])}
