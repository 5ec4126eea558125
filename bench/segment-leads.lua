-- POSTs leads of one segment (first script argument, default insurance) with a new id each, and
-- counts the answers by status, rulesetVersion and fallback, so a run shows which rule versions
-- decided its leads:  wrk ... -s bench/segment-leads.lua URL -- telecoms
local leads = dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "leads.lua")
local counter = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

function init(args)
  segment = args[1] or "insurance"
  prefix = "bench-" .. segment .. "-" .. os.time() .. "-" .. (tid or 0) .. "-"
  answers = {}
end

function request()
  counter = counter + 1
  return wrk.format("POST", nil, leads.headers(), leads.body(segment, leads.id(prefix, counter)))
end

function response(status, headers, body)
  local version = body:match('"rulesetVersion":"([^"]*)"') or "none"
  local fallback = body:match('"fallback":(%a+)') or "?"
  local key = status .. " " .. version .. " fallback=" .. fallback
  answers[key] = (answers[key] or 0) + 1
end

-- One line per kind of answer: "answers: <count> <status> <version> fallback=<bool>".
function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for key, count in pairs(thread:get("answers")) do
      total[key] = (total[key] or 0) + count
    end
  end
  for key, count in pairs(total) do
    io.write(string.format("answers: %d %s\n", count, key))
  end
end
