local M = {}
function M.coefficient() while true do end end
M.match = { link_score = "8" }
return M
