-- wrk script for the peer figure of docs/http.md#load: POST /api/register/check with the bearer token in
-- $JOBCENTER_TOKEN. The requests are the lines of $JOBCENTER_BODIES (written by `jobcenter_http_load
-- --bodies-out`, the same ones the open-loop client sends), else a few employer names. wrk is closed-loop:
-- each connection sends its next request when the last is answered.
local bodies = {}
local file = os.getenv("JOBCENTER_BODIES")
if file then
  for line in io.lines(file) do bodies[#bodies + 1] = line end
else
  for _, name in ipairs({"Kallion Kukka Oy", "Puutarha Virtanen", "Esimerkki Oy", "Helsingin Siivouspalvelu",
                         "Koulutuskeskus Salpaus", "Rakennus Laine Oy", "Kiinteistö Oy Mäntylä",
                         "Tilitoimisto Nieminen"}) do
    bodies[#bodies + 1] = '{"name":"' .. name .. '"}'
  end
end
local token = os.getenv("JOBCENTER_TOKEN")
local counter = 0

request = function()
  counter = counter + 1
  return wrk.format("POST", "/api/register/check",
                    {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"},
                    bodies[(counter % #bodies) + 1])
end

done = function(summary, latency, requests)
  io.write(string.format("wrk: %d requests, %d errors (status %d), p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
