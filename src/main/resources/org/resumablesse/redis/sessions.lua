-- Sessions shared by several nodes. Each open connection is a field c:<node>:<connection> of its
-- session's hash, and a member '<session> <connection>' of its node's set; 'open' counts them. A
-- node holds a lease in the nodes set; a node whose lease ran out is taken as gone and its
-- connections are dropped, so a crashed node cannot keep sessions alive for ever. A detach of a
-- connection that is not counted leaves a marker for the length of a lease, so a create or attach
-- of it that reaches Redis only after the node gave up on it counts nothing.
-- ARGV: prefix, operation, node, now, lease until, then the operation's own arguments
local p, op, node, now, lease = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local function key(id) return p .. 'sess:' .. id end
local function field(n, conn) return 'c:' .. n .. ':' .. conn end
local function marker(conn) return p .. 'gone:' .. node .. ':' .. conn end

local function renew()
  redis.call('ZADD', p .. 'nodes', lease, node)
end

local function count(id, conn)
  redis.call('HSET', key(id), field(node, conn), 1)
  redis.call('SADD', p .. 'node:' .. node, id .. ' ' .. conn)
end

-- Stops counting one connection of node n; true if it was counted.
local function drop(id, n, conn)
  redis.call('SREM', p .. 'node:' .. n, id .. ' ' .. conn)
  if redis.call('HDEL', key(id), field(n, conn)) == 0 then
    return false
  end
  if redis.call('HINCRBY', key(id), 'open', -1) <= 0 then
    redis.call('HSET', key(id), 'open', 0, 'last', now)
    redis.call('ZADD', p .. 'idle', now, id)
  end
  return true
end

if op == 'create' then
  local id, hash, conn, most = ARGV[6], ARGV[7], ARGV[8], tonumber(ARGV[9])
  if redis.call('SCARD', p .. 'sessions') >= most or redis.call('EXISTS', marker(conn)) == 1 then
    return 0
  end
  renew()
  redis.call('HSET', key(id), 'h', hash, 'open', 1, 'last', now)
  count(id, conn)
  redis.call('SET', p .. 'tok:' .. hash, id)
  redis.call('SADD', p .. 'sessions', id)
  return 1
elseif op == 'attach' then
  local id, conn = ARGV[6], ARGV[7]
  if redis.call('EXISTS', key(id)) == 0 or redis.call('EXISTS', marker(conn)) == 1 then
    return 0
  end
  renew()
  if redis.call('HEXISTS', key(id), field(node, conn)) == 0 then
    redis.call('HINCRBY', key(id), 'open', 1)
    count(id, conn)
  end
  redis.call('ZREM', p .. 'idle', id)
  return 1
elseif op == 'detach' then
  local id, conn = ARGV[6], ARGV[7]
  if drop(id, node, conn) then
    return 1
  end
  redis.call('SET', marker(conn), 1, 'PX', math.max(1, tonumber(lease) - tonumber(now)))
  return 0
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
    for _, member in ipairs(redis.call('SMEMBERS', p .. 'node:' .. gone)) do
      local id, conn = string.match(member, '^(%S+) (%S+)$')
      drop(id, gone, conn)
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
