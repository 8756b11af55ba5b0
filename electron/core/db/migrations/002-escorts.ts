// Escorts (绿色通道护送) and 劝导 counters. Step times are columns (the reports read them directly);
// who pressed each step is in escort_steps; the since-opening total is kept in `counters`.
export default /* sql */ `
CREATE TABLE escorts (
  id                INTEGER PRIMARY KEY,
  plate             TEXT NOT NULL,
  no_plate_reason   TEXT,
  source            TEXT CHECK (source IN ('120', '122', '110', 'flagged', 'hospital', 'other')),
  vehicle           TEXT CHECK (vehicle IN ('ambulance', 'private', 'taxi', 'other')),
  condition         TEXT CHECK (condition IN ('cardiac', 'stroke', 'trauma', 'obstetric', 'paediatric', 'burn', 'respiratory', 'other')),
  meet_point        TEXT,
  destination       TEXT CHECK (destination IN ('emergency', 'chestPain', 'stroke', 'obstetrics', 'paediatrics', 'other')),
  hospital_notified INTEGER NOT NULL DEFAULT 0 CHECK (hospital_notified IN (0, 1)),
  relay_from        TEXT,
  notes             TEXT,
  status            TEXT NOT NULL CHECK (status IN ('requested', 'met', 'departed', 'arrived', 'handedOver', 'cancelled')),
  requested_at      INTEGER NOT NULL,
  met_at            INTEGER,
  departed_at       INTEGER,
  arrived_at        INTEGER,
  handed_over_at    INTEGER,
  cancelled_at      INTEGER,
  cancel_reason     TEXT,
  backdated         INTEGER NOT NULL DEFAULT 0 CHECK (backdated IN (0, 1)),
  created_by        INTEGER NOT NULL REFERENCES officers(id),
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL,
  version           INTEGER NOT NULL DEFAULT 1
) STRICT;
-- (requested_at, status): the day/month/year counters and the month tallies read the index alone.
CREATE INDEX escorts_requested_at ON escorts(requested_at, status);
CREATE INDEX escorts_open ON escorts(status) WHERE status NOT IN ('handedOver', 'cancelled');
CREATE INDEX escorts_plate ON escorts(plate, requested_at);

CREATE TABLE escort_officers (
  escort_id  INTEGER NOT NULL REFERENCES escorts(id),
  officer_id INTEGER NOT NULL REFERENCES officers(id),
  PRIMARY KEY (escort_id, officer_id)
) STRICT;
CREATE INDEX escort_officers_officer ON escort_officers(officer_id);

CREATE TABLE escort_steps (
  id          INTEGER PRIMARY KEY,
  escort_id   INTEGER NOT NULL REFERENCES escorts(id),
  step        TEXT NOT NULL CHECK (step IN ('requested', 'met', 'departed', 'arrived', 'handedOver', 'cancelled')),
  at          INTEGER NOT NULL,
  officer_id  INTEGER NOT NULL REFERENCES officers(id),
  recorded_at INTEGER NOT NULL
) STRICT;
CREATE INDEX escort_steps_escort ON escort_steps(escort_id);

-- Running totals kept incrementally (e.g. 'escorts.total'): never recounted from history.
CREATE TABLE counters (
  key   TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) STRICT;

CREATE TABLE advisories (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('stopAndGo', 'parking', 'other')),
  officer_id INTEGER NOT NULL REFERENCES officers(id),
  at         INTEGER NOT NULL,
  -- The shift the tap belongs to: 'YYYY-MM-DD' of the shift's start in the post's zone, and day/night.
  shift_date TEXT NOT NULL,
  shift      TEXT NOT NULL CHECK (shift IN ('day', 'night')),
  undone_at  INTEGER
) STRICT;
CREATE INDEX advisories_at ON advisories(at);
CREATE INDEX advisories_officer ON advisories(officer_id, shift_date, shift);
`;
