import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions, Input, WebPreferences } from 'electron';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { isSuppressedKioskInput } from '../../electron/main/kiosk-lockdown';
import { nativeChannels } from '../../shared/native';
import type { NativeApi } from '../../shared/native';

// Electron cannot run here: its BrowserWindow is stood in for by one that keeps what it was given.
vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(readonly options: BrowserWindowConstructorOptions) {}
  },
}));
const { boothWindowOptions, kioskWindowOptions, openHardenedWindow } =
  await import('../../electron/main/window-options');
type WindowOptions = Parameters<typeof openHardenedWindow>[0];
/** The options `new BrowserWindow` received for a window. */
const opened = (options: WindowOptions, isPackaged = true) =>
  (openHardenedWindow(options, isPackaged) as unknown as { options: BrowserWindowConstructorOptions }).options;

const root = join(import.meta.dirname, '..', '..');
const display = { x: 1920, y: 0, width: 1080, height: 1920 };

const hardened: WebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  disableBlinkFeatures: 'Auxclick',
  spellcheck: false,
};

describe('window options', () => {
  for (const isPackaged of [true, false]) {
    it(`hardens both windows (packaged: ${isPackaged})`, () => {
      const booth = opened(boothWindowOptions('/app/dist-node/preload.cjs'), isPackaged).webPreferences;
      const kiosk = opened(kioskWindowOptions(display), isPackaged).webPreferences;
      expect(booth).toMatchObject({ ...hardened, devTools: !isPackaged });
      expect(kiosk).toMatchObject({ ...hardened, devTools: !isPackaged });
    });
  }

  it("puts the hardening after a window's own preferences, so none of them can weaken it", () => {
    const weakened = { webPreferences: { sandbox: false, contextIsolation: false, nodeIntegration: true } };
    expect(opened(weakened as unknown as WindowOptions).webPreferences).toMatchObject(hardened);
  });

  it('gives only the booth the preload; the kiosk has nothing native', () => {
    expect(opened(boothWindowOptions('/app/dist-node/preload.cjs')).webPreferences?.preload).toBe(
      '/app/dist-node/preload.cjs',
    );
    expect(opened(kioskWindowOptions(display)).webPreferences).not.toHaveProperty('preload');
    expect(opened(kioskWindowOptions(display)).webPreferences).toMatchObject({ disableDialogs: true });
  });

  it('opens the booth as an ordinary titled window', () => {
    const booth = opened(boothWindowOptions('/p.cjs'));
    expect(booth).toMatchObject({ title: 'GreenPost 绿岗', width: 1366, height: 768 });
    expect(booth.minWidth).toBeLessThanOrEqual(1366);
    expect(booth.minHeight).toBeLessThanOrEqual(768);
    expect(booth.kiosk).toBeFalsy();
  });

  it('fills the second display with a frameless fullscreen kiosk', () => {
    const kiosk = opened(kioskWindowOptions(display));
    expect(kiosk).toMatchObject({ kiosk: true, fullscreen: true, frame: false, autoHideMenuBar: true, ...display });
  });
});

const key = (k: string, code: string, mods: Partial<Pick<Input, 'control' | 'meta' | 'alt' | 'shift'>> = {}) => ({
  key: k,
  code,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
});
const ctrl = { control: true };

