-- Duplicate-finding rules every unit starts from. A unit overrides them in
-- scripts/units/<unit>/register.lua:   local M = defaults(); M.match.link_score = 8; return M
local M = {}

-- The rules of duplicate finding are built into Jobcenter; a unit sets here only those it changes.
-- docs/scripts.md lists every field of M.match and M.blocking with its built-in value, its allowed
-- range and what it does (evidence is in log2 odds: +1 doubles the odds that two records are the same
-- orderer). For example, to link only on stronger evidence:   M.match.link_score = 8
M.match = {}

-- Which records are compared at all (blocking): two records are scored only when they share one of
-- the keys, so a large register is never compared pair by pair. Turning a key off makes a run faster
-- and finds fewer duplicates; a changed key makes the next dedupe run a full one.
-- For example:   M.blocking.name_words = 3
M.blocking = {}

-- Days within which another unit's contact with the same orderer is worth a warning.
M.recent_contact_days = 30

return M
