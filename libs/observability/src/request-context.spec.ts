import { correlationIdFrom, currentContext, runWithContext } from './request-context';

describe('request context', () => {
  it('keeps a caller correlation id that is a plain token', () => {
    expect(correlationIdFrom('req-42.abc')).toBe('req-42.abc');
  });

  it('replaces a correlation id that could inject into logs', () => {
    const id = correlationIdFrom('bad\nvalue');
    expect(id).not.toContain('\n');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('carries the context across awaits and not outside the run', async () => {
    await runWithContext({ correlationId: 'c-1', causationId: null, actor: null }, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      expect(currentContext()?.correlationId).toBe('c-1');
    });
    expect(currentContext()).toBeUndefined();
  });
});
