import { OAuthError, readTokenRequest } from './oauth';

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;
const refusal = (body: unknown, authorization?: string) => {
  try {
    readTokenRequest(body, authorization);
  } catch (error) {
    const { error: code, status, description } = error as OAuthError;
    return { code, status, description };
  }
  throw new Error('accepted');
};

describe('token requests (RFC 6749)', () => {
  const grant = { grant_type: 'client_credentials' };

  it('reads credentials from the body, or from Basic (form-encoded, §2.3.1), and the scopes asked', () => {
    expect(
      readTokenRequest(
        { ...grant, client_id: 'c1', client_secret: 's', scope: 'a:read  b:write a:read' },
        undefined,
      ),
    ).toEqual({ clientId: 'c1', clientSecret: 's', via: 'body', scopes: ['a:read', 'b:write'] });
    expect(readTokenRequest({ ...grant, extra: 'ignored' }, basic('c 1', 'p:w%'))).toEqual({
      clientId: 'c 1',
      clientSecret: 'p:w%',
      via: 'basic',
      scopes: undefined,
    });
  });

  it('refuses a missing or unknown grant type with the codes of §5.2', () => {
    expect(refusal({ client_id: 'c', client_secret: 's' })).toMatchObject({
      code: 'invalid_request',
      status: 400,
      description: expect.stringContaining('grant_type'),
    });
    expect(refusal({ grant_type: 'password' })).toMatchObject({
      code: 'unsupported_grant_type',
      status: 400,
    });
    expect(refusal([grant])).toMatchObject({ code: 'invalid_request' });
  });

  it('refuses a repeated parameter and two authentication methods', () => {
    expect(refusal({ ...grant, scope: ['a:read', 'b:read'] })).toMatchObject({
      code: 'invalid_request',
      description: 'scope: must be sent once',
    });
    expect(refusal({ ...grant, client_secret: 's' }, basic('c', 's'))).toMatchObject({
      code: 'invalid_request',
    });
    expect(refusal({ ...grant, client_id: 'other' }, basic('c', 's'))).toMatchObject({
      code: 'invalid_request',
    });
  });

  it('answers a missing or unreadable client authentication with 401 invalid_client', () => {
    expect(refusal(grant)).toMatchObject({ code: 'invalid_client', status: 401 });
    expect(refusal(grant, 'Basic !!!')).toMatchObject({ code: 'invalid_client', status: 401 });
    expect(refusal(grant, basic('c', ''))).toMatchObject({ code: 'invalid_client', status: 401 });
  });
});
