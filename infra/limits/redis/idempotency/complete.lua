-- KEYS[1] idempotency hash; ARGV: nonce, status, body (JSON), result ttl (ms).
-- Stores the answer only for the claim's owner, and only once.
if redis.call('HGET', KEYS[1], 'nonce') ~= ARGV[1] or redis.call('HEXISTS', KEYS[1], 'status') == 1 then
  return 0
end
redis.call('HSET', KEYS[1], 'status', ARGV[2], 'body', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
