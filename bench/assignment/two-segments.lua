-- POSTs the sample insurance and telecoms leads in turn, each with a new id, for
-- bench/assignment/wrk-offers.sh.
local leads = dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "../leads.lua")
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
  local segment = counter % 2 == 0 and "insurance" or "telecoms"
  return wrk.format("POST", nil, leads.headers(), leads.body(segment, prefix .. counter))
end
