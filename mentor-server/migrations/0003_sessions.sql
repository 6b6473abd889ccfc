-- The mentoring sessions of each contract, as posted (mentor-core's session wire form).
CREATE TABLE sessions (
    contract_id TEXT NOT NULL,
    session_id TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (contract_id, session_id)
);
