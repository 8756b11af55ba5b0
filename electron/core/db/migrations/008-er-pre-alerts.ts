// The hospital link: ER pre-alert screens (急诊预警屏), paired like kiosks with a one-time code and
// holding their own device token (only its hash is kept), and the first 已知悉 a nurse pressed for an
// escort. The acknowledgement is a table of its own, not a column of `escorts`: pressing it must not
// bump the escort's version (an officer's step in flight would otherwise be refused as stale), and the
// first press is the one that counts (the primary key keeps a second screen's press from replacing it).
export default /* sql */ `
CREATE TABLE er_screens (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  paired_at  INTEGER NOT NULL,
  paired_by  INTEGER REFERENCES officers(id),
  revoked_at INTEGER
) STRICT;

CREATE TABLE escort_pre_alerts (
  escort_id    INTEGER PRIMARY KEY REFERENCES escorts(id),
  er_screen_id INTEGER NOT NULL REFERENCES er_screens(id),
  acked_at     INTEGER NOT NULL
) STRICT;
`;
