-- Removes a stream and remembers its last sequence, so older cursors still see the gap.
-- ARGV: prefix, stream, most tombstones kept, idle-before time ('' to remove whatever its age)
-- Returns 1 when removed, 0 when there was nothing to remove or it is no longer idle.
local p, s = ARGV[1], ARGV[2]
local active = redis.call('ZSCORE', p .. 'active', s)
if not active then
  return 0
end
if ARGV[4] ~= '' and tonumber(active) >= tonumber(ARGV[4]) then
  return 0
end
local key = p .. 's:' .. s
local top = redis.call('XREVRANGE', key, '+', '-', 'COUNT', 1)
local last = top[1] and string.match(top[1][1], '^(%d+)') or redis.call('HGET', p .. 'dropped', s)
redis.call('HINCRBY', p .. 'stats', 'events', -redis.call('XLEN', key))
redis.call('HINCRBY', p .. 'stats', 'bytes', -tonumber(redis.call('HGET', p .. 'bytes', s) or '0'))
redis.call('DEL', key)
redis.call('ZREM', p .. 'active', s)
redis.call('HDEL', p .. 'dropped', s)
redis.call('HDEL', p .. 'bytes', s)
redis.call('ZADD', p .. 'tomb', last or '0', s)
local most = tonumber(ARGV[3])
while redis.call('ZCARD', p .. 'tomb') > most do
  local oldest = redis.call('ZPOPMIN', p .. 'tomb')
  local floor = tonumber(redis.call('GET', p .. 'floor') or '0')
  if tonumber(oldest[2]) > floor then
    redis.call('SET', p .. 'floor', oldest[2])
  end
end
return 1
