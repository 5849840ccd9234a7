-- wrk script for the peer figure of docs/http.md#load: POST /api/register/check with the bearer token in
-- $JOBCENTER_TOKEN, cycling through a few employer names (wrk is closed-loop: each connection sends its next
-- request when the last is answered).
local names = {"Kallion Kukka Oy", "Puutarha Virtanen", "Esimerkki Oy", "Helsingin Siivouspalvelu",
               "Koulutuskeskus Salpaus", "Rakennus Laine Oy", "Kiinteistö Oy Mäntylä", "Tilitoimisto Nieminen"}
local token = os.getenv("JOBCENTER_TOKEN")
local counter = 0

request = function()
  counter = counter + 1
  local body = '{"name":"' .. names[(counter % #names) + 1] .. '"}'
  return wrk.format("POST", "/api/register/check",
                    {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
end

done = function(summary, latency, requests)
  io.write(string.format("wrk: %d requests, %d errors (status %d), p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
