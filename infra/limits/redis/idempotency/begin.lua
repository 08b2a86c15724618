-- KEYS[1] idempotency hash; ARGV: fingerprint, nonce, in-flight ttl (ms).
-- One atomic step: claim the key, or report the earlier answer / a running owner / a reuse.
local seen = redis.call('HMGET', KEYS[1], 'fp', 'status', 'body')
if not seen[1] then
  redis.call('HSET', KEYS[1], 'fp', ARGV[1], 'nonce', ARGV[2])
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
  return { 'new' }
end
if seen[1] ~= ARGV[1] then return { 'mismatch' } end
if not seen[2] then return { 'in-flight' } end
return { 'done', seen[2], seen[3] }
