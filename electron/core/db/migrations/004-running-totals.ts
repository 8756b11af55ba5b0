// Since-opening totals for 统计报表, kept by triggers as rows are written, so the report reads three
// counters instead of counting years of history (and no code path can forget to bump them).
// 'advisories.total': 劝导 not undone; 'helmet.stops': stops not cancelled; 'helmet.completed':
// stops whose education was completed. Seeded once from the existing rows.
export default /* sql */ `
INSERT INTO counters (key, value) SELECT 'advisories.total', COUNT(*) FROM advisories WHERE undone_at IS NULL
  ON CONFLICT (key) DO UPDATE SET value = excluded.value;
INSERT INTO counters (key, value) SELECT 'helmet.stops', COUNT(*) FROM helmet_stops WHERE outcome != 'cancelled'
  ON CONFLICT (key) DO UPDATE SET value = excluded.value;
INSERT INTO counters (key, value) SELECT 'helmet.completed', COUNT(*) FROM helmet_stops WHERE outcome = 'completed'
  ON CONFLICT (key) DO UPDATE SET value = excluded.value;

CREATE TRIGGER advisories_total_insert AFTER INSERT ON advisories WHEN NEW.undone_at IS NULL
BEGIN
  UPDATE counters SET value = value + 1 WHERE key = 'advisories.total';
END;
CREATE TRIGGER advisories_total_undo AFTER UPDATE OF undone_at ON advisories
  WHEN (OLD.undone_at IS NULL) != (NEW.undone_at IS NULL)
BEGIN
  UPDATE counters SET value = value + CASE WHEN NEW.undone_at IS NULL THEN 1 ELSE -1 END WHERE key = 'advisories.total';
END;
CREATE TRIGGER advisories_total_delete AFTER DELETE ON advisories WHEN OLD.undone_at IS NULL
BEGIN
  UPDATE counters SET value = value - 1 WHERE key = 'advisories.total';
END;

CREATE TRIGGER helmet_totals_insert AFTER INSERT ON helmet_stops
BEGIN
  UPDATE counters SET value = value + (NEW.outcome != 'cancelled') WHERE key = 'helmet.stops';
  UPDATE counters SET value = value + (NEW.outcome = 'completed') WHERE key = 'helmet.completed';
END;
CREATE TRIGGER helmet_totals_outcome AFTER UPDATE OF outcome ON helmet_stops WHEN OLD.outcome != NEW.outcome
BEGIN
  UPDATE counters SET value = value + (NEW.outcome != 'cancelled') - (OLD.outcome != 'cancelled') WHERE key = 'helmet.stops';
  UPDATE counters SET value = value + (NEW.outcome = 'completed') - (OLD.outcome = 'completed') WHERE key = 'helmet.completed';
END;
CREATE TRIGGER helmet_totals_delete AFTER DELETE ON helmet_stops
BEGIN
  UPDATE counters SET value = value - (OLD.outcome != 'cancelled') WHERE key = 'helmet.stops';
  UPDATE counters SET value = value - (OLD.outcome = 'completed') WHERE key = 'helmet.completed';
END;
`;
