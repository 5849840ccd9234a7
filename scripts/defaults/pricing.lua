-- Pricing rules every unit starts from. A unit overrides them in scripts/units/<unit>/pricing.lua,
-- for example:   local M = defaults(); M.coefficients[#M.coefficients + 1] = {...}; return M
local M = {}

-- Orderer price per hour = the worker's hourly wage x the contract coefficient (docs/domain.md §8.2):
-- 14,50 / 10,00 = 1.45 for a commission contract, 20,00 / 10,00 = 2.00 for an employment contract.
-- Each row is in force from valid_from to valid_to (inclusive; nil = still in force).
M.coefficients = {
  { contract = "commission", coefficient = 1.45, valid_from = "2021-01-01" },
  { contract = "employment", coefficient = 2.00, valid_from = "2021-01-01" },
}

-- The coefficient in force for a contract type on a date ("YYYY-MM-DD"). The host checks the result is
-- a number or a decimal string such as "1.45" (read exactly), between 1 and 5.
function M.coefficient(contract_type, date)
  local best = nil
  for _, row in ipairs(M.coefficients) do
    local in_force = row.valid_from <= date and (row.valid_to == nil or date <= row.valid_to)
    if row.contract == contract_type and in_force and (best == nil or row.valid_from > best.valid_from) then
      best = row
    end
  end
  if best == nil then
    error("no coefficient for contract type '" .. tostring(contract_type) .. "' on " .. tostring(date))
  end
  return best.coefficient
end

return M
