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

-- A new lead id: the thread's prefix and a counter, which sort close together as callers' own
-- numbering does; with LEAD_IDS=random in the environment, a random UUID, as many callers send,
-- which lands each new lead at a random place in every index keyed by the lead id.
local random_ids = os.getenv("LEAD_IDS") == "random"
local seeded = false
function leads.id(prefix, counter)
  if not random_ids then
    return prefix .. counter
  end
  if not seeded then
    -- Each wrk thread has its own generator: seeded from its prefix (time and thread), no two repeat.
    local seed = 0
    for i = 1, #prefix do
      seed = (seed * 31 + prefix:byte(i)) % 2147483647
    end
    math.randomseed(seed)
    seeded = true
  end
  return string.format("%08x-%04x-4%03x-%04x-%06x%06x", math.random(0, 0xffffffff), math.random(0, 0xffff),
    math.random(0, 0xfff), math.random(0x8000, 0xbfff), math.random(0, 0xffffff), math.random(0, 0xffffff))
end

-- Request headers: a JSON body and the bench's API key (LEADROUTER_KEY, set by bench/lib.sh).
local headers
function leads.headers()
  headers = headers or {["Content-Type"] = "application/json",
                        ["Authorization"] = "Bearer " .. (os.getenv("LEADROUTER_KEY") or error("LEADROUTER_KEY is not set"))}
  return headers
end

return leads
