import { storedToken } from '../net/device-token';

// The kiosk's device token survives restarts until the kiosk is unpaired.
export const kioskToken = storedToken('greenpost.kioskToken');

/** The Electron kiosk window is opened with `#kioskToken=…` (it pairs itself); keep it, then drop it from the URL. */
export function adoptTokenFromFragment() {
  const match = /(?:^#|&)kioskToken=([A-Za-z0-9_-]{20,200})/.exec(location.hash);
  if (match?.[1]) kioskToken.set(match[1]);
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
}

export const kioskAuth = (): Record<string, string> => {
  const token = kioskToken.get();
  return token ? { kioskToken: token } : {};
};
