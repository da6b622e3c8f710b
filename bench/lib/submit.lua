-- wrk: residents apply in one step through the API (fields, one file, submit) with a unique Idempotency-Key per
-- request. BENCH_TOKENS: residents' tokens, comma-separated, used in turn; BENCH_ITEM, BENCH_UNIT, BENCH_RUN.
dofile(os.getenv("BENCH_LIB") .. "/report.lua")

local tokens = {}
for token in string.gmatch(os.getenv("BENCH_TOKENS"), "[^,]+") do
  tokens[#tokens + 1] = token
end
local run = os.getenv("BENCH_RUN")
local boundary = "anning-bench-5b1d0c"
-- A 4 KB file that is a PDF by its first bytes, as the material check judges files.
local pdf = "%PDF-1.4\n%" .. string.rep("bench scan of an identity card ", 130) .. "\n%%EOF\n"

local function field(name, value)
  return "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"" .. name .. "\"\r\n\r\n" .. value .. "\r\n"
end

local body = field("item", os.getenv("BENCH_ITEM")) .. field("unit", os.getenv("BENCH_UNIT")) .. field("submit", "true")
  .. "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"material.ID_CARD\"; filename=\"id-card.pdf\"\r\n"
  .. "Content-Type: application/pdf\r\n\r\n" .. pdf .. "\r\n--" .. boundary .. "--\r\n"

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

local sent = 0
function request()
  sent = sent + 1
  return wrk.format("POST", "/api/v1/me/applications", {
    ["Authorization"] = "Bearer " .. tokens[(sent % #tokens) + 1],
    ["Content-Type"] = "multipart/form-data; boundary=" .. boundary,
    ["Idempotency-Key"] = string.format("bench-%s-%d-%d", run, id or 0, sent),
  }, body)
end
