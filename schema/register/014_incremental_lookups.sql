-- What an incremental dedupe run starts from, found without reading the register or its history: the records
-- imported since the last run (import_id above the last run's; also whether any came at all), and people's
-- standing decisions (merges, unmerges, "not the same") among the events, which dedupe runs fill with their
-- own. Without these indexes each of those questions read every source record or every event.
CREATE INDEX source_record_import ON source_record(import_id);
CREATE INDEX register_event_kind ON register_event(kind);
