import { ConfigError, parseConfig } from '@kc/config';
import { awardsEnvSchema } from './awards.config';

const base = {
  PORT: '3105',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/kc_awards',
  KAFKA_BROKERS: '127.0.0.1:9092',
  REDIS_URL: 'redis://127.0.0.1:6379/0',
};

describe('awards configuration', () => {
  it('treats the blanks compose passes for unset variables as unset', () => {
    const config = parseConfig(awardsEnvSchema, { ...base, PUBLIC_BASE_URL: '', AWARDS_PSEUDONYM_KEY: '' });
    expect(config.PUBLIC_BASE_URL).toBe('http://localhost:3000');
    expect(config.AWARDS_PSEUDONYM_KEY).toBeUndefined();
    // Blank is not 0: that would turn off the worker's polling for pending publications.
    expect(
      parseConfig(awardsEnvSchema, { ...base, AWARDS_PUBLICATION_POLL_MS: '' }).AWARDS_PUBLICATION_POLL_MS,
    ).toBe(5_000);
  });

  it('refuses a pseudonym key shorter than 32 bytes, and drops a trailing slash of the base URL', () => {
    expect(() => parseConfig(awardsEnvSchema, { ...base, AWARDS_PSEUDONYM_KEY: 'short' })).toThrow(
      ConfigError,
    );
    expect(
      parseConfig(awardsEnvSchema, { ...base, PUBLIC_BASE_URL: 'https://kc.gov.vn/' }).PUBLIC_BASE_URL,
    ).toBe('https://kc.gov.vn');
  });
});
