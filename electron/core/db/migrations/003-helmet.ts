// Helmet stops (头盔查处), the education sessions offered on a kiosk, and the content they use.
// The ID number is never stored: only a keyed hash (HMAC-SHA256, per-install secret in `settings`)
// for repeat lookup and its last four digits; the phone likewise as a hash plus its masked form.
// Reports read these tables directly: outcome and phase codes are stable.
export default /* sql */ `
CREATE TABLE videos (
  id               TEXT PRIMARY KEY,
  title            TEXT NOT NULL,
  file             TEXT NOT NULL,
  captions         TEXT,
  duration_seconds REAL NOT NULL CHECK (duration_seconds > 0),
  audience         TEXT NOT NULL CHECK (audience IN ('first', 'repeat', 'test', 'any')),
  active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  added_at         INTEGER NOT NULL
) STRICT;

CREATE TABLE quiz_questions (
  id       TEXT PRIMARY KEY,
  video_id TEXT REFERENCES videos(id),
  question TEXT NOT NULL,
  options  TEXT NOT NULL, -- JSON array of 2–6 strings
  answer   INTEGER NOT NULL CHECK (answer >= 0),
  active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  added_at INTEGER NOT NULL
) STRICT;
CREATE INDEX quiz_questions_video ON quiz_questions(video_id);

CREATE TABLE helmet_stops (
  id              INTEGER PRIMARY KEY,
  vehicle         TEXT NOT NULL CHECK (vehicle IN ('ebike', 'motorcycle')),
  plate           TEXT,           -- normalised: no spaces or dots, upper case
  place           TEXT NOT NULL,
  rider_name      TEXT,
  id_hash         TEXT,           -- HMAC-SHA256 of the normalised ID number
  id_last4        TEXT,
  phone_hash      TEXT,
  phone_masked    TEXT,           -- 138****1234
  stopped_at      INTEGER NOT NULL,
  officer_id      INTEGER NOT NULL REFERENCES officers(id),
  prior_stops     INTEGER NOT NULL CHECK (prior_stops >= 0),
  window_months   INTEGER NOT NULL,
  eligible        INTEGER NOT NULL CHECK (eligible IN (0, 1)),
  override_reason TEXT,
  override_by     INTEGER REFERENCES officers(id),
  override_at     INTEGER,
  outcome         TEXT NOT NULL CHECK (outcome IN ('open', 'offered', 'fined', 'education', 'completed', 'abandoned', 'cancelled')),
  fine_yuan       INTEGER NOT NULL CHECK (fine_yuan >= 0),
  ticket_no       TEXT,
  cancel_reason   TEXT,
  closed_at       INTEGER,
  updated_at      INTEGER NOT NULL,
  version         INTEGER NOT NULL DEFAULT 1,
  personal_wiped_at INTEGER,      -- set when retention wiped the personal fields (the counts stay)
  CHECK (id_hash IS NOT NULL OR phone_hash IS NOT NULL OR plate IS NOT NULL OR personal_wiped_at IS NOT NULL)
) STRICT;
CREATE INDEX helmet_stops_stopped_at ON helmet_stops(stopped_at);
CREATE INDEX helmet_stops_id_hash ON helmet_stops(id_hash, stopped_at);
CREATE INDEX helmet_stops_phone_hash ON helmet_stops(phone_hash, stopped_at);
CREATE INDEX helmet_stops_plate ON helmet_stops(plate, stopped_at);
CREATE INDEX helmet_stops_unclosed ON helmet_stops(stopped_at) WHERE closed_at IS NULL;

CREATE TABLE education_sessions (
  id                 INTEGER PRIMARY KEY,
  stop_id            INTEGER NOT NULL REFERENCES helmet_stops(id),
  kiosk_id           INTEGER NOT NULL REFERENCES kiosks(id),
  video_id           TEXT NOT NULL REFERENCES videos(id),
  duration_seconds   REAL NOT NULL,  -- of the video when offered: evidence even if it is replaced later
  phase              TEXT NOT NULL CHECK (phase IN ('choice', 'video', 'quiz', 'pledge', 'done', 'fine', 'failed', 'abandoned', 'stopped')),
  offered_at         INTEGER NOT NULL,
  offered_by         INTEGER NOT NULL REFERENCES officers(id),
  chosen_at          INTEGER,
  -- Counted by the core from heartbeats (never the kiosk's claim); see helmet/watch-counter.ts.
  watched_seconds    REAL NOT NULL DEFAULT 0,
  furthest_seconds   REAL NOT NULL DEFAULT 0,
  heartbeats         INTEGER NOT NULL DEFAULT 0,
  last_beat_at       INTEGER,
  credit_bank        REAL NOT NULL DEFAULT 0, -- wall-clock seconds not yet spent on counting (capped)
  paused_since       INTEGER,
  prompt_at          INTEGER,
  prompt_watched     REAL,
  prompt_furthest    REAL,
  next_prompt_at     REAL,          -- watched-seconds mark of the next attention prompt
  prompts_shown      INTEGER NOT NULL DEFAULT 0,
  prompts_missed     INTEGER NOT NULL DEFAULT 0,
  video_started_at   INTEGER,
  video_completed_at INTEGER,
  quiz_question_ids  TEXT,          -- JSON: the current draw
  quiz_attempts      INTEGER NOT NULL DEFAULT 0,
  quiz_score         INTEGER,       -- percent, last attempt
  pledge_text        TEXT,
  pledge_png         BLOB,
  pledge_signed_at   INTEGER,
  completed_at       INTEGER,
  ended_at           INTEGER,
  end_reason         TEXT CHECK (end_reason IN ('idle', 'paused', 'officer', 'quizFailed')),
  updated_at         INTEGER NOT NULL,
  version            INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX education_sessions_stop ON education_sessions(stop_id);
CREATE INDEX education_sessions_offered_at ON education_sessions(offered_at);
-- One live session per kiosk and per stop: the database itself refuses a double offer.
CREATE UNIQUE INDEX education_sessions_live_kiosk ON education_sessions(kiosk_id) WHERE phase IN ('choice', 'video', 'quiz', 'pledge');
CREATE UNIQUE INDEX education_sessions_live_stop ON education_sessions(stop_id) WHERE phase IN ('choice', 'video', 'quiz', 'pledge');

CREATE TABLE quiz_attempts (
  id           INTEGER PRIMARY KEY,
  session_id   INTEGER NOT NULL REFERENCES education_sessions(id),
  attempt      INTEGER NOT NULL,
  question_ids TEXT NOT NULL,  -- JSON
  answers      TEXT NOT NULL,  -- JSON: chosen option per question, in order
  correct      INTEGER NOT NULL,
  total        INTEGER NOT NULL,
  passed       INTEGER NOT NULL CHECK (passed IN (0, 1)),
  at           INTEGER NOT NULL,
  UNIQUE (session_id, attempt)
) STRICT;
`;
