-- Appends one event: numbers it, adds it to its stream trimmed to capacity, and to the feed.
-- ARGV: prefix, epoch to start if none, stream, name, data, time, capacity, node, feed length,
--       the epoch the node knows and the highest sequence it has seen in it
local p, s = ARGV[1], ARGV[3]
local epoch = redis.call('GET', p .. 'epoch')
if not epoch then
  -- The data is gone (first start, flush, restart without persistence): a new generation.
  epoch = ARGV[2]
  redis.call('SET', p .. 'epoch', epoch)
end
local seq = redis.call('INCR', p .. 'seq')
if epoch == ARGV[10] and seq <= tonumber(ARGV[11]) then
  -- The counter went back (Redis restored an older snapshot, or lost its last writes): numbers
  -- this node has seen would be given out again. A new generation, so no cursor is misread, and
  -- numbering goes on past what the node saw.
  epoch = ARGV[2]
  redis.call('SET', p .. 'epoch', epoch)
  seq = tonumber(ARGV[11]) + 1
  redis.call('SET', p .. 'seq', seq)
end
local id = seq .. '-0'
local key = p .. 's:' .. s
if not redis.call('ZSCORE', p .. 'active', s) then
  local tomb = redis.call('ZSCORE', p .. 'tomb', s)
  if tomb then
    redis.call('ZREM', p .. 'tomb', s)
  end
  redis.call('HSET', p .. 'dropped', s, tomb or redis.call('GET', p .. 'floor') or '0')
end
redis.call('ZADD', p .. 'active', ARGV[6], s)
redis.call('XADD', key, id, 'n', ARGV[4], 'd', ARGV[5], 't', ARGV[6])
local size = #ARGV[4] + #ARGV[5]
local events, bytes = 1, size
local cap = tonumber(ARGV[7])
local len = redis.call('XLEN', key)
if len > cap then
  local old = redis.call('XRANGE', key, '-', '+', 'COUNT', len - cap)
  for _, e in ipairs(old) do
    bytes = bytes - #e[2][2] - #e[2][4]
  end
  events = events - #old
  redis.call('XTRIM', key, 'MAXLEN', cap)
  redis.call('HSET', p .. 'dropped', s, string.match(old[#old][1], '^(%d+)'))
end
redis.call('HINCRBY', p .. 'bytes', s, bytes)
redis.call('HINCRBY', p .. 'stats', 'events', events)
redis.call('HINCRBY', p .. 'stats', 'bytes', bytes)
redis.call('XADD', p .. 'feed:' .. epoch, 'MAXLEN', '~', ARGV[9], id,
  's', s, 'n', ARGV[4], 'd', ARGV[5], 't', ARGV[6], 'o', ARGV[8])
return {epoch, tostring(seq)}
