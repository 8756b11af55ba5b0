import { afterEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../electron/core/audit/chain';
import { connectClient, expectOk, officerClient, startTestCore, type TestClient, type TestCore } from '../helpers/test-core';

let core: TestCore | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await core?.dispose();
  core = undefined;
});

const signIn = async (badge: string, pin = '123456') => {
  const c = await officerClient(core!.url, badge, pin);
  clients.push(c);
  return c;
};
const idOf = (badge: string) => core!.core.db.prepare('SELECT id FROM officers WHERE badge = ?').pluck().get(badge) as number;
const actions = () => core!.core.db.prepare('SELECT action FROM audit_log ORDER BY seq').pluck().all() as string[];

describe('officers (管理 → 民警)', () => {
  it('an admin adds an officer who can then log in; badges are unique; only admins may', async () => {
    core = await startTestCore({ demo: true });
    const admin = await signIn('900001');
    const account = expectOk(await admin.send('officers:create', { badge: '310001', name: '陈静', role: 'officer', pin: 'first-pin' }));
    expect(account).toMatchObject({ badge: '310001', name: '陈静', role: 'officer', active: true, lockedUntil: 0 });
    const newcomer = await signIn('310001', 'first-pin');
    expect(newcomer.hello.principal).toMatchObject({ kind: 'officer', officer: { badge: '310001' } });
    expect(await admin.send('officers:create', { badge: '310001', name: '重复', role: 'officer', pin: 'first-pin' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('已存在') },
    });
    expect(await admin.send('officers:create', { badge: '31', name: '', role: 'officer', pin: '1' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('警号') },
    });
    const chief = await signIn('900002');
    expect(await chief.send('officers:create', { badge: '310002', name: '何', role: 'admin', pin: 'first-pin' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await chief.send('officers:list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(expectOk(await admin.send('officers:list', {})).map((o) => o.badge)).toContain('310001');
    expect(actions()).toContain('officer.create');
  });

  it('deactivating signs the officer out everywhere at once and refuses their login; reactivating restores it', async () => {
    core = await startTestCore({ demo: true });
    const admin = await signIn('900001');
    const officer = await signIn('900003');
    const second = await connectClient(core.url, { token: officer.token });
    clients.push(second);
    const ended = [officer.next('session:ended'), second.next('session:ended')];
    const listed = admin.next('officers:changed');
    expect(expectOk(await admin.send('officers:setActive', { officerId: idOf('900003'), active: false })).active).toBe(false);
    for (const e of await Promise.all(ended)) expect(e[0].reason).toBe('deactivated');
    expect((await listed)[0].find((o) => o.badge === '900003')?.active).toBe(false);
    expect(await officer.send('auth:me', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const again = await connectClient(core.url, { token: officer.token });
    clients.push(again);
    expect(again.hello.principal.kind).toBe('anonymous');
    expect(await again.send('auth:login', { badge: '900003', pin: '123456' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expectOk(await admin.send('officers:setActive', { officerId: idOf('900003'), active: true }));
    expect(await again.send('auth:login', { badge: '900003', pin: '123456' })).toMatchObject({ ok: true });
    expect(actions()).toEqual(expect.arrayContaining(['officer.deactivate', 'officer.reactivate']));
  });

  it('the last active admin can be neither deactivated nor demoted; with a second admin both work', async () => {
    core = await startTestCore({ demo: true });
    const admin = await signIn('900001');
    const before = actions().length;
    for (const change of [
      admin.send('officers:setActive', { officerId: idOf('900001'), active: false }),
      admin.send('officers:setRole', { officerId: idOf('900001'), role: 'chief' }),
    ]) {
      const r = await change;
      expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      if (!r.ok) expect(r.error.message).toContain('最后一名在岗管理员');
    }
    expect(actions().length).toBe(before);
    expect(core.core.db.prepare("SELECT role, active FROM officers WHERE badge = '900001'").get()).toEqual({ role: 'admin', active: 1 });
    // A deactivated admin does not count as the one who stays.
    expectOk(await admin.send('officers:setRole', { officerId: idOf('900002'), role: 'admin' }));
    expectOk(await admin.send('officers:setActive', { officerId: idOf('900002'), active: false }));
    expect(await admin.send('officers:setRole', { officerId: idOf('900001'), role: 'officer' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expectOk(await admin.send('officers:setActive', { officerId: idOf('900002'), active: true }));
    expectOk(await admin.send('officers:setRole', { officerId: idOf('900001'), role: 'officer' }));
  });

  it("a role change reaches the officer's open windows at once, in both directions", async () => {
    core = await startTestCore({ demo: true });
    const admin = await signIn('900001');
    const officer = await signIn('900003');
    expect(await officer.send('officers:list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const hello = officer.next('core:hello');
    expectOk(await admin.send('officers:setRole', { officerId: idOf('900003'), role: 'admin' }));
    expect((await hello)[0].principal).toMatchObject({ kind: 'officer', officer: { role: 'admin' } });
    expect(await officer.send('officers:list', {})).toMatchObject({ ok: true });
    expectOk(await admin.send('officers:setRole', { officerId: idOf('900003'), role: 'officer' }));
    expect(await officer.send('officers:list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(core.core.db.prepare("SELECT details FROM audit_log WHERE action = 'officer.role' ORDER BY seq").pluck().all()).toEqual([
      JSON.stringify({ badge: '900003', from: 'officer', to: 'admin' }),
      JSON.stringify({ badge: '900003', from: 'admin', to: 'officer' }),
    ]);
  });

  it('a PIN reset replaces the PIN, lifts a lockout and signs the officer out; an admin may not reset their own', async () => {
    core = await startTestCore({ demo: true });
    const admin = await signIn('900001');
    const officer = await signIn('900004');
    const anon = await connectClient(core.url);
    clients.push(anon);
    for (let i = 0; i < 5; i++) await anon.send('auth:login', { badge: '900004', pin: 'wrong-pin' });
    expect(expectOk(await admin.send('officers:list', {})).find((o) => o.badge === '900004')?.lockedUntil).toBeGreaterThan(0);
    const ended = officer.next('session:ended');
    const reset = expectOk(await admin.send('officers:resetPin', { officerId: idOf('900004'), pin: 'fresh-pin-1' }));
    expect(reset.lockedUntil).toBe(0);
    expect((await ended)[0].reason).toBe('pinReset');
    expect(await anon.send('auth:login', { badge: '900004', pin: '123456' })).toMatchObject({ ok: false });
    expect(await anon.send('auth:login', { badge: '900004', pin: 'fresh-pin-1' })).toMatchObject({ ok: true });
    expect(await admin.send('officers:resetPin', { officerId: idOf('900001'), pin: 'fresh-pin-1' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('修改密码') },
    });
    expect(await admin.send('officers:resetPin', { officerId: 9999, pin: 'fresh-pin-1' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(actions()).toContain('officer.pin_reset');
  });

  it('every officer changes their own PIN with the current one; other windows are signed out, this one stays', async () => {
    core = await startTestCore({ demo: true });
    const officer = await signIn('900003');
    const other = await signIn('900003');
    expect(await officer.send('account:changePin', { currentPin: 'not-mine', newPin: 'brand-new-pin' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '当前密码不正确' },
    });
    expect(await officer.send('account:changePin', { currentPin: '123456', newPin: '123' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('至少 6 位') },
    });
    const ended = other.next('session:ended');
    expectOk(await officer.send('account:changePin', { currentPin: '123456', newPin: 'brand-new-pin' }));
    expect((await ended)[0].reason).toBe('pinChanged');
    expect(expectOk(await officer.send('auth:me', {})).badge).toBe('900003');
    await expect(officerClient(core.url, '900003', '123456')).rejects.toThrow(/错误/);
    clients.push(await signIn('900003', 'brand-new-pin'));
    expect(actions()).toContain('officer.pin_change');
    expect(verifyChain(core.core.db)).toMatchObject({ ok: true });
  });
});
