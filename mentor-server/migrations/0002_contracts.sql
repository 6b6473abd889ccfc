-- A contract drafted for an application, the VAT status of its invoicing party (which the
-- contract does not know), and its envelope at the e-signature provider once it is sent.
CREATE TABLE contracts (
    id TEXT PRIMARY KEY,
    application_id TEXT NOT NULL UNIQUE,
    vat TEXT NOT NULL,
    provider TEXT,
    request_id TEXT,
    UNIQUE (provider, request_id)
);

-- The dedupe keys of the signature events already settled (mentor-core's `Deliveries`): written
-- in the same transaction as the contract events they led to.
CREATE TABLE deliveries (
    dedupe_key TEXT PRIMARY KEY,
    contract_id TEXT NOT NULL
);

-- Signature events that could not apply yet (an envelope no contract has, an unconfirmed
-- Concord hint, a recipient not known yet): kept, normalised, and applied when the contract
-- learns its envelope or an operator confirms the hints.
CREATE TABLE pending_deliveries (
    dedupe_key TEXT PRIMARY KEY,
    provider TEXT NOT NULL,
    request_id TEXT NOT NULL,
    event TEXT NOT NULL,
    received_at TEXT NOT NULL
);
