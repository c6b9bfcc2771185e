-- Reads up to limit events after a sequence from several streams, in global order, or says a
-- followed stream dropped one after it. Atomic with appends, so the answer is a prefix.
-- ARGV: prefix, epoch expected ('' for any), after, limit, streams...
-- Returns: epoch, head, complete (1/0), then per event: sequence, stream index, name, data, time
local p = ARGV[1]
local epoch = redis.call('GET', p .. 'epoch') or ''
local head = redis.call('GET', p .. 'seq') or '0'
if ARGV[2] ~= '' and epoch ~= ARGV[2] then
  return {epoch, head, 0}
end
local after = tonumber(ARGV[3])
local limit = tonumber(ARGV[4])
local floor = tonumber(redis.call('GET', p .. 'floor') or '0')
local found = {}
for i = 5, #ARGV do
  local s = ARGV[i]
  local through
  if redis.call('ZSCORE', p .. 'active', s) then
    through = tonumber(redis.call('HGET', p .. 'dropped', s) or '0')
  else
    through = tonumber(redis.call('ZSCORE', p .. 'tomb', s) or floor)
  end
  if through > after then
    return {epoch, head, 0}
  end
  local entries = redis.call('XRANGE', p .. 's:' .. s, '(' .. ARGV[3] .. '-0', '+', 'COUNT', limit)
  for _, e in ipairs(entries) do
    local seq = string.match(e[1], '^(%d+)')
    found[#found + 1] = {tonumber(seq), seq, i - 4, e[2][2], e[2][4], e[2][6]}
  end
end
table.sort(found, function(a, b) return a[1] < b[1] end)
local out = {epoch, head, 1}
for k = 1, math.min(limit, #found) do
  local f = found[k]
  out[#out + 1] = f[2]
  out[#out + 1] = tostring(f[3])
  out[#out + 1] = f[4]
  out[#out + 1] = f[5]
  out[#out + 1] = f[6]
end
return out
