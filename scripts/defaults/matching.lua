-- Matching rules every unit starts from. A unit overrides them in scripts/units/<unit>/matching.lua,
-- for example:   local M = defaults(); M.weights.travel = 12; M.rules["benefit-limit"] = "warn"; return M
local M = {}

-- How the rules act (docs/matching.md lists every rule). Each rule has a built-in action; a unit sets here
-- only those it changes, to "exclude" (leave the client out), "warn" (keep them in with a warning) or "off".
-- Consent, approval, the commission rule and the early-education extract always exclude: Jobcenter
-- refuses a script that tries to change them.
-- For example:   M.rules["benefit-limit"] = "warn"
M.rules = {}

-- How much each term of the score weighs. A term is the weight times a part between -1 and 1.
M.weights = {
  skill = 10,       -- skill level above the order's minimum (level 5 on a level-1 order gives the whole weight)
  interest = 5,     -- the client is interested in this task type
  travel = 8,       -- minus: travel time from home to the order, up to max_travel_minutes
  fairness = 10,    -- fewer hours than the unit's mean in the last weeks raises the score, more lowers it
  continuity = 6,   -- the client already works for this orderer (the whole weight on a repeating order)
  practised = 4,    -- practised the task in work activity, but it is not their work-activity task
}

-- Travel: straight-line kilometres from the home postcode to the order's, at these speeds, plus a wait.
M.travel = {
  walk = { km_per_hour = 4.5, wait_minutes = 0 },
  ["public-transport"] = { km_per_hour = 18, wait_minutes = 10 },
  ["unit-car"] = { km_per_hour = 30, wait_minutes = 5 },
}
M.max_travel_minutes = 60

-- The quickest way from home to the order by the client's own means of transport, in minutes (nil: unknown).
function M.travel_minutes(distance_km, transport)
  if distance_km == nil then return nil end
  local best = nil
  for _, mode in ipairs(transport) do
    local speed = M.travel[mode]
    if speed ~= nil then
      local minutes = speed.wait_minutes + distance_km / speed.km_per_hour * 60
      if best == nil or minutes < best then best = minutes end
    end
  end
  return best
end

local function clamp(x) return math.max(-1, math.min(1, x)) end

-- The score of one candidate: named terms, each a number; the host sums them. `client` holds skill_level,
-- interested, practised_in_work_activity, same_as_work_activity_task, distance_km, transport, hours_recent,
-- gigs_done and gigs_with_orderer; `order` holds task_type, min_level, hours, seats, repeating; `context`
-- holds unit_mean_hours and fairness_weeks.
function M.score(client, order, context)
  local w = M.weights
  local terms = {}
  terms.skill = w.skill * clamp((client.skill_level - order.min_level) / 4)
  terms.interest = client.interested and w.interest or 0
  local minutes = M.travel_minutes(client.distance_km, client.transport)
  terms.travel = minutes and -w.travel * math.min(minutes, M.max_travel_minutes) / M.max_travel_minutes or 0
  local mean = context.unit_mean_hours
  terms.fairness = w.fairness * clamp((mean - client.hours_recent) / math.max(mean, 1))
  if client.gigs_with_orderer > 0 then
    terms.continuity = order.repeating and w.continuity or w.continuity / 2
  else
    terms.continuity = 0
  end
  terms.practised = (client.practised_in_work_activity and not client.same_as_work_activity_task) and w.practised or 0
  return terms
end

return M
