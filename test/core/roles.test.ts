import { describe, expect, it } from 'vitest';
import { ACTIONS, can, PERMISSIONS, parseRole, rolesAllowed, routeAccess, ROLES } from '../../src/core/roles.ts';

const access = (method: string, url: string) => {
  const u = new URL(url, 'http://x');
  return routeAccess(method, u.pathname, u.searchParams);
};

describe('roles', () => {
  it('maps each API request to one action, an export when it asks for CSV', () => {
    expect(access('GET', '/api/overview')).toEqual({ action: 'read', exports: false });
    expect(access('GET', '/api/scorecards?format=csv')).toEqual({ action: 'read', exports: true });
    expect(access('GET', '/api/scorecards?format=json&format=csv').exports).toBe(true);
    expect(access('GET', '/api/export/messages').exports).toBe(true);
    expect(access('GET', '/api/audit?format=csv')).toEqual({ action: 'read-audit', exports: true });
    expect(access('POST', '/api/analyze').action).toBe('read');
    expect(access('POST', '/api/coach').action).toBe('read');
    expect(access('POST', '/api/rules/test').action).toBe('read');
    expect(access('POST', '/api/messages').action).toBe('ingest');
    expect(access('PUT', '/api/messages/12/corrections').action).toBe('correct');
    expect(access('POST', '/api/cases/3/notes').action).toBe('write-cases');
    expect(access('PATCH', '/api/root-causes/4').action).toBe('write-cases');
    expect(access('POST', '/api/alerts/9/ack').action).toBe('write-cases');
    expect(access('DELETE', '/api/rules/2').action).toBe('write-rules');
    expect(access('POST', '/api/deliveries/5/retry').action).toBe('write-rules');
    expect(access('POST', '/api/assessments').action).toBe('assess');
    // Every employee drills; candidates' hiring-mode attempts are for assessors only.
    expect(access('POST', '/api/drills/attempts?lang=fr').action).toBe('drill');
    expect(rolesAllowed('drill')).toEqual(['admin', 'analyst', 'agent', 'viewer']);
    expect(access('GET', '/api/drills/attempts?mode=hiring').action).toBe('assess');
    expect(access('GET', '/api/drills/current').action).toBe('read');
    expect(access('delete', '/api/users/1').action).toBe('manage-users');
    // A change no pattern names is closed to all but admins until it is given its place.
    expect(access('POST', '/api/something-new').action).toBe('configure');
    expect(access('PUT', '/api/cases//x').action).toBe('write-cases');
  });

  it('answers from one table: every role reads, only admins manage people and read the audit log', () => {
    for (const role of ROLES) expect(can(role, 'read')).toBe(true);
    expect(PERMISSIONS.admin).toEqual(ACTIONS);
    expect(rolesAllowed('manage-users')).toEqual(['admin']);
    expect(rolesAllowed('export')).toEqual(['admin', 'analyst']);
    expect(rolesAllowed('write-cases')).toEqual(['admin', 'analyst', 'agent']);
    // Each role can do everything the role below it can.
    for (let i = 1; i < ROLES.length; i++) for (const a of PERMISSIONS[ROLES[i]]) expect(can(ROLES[i - 1], a), `${ROLES[i - 1]} ${a}`).toBe(true);
    expect(parseRole('analyst')).toBe('analyst');
    expect(parseRole('root')).toBeNull();
  });
});
