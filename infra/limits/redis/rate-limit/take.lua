-- One take from a token bucket (token-bucket.lua is prepended). KEYS[1] bucket hash.
-- ARGV: limit, refill per second, cost, now (ms; empty → the server's TIME).
local now = tonumber(ARGV[4])
if not now then
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end
local allowed, tokens, full_at, retry_after =
  take_token(KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), now)
return { allowed, tokens, tostring(full_at), retry_after }
