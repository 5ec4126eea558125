-- Realistic lead bodies for the sample segments, shared by the wrk scripts (loaded with dofile).
local leads = {}

local bodies = {
  insurance = '"segment":"insurance","source":"web",'
    .. '"product":"life","postcode":"SW1A 1AA","customerTier":"gold","existingCustomer":true,'
    .. '"estimatedValue":12500,"contact":{"name":"Ann Lee","email":"ann@example.org","phone":"+44 20 7946 0000"},'
    .. '"attributes":{"campaign":"spring-26","visits":3}}',
  telecoms = '"segment":"telecoms","source":"partner",'
    .. '"product":"broadband","postcode":"LS1 4AP","existingCustomer":false,"contractType":"24m",'
    .. '"contact":{"name":"Callum Reid","email":"callum@example.com","phone":"07700 900102"},'
    .. '"attributes":{"fibreAvailable":true}}',
}

-- A JSON lead of this segment with this id.
function leads.body(segment, id)
  local rest = bodies[segment] or error("no sample lead for segment " .. tostring(segment))
  return '{"id":"' .. id .. '",' .. rest
end

-- The folder of the script calling this, so scripts find each other from any working directory.
function leads.dir(source)
  return source:match("^@(.*/)") or "./"
end

return leads
