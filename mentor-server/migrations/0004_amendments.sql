-- Amendments (`POST /contracts/{id}/amendments`): an application may now have several
-- contracts, each amendment a new contract that supersedes the one before (the chain is in the
-- contracts' own logs: `drafted` `supersedes`, `amended` `superseded_by`). The table is rebuilt
-- without the unique application (the same SQL on SQLite and PostgreSQL).
CREATE TABLE contracts_amendable (
    id TEXT PRIMARY KEY,
    application_id TEXT NOT NULL,
    vat TEXT NOT NULL,
    provider TEXT,
    request_id TEXT,
    UNIQUE (provider, request_id)
);
INSERT INTO contracts_amendable (id, application_id, vat, provider, request_id)
    SELECT id, application_id, vat, provider, request_id FROM contracts;
DROP TABLE contracts;
ALTER TABLE contracts_amendable RENAME TO contracts;
CREATE INDEX contracts_application ON contracts (application_id);
