local M = defaults()
local by_table = M.coefficient
function M.coefficient(contract_type, date)
  if contract_type == "employment" and date >= "2026-03-01" then return "1.95" end
  return by_table(contract_type, date)
end
return M
