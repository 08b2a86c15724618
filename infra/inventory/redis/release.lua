-- KEYS: hold, expiry index   ARGV: base, bookingId, forget the key's outcome ('1' or '0')
local hold = read_hold(ARGV[1], ARGV[2])
if not hold then return 0 end
drop_hold(ARGV[1], ARGV[2], hold, 'released', ARGV[3] == '1')
return 1
