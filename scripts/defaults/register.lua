-- Duplicate-finding rules every unit starts from. A unit overrides them in
-- scripts/units/<unit>/register.lua:   local M = defaults(); M.match.link_score = 8; return M
local M = {}

-- Evidence is in log2 odds: +1 doubles the odds that two records are the same orderer.
-- A value shared by many different names (a switchboard number, a business-centre address) counts for
-- less: sharing_penalty is taken off for every doubling of the names that share it.
M.match = {
  link_score = 6,               -- at or above: linked as one orderer
  review_score = 1,             -- at or above, below link: a person decides
  business_id_equal = 10,
  business_id_different = -14,  -- two valid, different business IDs are two legal entities
  department_equal = 4,         -- City of Helsinki divisions share one business ID; the department decides
  department_different = -14,
  name_weight = 16,             -- name evidence = name_weight x similarity - name_offset
  name_offset = 8,
  phone_equal = 7,
  phone_different = -1,
  email_equal = 7,
  email_generic_equal = 4,      -- info@, toimisto@ ...
  email_domain_equal = 2,
  address_equal = 7,
  address_similar = 5,          -- the same house number on a street spelt a little differently
  address_different = -6,       -- two full street addresses of different buildings: another site
  address_unclear = -1,         -- the addresses differ, but one lacks a house number or is a PO box
  contact_at_other_building = 0.5, -- share of a shared phone's or mailbox's weight between two buildings
  postcode_different = -2,      -- no streets to compare, but the postcodes differ
  legal_form_different = -3,
  sharing_penalty = 2,
  review_per_orderer = 3,       -- open review items one orderer is in at a time (its strongest); the rest
                                -- come as these are decided, so a common name does not flood the queue
}

-- Which records are compared at all (blocking): two records are scored only when they share one of
-- these keys, so a register of a million records is never compared pair by pair. Turning a key off
-- makes a run faster and finds fewer duplicates; a changed key makes the next dedupe run a full one.
M.blocking = {
  business_id = true,           -- the same valid business ID (City of Helsinki divisions: the same department)
  phone = true,                 -- the same phone number (E.164)
  email = true,                 -- the same email address
  street = true,                -- the same street address (street and house number)
  name = true,                  -- the same whole name, legal form left out
  name_words = 2,               -- the rarest words of the name (0 to 4); "siivous" is common, "kukkakauppa" is not
  name_word_prefix = 4,         -- also the first letters of those words, so a typo at the end still meets; 0: off
  pair_whole = 16,              -- a key shared by more records than this is not paired whole:
  window = 6,                   -- each record meets only this many neighbours, sorted by name
  max_block = 100,              -- the entry-time check reads a key's records only up to this many
}

-- Days within which another unit's contact with the same orderer is worth a warning.
M.recent_contact_days = 30

return M
