-- POSTs a realistic insurance lead with a new id on every request, so POST /leads records a
-- new lead each time (a repeated id would only be answered from the record).
local leads = dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "leads.lua")
local counter = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  prefix = "bench-" .. os.time() .. "-" .. (tid or 0) .. "-"
end

function request()
  counter = counter + 1
  return wrk.format("POST", nil, leads.headers(), leads.body("insurance", prefix .. counter))
end
