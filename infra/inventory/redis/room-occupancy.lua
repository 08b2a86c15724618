-- The waiting room at ARGV[1] (ms). KEYS: 1 the buyers inside (a pass not expired, or a hold made with
-- one not ended), 2 those with a pass not used yet. Those whose time is up leave.
-- Reply: {inside, passes out}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
return {redis.call('ZCARD', KEYS[1]), redis.call('ZCARD', KEYS[2])}
