-- Shared by the scripts that end a hold or a sale. Every key derives from `base`, the event's hash-tagged
-- prefix "<prefix>{evt:<eventId>}:", so each script stays inside one Redis Cluster slot.
local function read_hold(base, id)
  local hold = redis.call('HMGET', base .. 'hold:' .. id, 'zoneId', 'userId', 'quantity', 'expiresAt', 'answer')
  if not hold[1] then return nil end
  return hold
end

-- Remembers a confirmed booking (its marker, listed in its zone's set) so its seats go back once.
local function sell(base, id, zone_id, user_id, quantity)
  redis.call('HSET', base .. 'sold:' .. id, 'zoneId', zone_id, 'userId', user_id, 'quantity', quantity)
  redis.call('SADD', base .. 'sold-in:' .. zone_id, id)
end

-- Forgets a confirmed booking's marker; the caller moves its seats.
local function unsell(base, id, zone_id)
  redis.call('DEL', base .. 'sold:' .. id)
  redis.call('SREM', base .. 'sold-in:' .. zone_id, id)
end

-- Ends a held hold: its seats go back to the zone ('released') or move to confirmed ('confirmed').
-- `forget_outcome` also drops the key's remembered outcome: a hold whose booking failed to append was
-- given back, and a retry of that request must hold afresh, not replay a hold that never became a booking.
local function drop_hold(base, id, hold, outcome, forget_outcome)
  local quantity = tonumber(hold[3])
  local zone = base .. 'zone:' .. hold[1]
  local user = base .. 'user:' .. hold[2]
  redis.call('DEL', base .. 'hold:' .. id)
  redis.call('ZREM', base .. 'expiry', id)
  redis.call('HINCRBY', zone, 'held', -quantity)
  redis.call('HINCRBY', user, 'held', -quantity)
  -- A buyer let in by the waiting room leaves it when their hold ends (paid, let go or expired).
  redis.call('ZREM', base .. 'inside', hold[2])
  if outcome == 'released' then
    redis.call('HINCRBY', zone, 'available', quantity)
    if forget_outcome and hold[5] then redis.call('DEL', hold[5]) end
  else
    redis.call('HINCRBY', zone, 'confirmed', quantity)
    redis.call('HINCRBY', user, 'confirmed', quantity)
    sell(base, id, hold[1], hold[2], hold[3])
  end
end
