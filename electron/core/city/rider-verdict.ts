import type { NewStop } from '../../../shared/contract/helmet';
import { monthsBefore } from '../../../shared/domain/eligibility';
import type { Core } from '../context';
import { cityRiderKeys, keyList, type CityVerdict } from '../helmet/city-keys';
import { readSettings } from '../settings-store';
import { loadLink } from './link-file';

/** How long an officer opening a stop waits for the city before the post decides alone. */
export const CITY_CHECK_TIMEOUT_MS = 1_500;

/**
 * Asks the city, before the stop is saved, how many stops of this rider other posts have inside the
 * window. Not enrolled: undefined (the post is alone, nothing to mark). Enrolled but the city is
 * unreachable, slow, refuses, or the link has no city key: the post's own count decides and the
 * stop is marked 未经全市核验 (checked: false); the shipped waivers are reported later instead.
 */
export async function askCityVerdict(core: Core, input: NewStop, now: number): Promise<CityVerdict | undefined> {
  const shipper = core.shipper;
  if (!shipper) return undefined;
  const cityKey = loadLink(core.options.dataDir)?.cityKey;
  if (!cityKey) return { keys: null, priorStops: 0, checked: false };
  const keys = cityRiderKeys(Buffer.from(cityKey, 'hex'), input);
  const [key] = keyList(keys);
  const unchecked: CityVerdict = { keys, priorStops: 0, checked: false };
  if (!key) return unchecked;
  const settings = readSettings(core.db);
  try {
    const since = monthsBefore(now, settings.helmetWindowMonths, settings.timeZone);
    const reply = await shipper.ask('city:riderCheck', { key, since, until: now }, CITY_CHECK_TIMEOUT_MS);
    if (reply.ok) return { keys, priorStops: reply.value.priorStops, checked: true };
    core.log('warn', 'city refused a rider check', { code: reply.error.code, message: reply.error.message });
  } catch (err) {
    core.log('info', 'rider check decided locally', { reason: err instanceof Error ? err.message : String(err) });
  }
  return unchecked;
}
