// The city-wide first-offence check at the post. A stop's city keys are HMACs with the city key from
// enrolment (never with the install's own rider key, never a clear value), kept beside the stop so its
// fact can carry them to the city; `city_checked` says whether the city was asked when it was opened
// (NULL: the post was not enrolled, it is alone). When retention wipes a stop's personal fields its
// ID and phone city keys go with them; the plate's stays, as the plate itself does.
// `city_rider_reports` holds what the city reported of a rider waived here and at another post
// inside the window: the city's report id, this post's stop, and of the other post only its name,
// the time and the outcome.
export default /* sql */ `
CREATE TABLE helmet_city_keys (
  stop_id          INTEGER PRIMARY KEY REFERENCES helmet_stops(id),
  id_key           TEXT CHECK (id_key IS NULL OR length(id_key) = 64),
  phone_key        TEXT CHECK (phone_key IS NULL OR length(phone_key) = 64),
  plate_key        TEXT CHECK (plate_key IS NULL OR length(plate_key) = 64),
  city_checked     INTEGER CHECK (city_checked IN (0, 1)),
  city_prior_stops INTEGER NOT NULL DEFAULT 0 CHECK (city_prior_stops >= 0)
) STRICT;

CREATE TRIGGER helmet_city_keys_wipe AFTER UPDATE OF personal_wiped_at ON helmet_stops
WHEN NEW.personal_wiped_at IS NOT NULL
BEGIN UPDATE helmet_city_keys SET id_key = NULL, phone_key = NULL WHERE stop_id = NEW.id; END;

CREATE TABLE city_rider_reports (
  id               INTEGER PRIMARY KEY,
  stop_id          INTEGER NOT NULL REFERENCES helmet_stops(id),
  other_post_name  TEXT NOT NULL,
  other_stopped_at INTEGER NOT NULL,
  other_outcome    TEXT NOT NULL,
  received_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX city_rider_reports_stop ON city_rider_reports (stop_id);
`;
