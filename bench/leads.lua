-- Sample leads of the sample segments for the wrk scripts (loaded with dofile): the bodies are
-- bench/leads/<segment>.json, whose LEAD_ID the scripts replace with a new id per request.
local leads = {}
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local bodies = {}

-- The JSON lead of this segment with this id.
function leads.body(segment, id)
  if not bodies[segment] then
    local file = io.open(dir .. "leads/" .. segment .. ".json") or error("no sample lead for segment " .. segment)
    bodies[segment] = file:read("*a"):gsub("%s+$", "")
    file:close()
  end
  return (bodies[segment]:gsub("LEAD_ID", id))
end

-- Request headers: a JSON body and the bench's API key (LEADROUTER_KEY, set by bench/lib.sh).
local headers
function leads.headers()
  headers = headers or {["Content-Type"] = "application/json",
                        ["Authorization"] = "Bearer " .. (os.getenv("LEADROUTER_KEY") or error("LEADROUTER_KEY is not set"))}
  return headers
end

return leads
