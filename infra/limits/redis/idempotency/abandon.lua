-- KEYS[1] idempotency hash; ARGV: nonce. Frees a claim still in flight, only for its owner.
if redis.call('HGET', KEYS[1], 'nonce') ~= ARGV[1] or redis.call('HEXISTS', KEYS[1], 'status') == 1 then
  return 0
end
return redis.call('DEL', KEYS[1])
