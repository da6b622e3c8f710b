-- wrk: public progress lookups, each request for a reference picked at random from BENCH_REFS (lines of
-- "reference idSuffix").
dofile(os.getenv("BENCH_LIB") .. "/report.lua")

local paths = {}
for line in io.lines(os.getenv("BENCH_REFS")) do
  local reference, suffix = line:match("^(%S+)%s+(%S+)$")
  if reference then
    paths[#paths + 1] = "/api/v1/applications/" .. reference .. "/progress?idSuffix=" .. suffix
  end
end

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  math.randomseed(os.time() * 31 + (id or 0))
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
