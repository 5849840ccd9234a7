-- Pricing rules every unit starts from. A unit sets its own in scripts/units/<unit>/pricing.lua, e.g.
--   local M = defaults()
--   function M.discount(order, context) if tonumber(order.hours_total) >= 100 then return 10 end return 0 end
--   return M
-- Both functions must depend only on their arguments: the host asks once per contract and day, or per order.
local M = {}

-- The orderer's hourly price = the worker's hourly wage x this coefficient. `standard` is the dated figure
-- coefficient.<contract> in force on `date` (1.45 commission: 10.00 + service costs 4.50; 2.00 employment:
-- 10.00 + side costs 5.50 + service costs 4.50; `jobcenter pricing figures list`). The host checks the result
-- is a number or a decimal string such as "1.45" (read exactly), between 1 and 5.
function M.coefficient(contract_type, date, standard)
  return standard
end

-- A discount in percent for a large order (0-30, checked by the host). `order` is the order as
-- `jobcenter matching order show` gives it, plus `occurrences` and `hours_total` (every seat, every
-- occurrence, as a decimal string); `context` has `unit` and `date`. No discount by default.
function M.discount(order, context)
  return 0
end

return M
