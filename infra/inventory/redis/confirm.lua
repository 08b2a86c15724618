-- KEYS: hold, expiry index   ARGV: base, bookingId, now
-- The zone, buyer and sold keys derive from base (same hash tag); see drop_hold in lib.lua.
local hold = read_hold(ARGV[1], ARGV[2])
if not hold then
  -- Confirmed already (a retry whose first answer was lost): the same answer again, nothing moves.
  if redis.call('EXISTS', ARGV[1] .. 'sold:' .. ARGV[2]) == 1 then return 'OK' end
  return 'NOT_HELD'
end
if tonumber(ARGV[3]) >= tonumber(hold[4]) then return 'EXPIRED' end
drop_hold(ARGV[1], ARGV[2], hold, 'confirmed', false)
return 'OK'
