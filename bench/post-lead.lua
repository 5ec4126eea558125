-- POSTs a realistic lead with a new id on every request, so POST /leads records a new lead each
-- time (a repeated id would only be answered from the record). The script's arguments name the
-- segments whose sample leads are sent in turn (default insurance):
--   wrk ... -s bench/post-lead.lua URL -- insurance telecoms
local leads = dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "leads.lua")
local counter = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  prefix = "bench-" .. os.time() .. "-" .. (tid or 0) .. "-"
  segments = #args > 0 and args or {"insurance"}
end

function request()
  counter = counter + 1
  return wrk.format("POST", nil, leads.headers(), leads.body(segments[counter % #segments + 1], leads.id(prefix, counter)))
end
