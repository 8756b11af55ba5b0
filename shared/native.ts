/**
 * What the Electron preload exposes to the renderer as `window.greenpost`, and nothing more.
 * In a plain browser it is absent and the renderer falls back to the browser's own print and download.
 */
export interface NativeApi {
  /** Renders the current page through Chromium's print engine and saves it where the user chooses. */
  printToPdf(options: { suggestedName: string; landscape?: boolean }): Promise<{ saved: boolean; path?: string }>;
  /** Asks where to save and writes the given bytes there. */
  saveFile(options: { suggestedName: string; data: Uint8Array; filters?: { name: string; extensions: string[] }[] }): Promise<{
    saved: boolean;
    path?: string;
  }>;
}

/** IPC channel names, shared by preload and main so neither can drift. */
export const nativeChannels = {
  printToPdf: 'greenpost:print-to-pdf',
  saveFile: 'greenpost:save-file',
} as const satisfies Record<keyof NativeApi, string>;
