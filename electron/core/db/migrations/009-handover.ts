// Shift handovers 交接班. A signed handover is evidence, like the audit log: the row (with its contents
// frozen as JSON at signing) can be neither updated nor deleted, even by hand in SQL. They are kept
// forever, outside retention: a few hundred bytes each, two a day, and they hold no rider's data
// (helmet stops appear only as counts).
export default /* sql */ `
CREATE TABLE handovers (
  id                  INTEGER PRIMARY KEY,
  signed_at           INTEGER NOT NULL,
  -- The shift handed over: 'YYYY-MM-DD' (post's zone) of its start, day/night, and its UTC bounds.
  shift_date          TEXT NOT NULL,
  shift               TEXT NOT NULL CHECK (shift IN ('day', 'night')),
  shift_start         INTEGER NOT NULL,
  shift_end           INTEGER NOT NULL,
  outgoing_officer_id INTEGER NOT NULL REFERENCES officers(id),
  incoming_officer_id INTEGER NOT NULL REFERENCES officers(id),
  notes               TEXT,
  -- Ids of the open escorts the incoming officer took over, a JSON array.
  taken_over          TEXT NOT NULL CHECK (json_valid(taken_over)),
  contents            TEXT NOT NULL CHECK (json_valid(contents)),
  CHECK (incoming_officer_id != outgoing_officer_id)
) STRICT;
-- The list by day reads a signed_at range.
CREATE INDEX handovers_signed_at ON handovers(signed_at);

CREATE TRIGGER handovers_no_update BEFORE UPDATE ON handovers
BEGIN SELECT RAISE(ABORT, 'a signed handover cannot be changed'); END;
CREATE TRIGGER handovers_no_delete BEFORE DELETE ON handovers
BEGIN SELECT RAISE(ABORT, 'a signed handover cannot be deleted'); END;
`;
