import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import type { SignInOptionsView } from '@kc/contracts';
import { ApiError } from '../../api/http';
import { useApi } from '../../api/resource';
import { LangSwitch } from '../../app/Layout';
import { formatDateTime } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import { useSession } from '../../session/session';
import { oidcFailure } from './oidc-failures';
import './sign-in.css';

/** Where the reader was going before the sign-in page: only a path of this app, never another origin. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

function minutesText(seconds: number, t: (vi: string, en: string) => string): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return t(`${minutes} phút`, minutes === 1 ? '1 minute' : `${minutes} minutes`);
}

export default function SignInPage() {
  const { t, lang } = useLang();
  const { status, signIn } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const target = returnPath(location.state);
  // Coming back from the identity issuer without a session: the gateway says why.
  const [error, setError] = useState<string | null>(() =>
    oidcFailure(new URLSearchParams(location.search).get('error'), t),
  );
  const options = useApi<SignInOptionsView>('/api/v1/auth/sign-in-options').data;
  // Only a deployment with demo accounts names them (never production).
  const demo = options?.demo ?? null;
  const issuer = options?.oidc ?? null;

  if (status === 'signed-in') return <Navigate to={target} replace />;

  const describe = (failure: unknown): string => {
    if (!(failure instanceof ApiError)) {
      return t(
        'Không kết nối được với máy chủ. Hãy kiểm tra mạng và thử lại.',
        'Could not reach the server. Check the network and try again.',
      );
    }
    if (failure.status === 401 || failure.status === 400) {
      return t('Tên đăng nhập hoặc mật khẩu không đúng.', 'Wrong username or password.');
    }
    if (failure.status === 429) {
      const said =
        failure.problem.messages?.[lang] ?? t('Đăng nhập sai quá nhiều lần.', 'Too many failed sign-ins.');
      if (!failure.retryAfterSeconds) return said;
      const at = formatDateTime(new Date(Date.now() + failure.retryAfterSeconds * 1000).toISOString());
      return `${said} ${t(
        `Tạm khoá: thử lại sau ${minutesText(failure.retryAfterSeconds, t)} (lúc ${at}).`,
        `Locked: try again in ${minutesText(failure.retryAfterSeconds, t)} (at ${at}).`,
      )}`;
    }
    return failure.problem.messages?.[lang] ?? failure.message;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError(t('Hãy nhập tên đăng nhập và mật khẩu.', 'Enter your username and password.'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
      navigate(target, { replace: true });
    } catch (failure) {
      setError(describe(failure));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sign-in">
      <main className="sign-in-main">
        <div className="sign-in-top">
          <LangSwitch />
        </div>
        <div className="sign-in-card">
          <p className="sign-in-brand">
            <span className="brand-mark" aria-hidden="true">
              KC
            </span>
            Hội nghị khuyến công
          </p>
          <h1>{t('Đăng nhập', 'Sign in')}</h1>
          <p className="sign-in-lead">
            {t(
              'Số liệu hội nghị khuyến công toàn quốc và các khu vực, cập nhật trực tiếp.',
              'National and regional industrial extension conference figures, live.',
            )}
          </p>
          <form onSubmit={(event) => void submit(event)} noValidate>
            <label htmlFor="username">{t('Tên đăng nhập', 'Username')}</label>
            <input
              id="username"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={username}
              onChange={(event) => setUsername(event.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'sign-in-error' : undefined}
            />
            <label htmlFor="password">{t('Mật khẩu', 'Password')}</label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'sign-in-error' : undefined}
            />
            <div id="sign-in-error" className="sign-in-error" role="alert">
              {error}
            </div>
            <button type="submit" className="button" disabled={busy}>
              {busy ? t('Đang đăng nhập…', 'Signing in…') : t('Đăng nhập', 'Sign in')}
            </button>
          </form>
          {issuer ? (
            <>
              <p className="sign-in-or">{t('hoặc', 'or')}</p>
              {/* A navigation, not a fetch: the issuer's page takes over the tab and sends it back. */}
              <a
                className="button secondary sign-in-oidc"
                href={`/api/v1/auth/oidc/start?${new URLSearchParams({ returnTo: target }).toString()}`}
              >
                {t(`Đăng nhập bằng ${issuer.name}`, `Sign in with ${issuer.name}`)}
              </a>
            </>
          ) : null}
          {demo ? (
            <p className="sign-in-demo">
              {t('Tài khoản trình diễn', 'Demo accounts')}:{' '}
              {demo.usernames.map((name, i) => (
                <span key={name}>
                  {i > 0 ? ', ' : ''}
                  <code>{name}</code>
                </span>
              ))}
              {demo.password ? (
                <>
                  {' '}
                  — {t('mật khẩu', 'password')} <code>{demo.password}</code>
                </>
              ) : null}
              .
            </p>
          ) : null}
        </div>
      </main>
    </div>
  );
}
