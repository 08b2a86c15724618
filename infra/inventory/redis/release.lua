-- KEYS: hold, expiry index   ARGV: base, bookingId
local hold = read_hold(ARGV[1], ARGV[2])
if not hold then return 0 end
drop_hold(ARGV[1], ARGV[2], hold, 'released')
return 1
