-- Phase changes and admission. KEYS: 1 line. ARGV: 1 action (open-pre-queue, close, reopen, admitted), 2 upTo
local action = ARGV[1]
local phase = redis.call('HGET', KEYS[1], 'phase') or 'not-opened'
if action == 'open-pre-queue' then
  if phase == 'not-opened' then redis.call('HSET', KEYS[1], 'phase', 'prequeue') end
elseif action == 'close' then
  if phase ~= 'closed' then
    redis.call('HSET', KEYS[1], 'phase', 'closed', 'closedFrom', phase == 'open' and 'open' or 'prequeue')
  end
elseif action == 'reopen' then
  if phase == 'closed' then
    local from = redis.call('HGET', KEYS[1], 'closedFrom')
    if not from or from == '' then from = 'open' end
    redis.call('HSET', KEYS[1], 'phase', from)
  end
elseif action == 'admitted' then
  if tonumber(ARGV[2]) > tonumber(redis.call('HGET', KEYS[1], 'admittedUpTo') or '0') then
    redis.call('HSET', KEYS[1], 'admittedUpTo', ARGV[2])
  end
end
return 1
