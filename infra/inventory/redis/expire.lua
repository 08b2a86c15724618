-- KEYS: expiry index   ARGV: base, now, limit
-- Pops due entries and releases each hold still held; confirmed or released ones are already gone.
local now = tonumber(ARGV[2])
local expired = {}
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[2], 'LIMIT', 0, tonumber(ARGV[3]))) do
  redis.call('ZREM', KEYS[1], id)
  local hold = read_hold(ARGV[1], id)
  if hold and tonumber(hold[4]) <= now then
    drop_hold(ARGV[1], id, hold, 'released', false)
    table.insert(expired, {id, hold[1], hold[2], hold[3]})
  elseif hold then
    redis.call('ZADD', KEYS[1], hold[4], id)
  end
end
return expired
