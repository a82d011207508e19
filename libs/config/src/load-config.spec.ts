import { parseConfig, ConfigError } from './load-config';
import { serviceEnvSchema } from './common-env';

const valid = {
  PORT: '3101',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/kc_plans',
  KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093',
  REDIS_URL: 'redis://127.0.0.1:6379/0',
};

describe('service configuration', () => {
  it('parses a complete environment with defaults', () => {
    const config = parseConfig(serviceEnvSchema, valid);
    expect(config.PORT).toBe(3101);
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092', '127.0.0.1:9093']);
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('names a missing variable', () => {
    const { DATABASE_URL: _omitted, ...rest } = valid;
    expect(() => parseConfig(serviceEnvSchema, rest)).toThrow(/DATABASE_URL/);
  });

  it('names every invalid variable in one message', () => {
    try {
      parseConfig(serviceEnvSchema, { ...valid, PORT: 'eighty', REDIS_URL: 'http://x' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/REDIS_URL: must start with redis:\/\//);
    }
  });

  it('rejects a broker list entry without a port', () => {
    expect(() => parseConfig(serviceEnvSchema, { ...valid, KAFKA_BROKERS: 'localhost' })).toThrow(
      /KAFKA_BROKERS/,
    );
  });
});
