import { permits } from './access-rule';

describe('access rules', () => {
  const rule = { roles: ['central-admin', 'province-officer'] as const, scope: 'projects:write' };

  it('permits a person whose role the rule lists, whatever their scopes', () => {
    expect(permits(rule, { kind: 'user', role: 'province-officer', scopes: [] })).toBe(true);
  });

  it('refuses a role the rule does not list', () => {
    expect(permits(rule, { kind: 'user', role: 'viewer', scopes: ['projects:write'] })).toBe(false);
  });

  it('requires an API client to hold the rule scope', () => {
    expect(permits(rule, { kind: 'client', role: 'province-officer', scopes: ['projects:read'] })).toBe(
      false,
    );
    expect(permits(rule, { kind: 'client', role: 'province-officer', scopes: ['projects:write'] })).toBe(
      true,
    );
  });
});
