import { RuleViolationError } from '@kc/errors';
import { assertWebhookUrl } from './webhook-url-policy';

const refusal = (url: string, allowHttpLoopback: boolean) => {
  try {
    assertWebhookUrl(url, { allowHttpLoopback });
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(RuleViolationError);
    return [(error as RuleViolationError).code, (error as RuleViolationError).field];
  }
};

describe('webhook URL policy', () => {
  it('takes https anywhere, whatever the flag', () => {
    expect(refusal('https://sct.nghean.gov.vn/kc-hooks', false)).toBeNull();
    expect(refusal('https://127.0.0.1:8443/hook', false)).toBeNull();
  });

  it('takes plain http only to the loopback host, and only when allowed', () => {
    for (const url of ['http://127.0.0.1:9000/hook', 'http://localhost/hook', 'http://[::1]:80/hook']) {
      expect(refusal(url, true)).toBeNull();
      expect(refusal(url, false)).toEqual(['webhook.https-only', 'url']);
    }
    expect(refusal('http://sct.nghean.gov.vn/hook', true)).toEqual(['webhook.https-only', 'url']);
    expect(refusal('http://127.0.0.1.nip.io/hook', true)).toEqual(['webhook.https-only', 'url']);
    expect(refusal('http://10.0.0.5/hook', true)).toEqual(['webhook.https-only', 'url']);
  });

  it('refuses other schemes and what is not a URL', () => {
    expect(refusal('ftp://127.0.0.1/hook', true)).toEqual(['webhook.https-only', 'url']);
    expect(refusal('not a url', true)).toEqual(['webhook.https-only', 'url']);
  });
});
