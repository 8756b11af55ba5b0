// The post's outbox for the city tier: one fact per record write, appended in the write's own
// transaction by the audit chain (audit/chain.ts → city/outbox.ts), numbered by a per-post seq with
// no gap and chained by hash. Rows are never changed and never deleted — not by retention, not by a
// restore (restore carries the live tail over) — so an event not yet acknowledged by the city is never lost.
export default /* sql */ `
CREATE TABLE outbox (
  seq       INTEGER PRIMARY KEY,
  at        INTEGER NOT NULL,
  kind      TEXT NOT NULL CHECK (kind IN ('escort', 'helmetStop', 'advisory', 'officer')),
  entity_id INTEGER NOT NULL,
  payload   TEXT NOT NULL CHECK (json_valid(payload)),
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
) STRICT;

CREATE TRIGGER outbox_no_update BEFORE UPDATE ON outbox
BEGIN SELECT RAISE(ABORT, 'an outbox event cannot be changed'); END;
CREATE TRIGGER outbox_no_delete BEFORE DELETE ON outbox
BEGIN SELECT RAISE(ABORT, 'an outbox event cannot be deleted'); END;
`;
