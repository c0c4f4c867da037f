-- wrk script of bench/reads.sh and bench/lessons_by_goal.sh: requests drawn at random from a file of
-- paths (WRK_PATHS, one a line), with optional method (WRK_METHOD), JSON
-- body (WRK_BODY) and Authorization header (WRK_AUTH).  Prints one line
-- "BENCH key=value ..." that reads.sh parses.
local counter = 0

function setup(thread)
	counter = counter + 1
	thread:set("id", counter)
end

function init(args)
	math.randomseed(42 + id)
	local method = os.getenv("WRK_METHOD") or "GET"
	local body = os.getenv("WRK_BODY")
	local auth = os.getenv("WRK_AUTH")
	local headers = {}
	if body then headers["Content-Type"] = "application/json" end
	if auth then headers["Authorization"] = auth end
	reqs = {}
	for p in io.lines(os.getenv("WRK_PATHS")) do
		reqs[#reqs + 1] = wrk.format(method, p, headers, body)
	end
end

function request()
	return reqs[math.random(#reqs)]
end

function done(summary, latency, requests)
	local e = summary.errors
	io.write(string.format("BENCH requests=%d duration_us=%d " ..
	    "status_errors=%d sock_errors=%d p50_us=%d p90_us=%d p99_us=%d " ..
	    "max_us=%d\n", summary.requests, summary.duration, e.status,
	    e.connect + e.read + e.write + e.timeout, latency:percentile(50),
	    latency:percentile(90), latency:percentile(99), latency.max))
end