describe('isSuppressedKioskInput', () => {
  const suppressed: [string, ReturnType<typeof key>][] = [
    ['F5 reload', key('F5', 'F5')],
    ['Ctrl+R reload', key('r', 'KeyR', ctrl)],
    ['Cmd+R reload', key('r', 'KeyR', { meta: true })],
    ['Ctrl+Shift+R hard reload', key('R', 'KeyR', { control: true, shift: true })],
    ['Alt+F4 close', key('F4', 'F4', { alt: true })],
    ['Ctrl+W close', key('w', 'KeyW', ctrl)],
    ['Ctrl+Q quit', key('q', 'KeyQ', ctrl)],
    ['Ctrl++ zoom in', key('+', 'Equal', { control: true, shift: true })],
    ['Ctrl+= zoom in', key('=', 'Equal', ctrl)],
    ['Ctrl+- zoom out', key('-', 'Minus', ctrl)],
    ['Ctrl+0 zoom reset', key('0', 'Digit0', ctrl)],
    ['Ctrl+keypad + zoom in', key('+', 'NumpadAdd', ctrl)],
    ['Alt+Left back', key('ArrowLeft', 'ArrowLeft', { alt: true })],
    ['Alt+Right forward', key('ArrowRight', 'ArrowRight', { alt: true })],
    ['BrowserBack key', key('BrowserBack', 'BrowserBack')],
    ['BrowserForward key', key('BrowserForward', 'BrowserForward')],
    ['F12 devtools', key('F12', 'F12')],
    ['Ctrl+Shift+I devtools', key('I', 'KeyI', { control: true, shift: true })],
    ['Cmd+Alt+I devtools', key('i', 'KeyI', { meta: true, alt: true })],
    ['F11 leave fullscreen', key('F11', 'F11')],
    ['Ctrl+P print', key('p', 'KeyP', ctrl)],
    // The physical key counts, not the character a non-US layout or an IME produces.
    ['Ctrl+R under a Chinese IME', key('Process', 'KeyR', ctrl)],
  ];
  for (const [name, input] of suppressed) {
    it(`suppresses ${name}`, () => expect(isSuppressedKioskInput(input)).toBe(true));
  }

  const allowed: [string, ReturnType<typeof key>][] = [
    ['a letter', key('a', 'KeyA')],
    ['a capital letter', key('R', 'KeyR', { shift: true })],
    ['a digit', key('0', 'Digit0')],
    ['Enter', key('Enter', 'Enter')],
    ['Escape', key('Escape', 'Escape')],
    ['Tab', key('Tab', 'Tab')],
    ['Space (pause video)', key(' ', 'Space')],
    ['arrows', key('ArrowLeft', 'ArrowLeft')],
    ['Backspace', key('Backspace', 'Backspace')],
    ['Ctrl+C copy', key('c', 'KeyC', ctrl)],
    ['Ctrl+V paste', key('v', 'KeyV', ctrl)],
    ['Ctrl+A select all', key('a', 'KeyA', ctrl)],
    ['Shift alone', key('Shift', 'ShiftLeft', { shift: true })],
  ];
  for (const [name, input] of allowed) {
    it(`lets ${name} through`, () => expect(isSuppressedKioskInput(input)).toBe(false));
  }
});

describe('preload allowlist', () => {
  const source = readFileSync(join(root, 'electron', 'main', 'preload.ts'), 'utf8');
  const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');

  it('never hands ipcRenderer (or any of its members) to the page', () => {
    expect(code).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    // Every mention of ipcRenderer is either its import or an invoke on a named channel.
    const uses = [...code.matchAll(/ipcRenderer\b(.{0,60})/g)].map((m) => m[1]);
    expect(uses.length).toBeGreaterThan(1);
    for (const after of uses) expect(after).toMatch(/^( } from 'electron'|\.invoke\(nativeChannels\.\w+, \w+\))/);
    expect(code).not.toMatch(/ipcRenderer\.(on|once|send|sendSync|postMessage|removeAllListeners)\b/);
    expect(code).toMatch(/satisfies NativeApi/);
    expect(code).toMatch(/exposeInMainWorld\('greenpost', api\)/);
  });

  it('wires exactly one function per native channel', () => {
    const exposed = [...code.matchAll(/^\s+(\w+): \(\w+\) => ipcRenderer\.invoke\(nativeChannels\.(\w+),/gm)].map(
      (m) => {
        expect(m[1]).toBe(m[2]);
        return m[1];
      },
    );
    expect(exposed.sort()).toEqual(Object.keys(nativeChannels).sort());
    expect(new Set(Object.values(nativeChannels)).size).toBe(Object.keys(nativeChannels).length);
    expectTypeOf<keyof typeof nativeChannels>().toEqualTypeOf<keyof NativeApi>();
  });
});
