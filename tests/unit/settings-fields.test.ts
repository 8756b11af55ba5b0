import { describe, expect, it } from 'vitest';
import { defaultSettings, settingsSchema } from '../../shared/domain/settings';
import { checkSetting, isTimeZone, settingFieldSpecs, settingKeys, settingLabel, settingsPatchSchema } from '../../shared/domain/settings-fields';
import { screenSource } from '../../electron/main/station';

describe('settings fields', () => {
  it('lists every key of the schema with a form kind read from the schema itself', () => {
    const specs = settingFieldSpecs();
    expect(specs.map((s) => s.key)).toEqual(Object.keys(settingsSchema.shape));
    const byKey = Object.fromEntries(specs.map((s) => [s.key, s]));
    expect(byKey.postName).toMatchObject({ kind: 'text', maxLength: 40, restart: false });
    expect(byKey.overdueEscortMinutes).toMatchObject({ kind: 'integer', min: 1, max: 240 });
    expect(byKey.helmetRetentionYears).toMatchObject({ kind: 'integer', min: 1, max: 30 });
    expect(byKey.backupFolder).toMatchObject({ kind: 'text' });
    expect(byKey.bindAddress).toMatchObject({ kind: 'text', restart: true });
    expect(byKey.stationServerUrl).toMatchObject({ restart: true });
  });

  it('has the defaults the brief promises', () => {
    expect(defaultSettings).toMatchObject({
      helmetRetentionYears: 3,
      backupFolder: '',
      backupTime: '03:00',
      backupKeepDays: 30,
      bindAddress: '127.0.0.1',
      stationServerUrl: '',
    });
  });

  it('gives Chinese messages prefixed with the setting name', () => {
    expect(checkSetting('postName', '   ')).toEqual({ ok: false, message: '岗位名称：不能为空' });
    expect(checkSetting('postName', 'x'.repeat(41))).toEqual({ ok: false, message: '岗位名称：最多 40 个字' });
    expect(checkSetting('overdueEscortMinutes', 0)).toEqual({ ok: false, message: '接报后未到达超时（分钟）：不能小于 1' });
    expect(checkSetting('overdueEscortMinutes', 2.5)).toMatchObject({ ok: false, message: expect.stringContaining('整数') });
    expect(checkSetting('overdueEscortMinutes', '20')).toMatchObject({ ok: false, message: expect.stringContaining('数字') });
    expect(checkSetting('timeZone', 'Mars/Olympus')).toMatchObject({ ok: false, message: expect.stringContaining('时区') });
    expect(checkSetting('backupTime', '24:00')).toMatchObject({ ok: false, message: expect.stringContaining('HH:mm') });
    expect(checkSetting('backupFolder', 'relative/dir')).toMatchObject({ ok: false, message: expect.stringContaining('完整路径') });
    expect(checkSetting('bindAddress', 'booth.local')).toMatchObject({ ok: false, message: expect.stringContaining('IP 地址') });
    expect(checkSetting('bindAddress', '300.1.1.1')).toMatchObject({ ok: false });
    expect(checkSetting('stationServerUrl', 'ftp://x')).toMatchObject({ ok: false, message: expect.stringContaining('http://') });
    expect(checkSetting('stationServerUrl', 'http://192.168.1.10:5170/path')).toMatchObject({ ok: false });
  });

  it('accepts and normalises good values', () => {
    expect(checkSetting('postName', '  市医院岗 ')).toEqual({ ok: true, value: '市医院岗' });
    expect(checkSetting('timeZone', 'UTC')).toEqual({ ok: true, value: 'UTC' });
    for (const folder of ['/var/backups/greenpost', 'D:\\绿岗备份', 'D:/backups', '\\\\nas\\share\\gp'])
      expect(checkSetting('backupFolder', folder), folder).toMatchObject({ ok: true });
    for (const address of ['127.0.0.1', '0.0.0.0', '192.168.1.20', '::', '::1'])
      expect(checkSetting('bindAddress', address), address).toMatchObject({ ok: true });
    expect(checkSetting('stationServerUrl', 'http://192.168.1.10:5170')).toMatchObject({ ok: true });
    expect(checkSetting('backupTime', '23:59')).toMatchObject({ ok: true });
  });

  it('the update request takes any subset of keys and refuses unknown ones', () => {
    expect(settingsPatchSchema.parse({ postName: '甲岗' })).toEqual({ postName: '甲岗' });
    expect(settingsPatchSchema.parse({})).toEqual({});
    const unknown = settingsPatchSchema.safeParse({ colour: 'red' });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]?.message).toContain('未知设置项：colour');
    const bad = settingsPatchSchema.safeParse({ timeZone: 'Nowhere/Land', postName: 'ok' });
    expect(bad.error?.issues.map((i) => i.message)).toEqual(['时区：不是有效的时区名称，如 Asia/Shanghai、UTC']);
  });

  it('labels every key and recognises time zones with Intl', () => {
    for (const key of settingKeys) expect(settingLabel(key)).not.toBe(key);
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Asia/Beijing')).toBe(false);
  });
});

describe('station server (Electron windows)', () => {
  it('loads the embedded core unless a station address is saved and not overridden', () => {
    expect(screenSource('http://127.0.0.1:4321', '', false)).toEqual({
      origin: 'http://127.0.0.1:4321',
      boothUrl: 'http://127.0.0.1:4321/',
      kioskUrl: 'http://127.0.0.1:4321/kiosk',
      builtInKiosk: true,
    });
    expect(screenSource('http://127.0.0.1:4321', 'http://192.168.1.10:5170', false)).toEqual({
      origin: 'http://192.168.1.10:5170',
      boothUrl: 'http://192.168.1.10:5170/',
      kioskUrl: 'http://192.168.1.10:5170/kiosk',
      builtInKiosk: false,
    });
    expect(screenSource('http://127.0.0.1:4321', 'http://192.168.1.10:5170', true).builtInKiosk).toBe(true);
    expect(screenSource('http://127.0.0.1:4321', 'javascript:alert(1)', false).origin).toBe('http://127.0.0.1:4321');
  });
});
