/**
 * Where this booth's windows load their screens from. Normally the embedded core; with a station
 * server address saved in 管理 → 设置 (and not overridden by `--use-embedded`), the booth and kiosk
 * windows use the station's core instead, so several booths share one database. The kiosk then pairs
 * with the station like a LAN tablet: the built-in kiosk token belongs to the embedded core only.
 */
export interface ScreenSource {
  origin: string;
  boothUrl: string;
  kioskUrl: string;
  /** True when the kiosk window may use the embedded core's built-in token. */
  builtInKiosk: boolean;
}

export function screenSource(embeddedUrl: string, stationServerUrl: string, useEmbedded: boolean): ScreenSource {
  const station = !useEmbedded && stationServerUrl ? parseStation(stationServerUrl) : undefined;
  const base = station ?? new URL(embeddedUrl).origin;
  return { origin: base, boothUrl: `${base}/`, kioskUrl: `${base}/kiosk`, builtInKiosk: station === undefined };
}

function parseStation(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}
