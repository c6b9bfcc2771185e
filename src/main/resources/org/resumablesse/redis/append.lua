-- Appends a batch of events in order: numbers them consecutively, adds each to its stream trimmed
-- to capacity, and to the feed. One batch is one script run, so it is atomic like a single append.
-- ARGV: prefix, epoch to start if none, capacity, node, feed length, the epoch the node knows and
--       the highest sequence it has seen in it, then per event: stream, name, data, time
-- Returns: the epoch and the first event's sequence (the others follow it one by one)
local p = ARGV[1]
local count = (#ARGV - 7) / 4
local epoch = redis.call('GET', p .. 'epoch')
if not epoch then
  -- The data is gone (first start, flush, restart without persistence): a new generation.
  epoch = ARGV[2]
  redis.call('SET', p .. 'epoch', epoch)
end
local first = redis.call('INCRBY', p .. 'seq', count) - count + 1
if epoch == ARGV[6] and first <= tonumber(ARGV[7]) then
  -- The counter went back (Redis restored an older snapshot, or lost its last writes): numbers
  -- this node has seen would be given out again. A new generation, so no cursor is misread, and
  -- numbering goes on past what the node saw.
  epoch = ARGV[2]
  redis.call('SET', p .. 'epoch', epoch)
  first = tonumber(ARGV[7]) + 1
  redis.call('SET', p .. 'seq', string.format('%d', first + count - 1))
end
local cap = tonumber(ARGV[3])
local feed = p .. 'feed:' .. epoch
local added, total = 0, 0

local function append(id, s, name, data, time)
  local key = p .. 's:' .. s
  if not redis.call('ZSCORE', p .. 'active', s) then
    local tomb = redis.call('ZSCORE', p .. 'tomb', s)
    if tomb then
      redis.call('ZREM', p .. 'tomb', s)
    end
    redis.call('HSET', p .. 'dropped', s, tomb or redis.call('GET', p .. 'floor') or '0')
  end
  redis.call('ZADD', p .. 'active', time, s)
  redis.call('XADD', key, id, 'n', name, 'd', data, 't', time)
  local events, bytes = 1, #name + #data
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
  redis.call('XADD', feed, 'MAXLEN', '~', ARGV[5], id,
    's', s, 'n', name, 'd', data, 't', time, 'o', ARGV[4])
  added, total = added + events, total + bytes
end

for i = 0, count - 1 do
  local a = 8 + i * 4
  append(string.format('%d-0', first + i), ARGV[a], ARGV[a + 1], ARGV[a + 2], ARGV[a + 3])
end
redis.call('HINCRBY', p .. 'stats', 'events', added)
redis.call('HINCRBY', p .. 'stats', 'bytes', total)
return {epoch, string.format('%d', first)}
