-- POSTs a realistic insurance lead with a new id on every request, so POST /leads records a
-- new lead each time (a repeated id would only be answered from the record).
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
  local body = '{"id":"' .. prefix .. counter .. '","segment":"insurance","source":"web",'
    .. '"product":"life","postcode":"SW1A 1AA","customerTier":"gold","existingCustomer":true,'
    .. '"estimatedValue":12500,"contact":{"name":"Ann Lee","email":"ann@example.org","phone":"+44 20 7946 0000"},'
    .. '"attributes":{"campaign":"spring-26","visits":3}}'
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end
