local M = defaults()
M.match.link_score = 8
M.match.review_score = 2
M.blocking.phone = false
M.recent_contact_days = 60
return M
