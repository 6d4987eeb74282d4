import { expect, it } from 'vitest';
import { InputError, NotFoundError } from '../../src/core/errors.ts';
import { hashPassword, newApiToken, secretHash, verifyPassword } from '../../src/runtime/accounts/credentials.ts';
import { dialectSuite } from './dialects.ts';

const T0 = new Date('2026-06-01T08:00:00Z');

dialectSuite('accounts', ({ open }) => {
  let now = T0;
  const clock = () => now;

  it('adds users with a role per workspace, finds them by e-mail in any case, counts and lists them', async () => {
    const store = await open(undefined, clock);
    expect(await store.countUsers()).toBe(0);
    const hash = await hashPassword('correct horse battery');
    const ada = await store.addUser('w1', { email: ' Ada@Example.com ', name: 'Ada', passwordHash: hash, role: 'admin' });
    expect(ada).toMatchObject({ email: 'ada@example.com', name: 'Ada', role: 'admin', disabled: false });
    await store.addUser('w1', { email: 'bob@example.com', passwordHash: hash, role: 'viewer' });
    expect(await store.countUsers()).toBe(2);
    const found = await store.findUserByEmail('ADA@example.com');
    expect(found?.id).toBe(ada.id);
    expect(await verifyPassword('correct horse battery', found!.passwordHash)).toBe(true);
    expect(await verifyPassword('wrong horse battery', found!.passwordHash)).toBe(false);
    expect((await store.listMembers('w1')).map((m) => [m.email, m.role])).toEqual([['ada@example.com', 'admin'], ['bob@example.com', 'viewer']]);
    expect(await store.listMembers('w2')).toEqual([]);

    await expect(store.addUser('w1', { email: 'ada@example.com', passwordHash: hash, role: 'viewer' })).rejects.toThrow(InputError);
    await expect(store.addUser('w1', { email: 'not-an-address', passwordHash: hash, role: 'viewer' })).rejects.toThrow(/not an e-mail address/);

    // Roles are per workspace: Ada is an admin of w1 and, once given one, a viewer of w2.
    expect(await store.roleOf('w2', ada.id)).toBeNull();
    await store.setRole('w2', 'ada@example.com', 'viewer');
    expect(await store.roleOf('w2', ada.id)).toBe('viewer');
    expect(await store.roleOf('w1', ada.id)).toBe('admin');
    await store.setRole('w2', 'ada@example.com', 'analyst');
    expect(await store.roleOf('w2', ada.id)).toBe('analyst');
    await expect(store.setRole('w1', 'nobody@example.com', 'viewer')).rejects.toThrow(NotFoundError);

    // Removing from one workspace keeps the user while they belong to another; from the last deletes them.
    await store.removeMember('w2', 'ada@example.com');
    expect(await store.findUserByEmail('ada@example.com')).not.toBeNull();
    await store.removeMember('w1', 'bob@example.com');
    expect(await store.findUserByEmail('bob@example.com')).toBeNull();
    await expect(store.removeMember('w1', 'bob@example.com')).rejects.toThrow(/ecoute user list/);
    expect(await store.countUsers()).toBe(1);
  });

  it('keeps sessions by the hash of their id until they expire or the user is removed', async () => {
    now = T0;
    const store = await open(undefined, clock);
    const u = await store.addUser('w1', { email: 'c@example.com', passwordHash: 'x', role: 'agent' });
    await store.createSession({ idHash: secretHash('s1'), userId: u.id, csrfToken: 'csrf1', expiresAt: new Date(T0.getTime() + 1000), now });
    expect(await store.findSession(secretHash('s1'), now)).toMatchObject({ userId: u.id, email: 'c@example.com', csrfToken: 'csrf1' });
    expect(await store.findSession(secretHash('s2'), now)).toBeNull();
    now = new Date(T0.getTime() + 1000);
    expect(await store.findSession(secretHash('s1'), now)).toBeNull();
    now = T0;
    expect(await store.findSession(secretHash('s1'), now)).toBeNull(); // deleted when found expired

    await store.createSession({ idHash: secretHash('s3'), userId: u.id, csrfToken: 'c', expiresAt: new Date(T0.getTime() + 60_000), now });
    await store.deleteSession(secretHash('s3'));
    expect(await store.findSession(secretHash('s3'), now)).toBeNull();
    await store.createSession({ idHash: secretHash('s4'), userId: u.id, csrfToken: 'c', expiresAt: new Date(T0.getTime() + 60_000), now });
    await store.removeMember('w1', 'c@example.com');
    expect(await store.findSession(secretHash('s4'), now)).toBeNull();

    // A log-in sweeps the sessions expired at its time: s5 is gone even when asked about before it expired.
    const v = await store.addUser('w1', { email: 'd@example.com', passwordHash: 'x', role: 'agent' });
    await store.createSession({ idHash: secretHash('s5'), userId: v.id, csrfToken: 'c', expiresAt: new Date(T0.getTime() + 1000), now: T0 });
    await store.createSession({ idHash: secretHash('s6'), userId: v.id, csrfToken: 'c', expiresAt: new Date(T0.getTime() + 9000), now: new Date(T0.getTime() + 2000) });
    expect(await store.findSession(secretHash('s5'), T0)).toBeNull();
    expect(await store.findSession(secretHash('s6'), T0)).not.toBeNull();
  });

  it('stores API tokens by hash, scoped to a workspace, revocable by name or id, noting their use', async () => {
    now = T0;
    const store = await open(undefined, clock);
    const secret = newApiToken();
    expect(secret).toMatch(/^ec_[\w-]{43}$/);
    const t = await store.createApiToken('w1', { name: 'nightly-export', role: 'analyst', tokenHash: secretHash(secret) });
    expect(t).toMatchObject({ name: 'nightly-export', workspaceId: 'w1', role: 'analyst', lastUsedAt: null, revokedAt: null });
    await expect(store.createApiToken('w1', { name: 'nightly-export', role: 'viewer', tokenHash: secretHash(newApiToken()) })).rejects.toThrow(/revoke it first/);
    await expect(store.createApiToken('w1', { name: '42', role: 'viewer', tokenHash: 'h' })).rejects.toThrow(/cannot name a token/);
    const other = await store.createApiToken('w2', { name: 'nightly-export', role: 'viewer', tokenHash: secretHash('other') });

    now = new Date(T0.getTime() + 5000);
    expect(await store.useApiToken(secretHash(secret))).toMatchObject({ id: t.id, workspaceId: 'w1' });
    expect((await store.listApiTokens('w1'))[0].lastUsedAt).toEqual(now);
    expect(await store.useApiToken(secretHash('ec_unknown'))).toBeNull();

    const revoked = await store.revokeApiToken('w1', 'nightly-export');
    expect(revoked.revokedAt).toEqual(now);
    expect((await store.useApiToken(secretHash(secret)))?.revokedAt).toEqual(now);
    await expect(store.revokeApiToken('w1', 'nightly-export')).rejects.toThrow(/ecoute token list/);
    // The name is free again once revoked; the other workspace's token of the same name is untouched.
    const again = await store.createApiToken('w1', { name: 'nightly-export', role: 'viewer', tokenHash: secretHash('again') });
    await store.revokeApiToken('w1', again.id);
    expect((await store.listApiTokens('w1')).map((x) => x.revokedAt !== null)).toEqual([true, true]);
    expect((await store.listApiTokens('w2'))[0]).toMatchObject({ id: other.id, revokedAt: null });
    await expect(store.revokeApiToken('w1', other.id)).rejects.toThrow(NotFoundError);
  });

  it('appends audit lines with their actor', async () => {
    now = T0;
    const store = await open(undefined, clock);
    await store.recordAudit('w1', { actor: 'ada@example.com', action: 'api.export', target: 'GET /api/scorecards?format=csv', detail: { status: 200 } });
    expect(await store.auditLog('w1')).toEqual([
      { at: T0, actor: 'ada@example.com', action: 'api.export', target: 'GET /api/scorecards?format=csv', detail: { status: 200 } },
    ]);
    expect(await store.auditLog('w2')).toEqual([]);
  });
});
