import { apiKeyMatches, apiKeyPrefix, newApiKey } from './api-key';

describe('API keys', () => {
  it('are found by their prefix and matched against the stored hash only', () => {
    const { key, prefix, hash } = newApiKey();
    expect(apiKeyPrefix(key)).toBe(prefix);
    // The secret is everything after `kc_<prefix>_` (base64url, which may itself hold `_`).
    const secret = key.slice(`kc_${prefix}_`.length);
    expect(secret.length).toBeGreaterThanOrEqual(43);
    expect(hash).not.toContain(secret);
    expect(apiKeyMatches(key, hash)).toBe(true);
  });

  it('refuses a key with the right prefix and another secret', () => {
    const { key, hash } = newApiKey();
    const other = `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`;
    expect(apiKeyMatches(other, hash)).toBe(false);
  });

  it('does not parse malformed keys', () => {
    for (const bad of ['', 'kc_123', 'Bearer x', `kc_zzzzzzzzzzzz_${'a'.repeat(43)}`]) {
      expect(apiKeyPrefix(bad)).toBeNull();
    }
  });
});
