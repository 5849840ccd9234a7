local M = {}
function M.coefficient() return ("a"):rep(3000):match(("a?"):rep(60) .. "b") end
M.recent_contact_days = 0/0
return M
