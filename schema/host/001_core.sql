-- Host tables: the units that use Jobcenter and the audit trail of who read or changed what.

CREATE TABLE unit (
    name         TEXT PRIMARY KEY,            -- short folder-safe name used with --unit: "pakila"
    title        TEXT NOT NULL,               -- "Pakilan työkeskus"
    organisation TEXT NOT NULL CHECK (organisation IN ('VATTI', 'KUTY', 'OTHER')),
    created_at   TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,               -- UTC ISO-8601
    unit         TEXT NOT NULL,               -- calling unit, '' for none
    role         TEXT NOT NULL,
    action       TEXT NOT NULL,               -- "register.get", "matching.read-client", ...
    subject_kind TEXT NOT NULL,               -- "orderer", "client", ...
    subject_id   TEXT NOT NULL,
    detail       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_subject ON audit_log(subject_kind, subject_id);
