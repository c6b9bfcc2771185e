-- Sessions shared by several nodes. Each node counts its own connections in the session's hash
-- (field n:<node>) and holds a lease in the nodes set; a node whose lease ran out is taken as gone
-- and its counts are dropped, so a crashed node cannot keep sessions alive for ever.
-- ARGV: prefix, operation, node, now, lease until, then the operation's own arguments
local p, op, node, now, lease = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local function key(id) return p .. 'sess:' .. id end

local function renew()
  redis.call('ZADD', p .. 'nodes', lease, node)
end

local function drop(id, n, count)
  redis.call('HDEL', key(id), 'n:' .. n)
  redis.call('SREM', p .. 'node:' .. n, id)
  if redis.call('HINCRBY', key(id), 'open', -count) <= 0 then
    redis.call('HSET', key(id), 'open', 0, 'last', now)
    redis.call('ZADD', p .. 'idle', now, id)
  end
end

if op == 'create' then
  local id, hash, most = ARGV[6], ARGV[7], tonumber(ARGV[8])
  if redis.call('SCARD', p .. 'sessions') >= most then
    return 0
  end
  renew()
  redis.call('HSET', key(id), 'h', hash, 'open', 1, 'last', now, 'n:' .. node, 1)
  redis.call('SET', p .. 'tok:' .. hash, id)
  redis.call('SADD', p .. 'sessions', id)
  redis.call('SADD', p .. 'node:' .. node, id)
  return 1
elseif op == 'attach' then
  local id = ARGV[6]
  if redis.call('EXISTS', key(id)) == 0 then
    return 0
  end
  renew()
  redis.call('HINCRBY', key(id), 'open', 1)
  redis.call('HINCRBY', key(id), 'n:' .. node, 1)
  redis.call('ZREM', p .. 'idle', id)
  redis.call('SADD', p .. 'node:' .. node, id)
  return 1
elseif op == 'detach' then
  local id = ARGV[6]
  local mine = tonumber(redis.call('HGET', key(id), 'n:' .. node) or '0')
  if mine <= 0 then
    return 0
  end
  if mine == 1 then
    drop(id, node, 1)
  else
    redis.call('HINCRBY', key(id), 'n:' .. node, -1)
    redis.call('HINCRBY', key(id), 'open', -1)
  end
  return 1
elseif op == 'rotate' then
  local id, hash = ARGV[6], ARGV[7]
  local old = redis.call('HGET', key(id), 'h')
  if not old then
    return 0
  end
  redis.call('DEL', p .. 'tok:' .. old)
  redis.call('HSET', key(id), 'h', hash)
  redis.call('SET', p .. 'tok:' .. hash, id)
  return 1
elseif op == 'expire' then
  local ttl, most = tonumber(ARGV[6]), tonumber(ARGV[7])
  renew()
  for _, gone in ipairs(redis.call('ZRANGEBYSCORE', p .. 'nodes', '-inf', '(' .. now)) do
    for _, id in ipairs(redis.call('SMEMBERS', p .. 'node:' .. gone)) do
      local count = tonumber(redis.call('HGET', key(id), 'n:' .. gone) or '0')
      if count > 0 then
        drop(id, gone, count)
      end
    end
    redis.call('DEL', p .. 'node:' .. gone)
    redis.call('ZREM', p .. 'nodes', gone)
  end
  local ids = redis.call('ZRANGEBYSCORE', p .. 'idle', '-inf', tonumber(now) - ttl,
    'LIMIT', 0, most)
  for _, id in ipairs(ids) do
    local hash = redis.call('HGET', key(id), 'h')
    if hash then
      redis.call('DEL', p .. 'tok:' .. hash)
    end
    redis.call('DEL', key(id))
    redis.call('SREM', p .. 'sessions', id)
    redis.call('ZREM', p .. 'idle', id)
  end
  return ids
end
return redis.error_reply('unknown operation ' .. op)
