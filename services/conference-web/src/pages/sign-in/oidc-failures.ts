/**
 * Why a sign-in at the identity issuer did not complete, by the code the gateway sends the browser back with
 * (`/sign-in?error=<code>`). An unknown code gets the general sentence.
 */
const FAILURES: Record<string, [vi: string, en: string]> = {
  'auth.oidc-denied': [
    'Bên cấp định danh không cho phép đăng nhập (hoặc bạn đã huỷ).',
    'The identity issuer did not allow the sign-in (or you cancelled it).',
  ],
  'auth.oidc-expired': [
    'Lượt đăng nhập đã hết hạn hoặc đã được dùng. Hãy bắt đầu lại.',
    'The sign-in expired or was already used. Start again.',
  ],
  'auth.oidc-other-browser': [
    'Lượt đăng nhập này được bắt đầu ở trình duyệt khác. Hãy bắt đầu lại tại đây.',
    'This sign-in was started in another browser. Start again here.',
  ],
  'auth.unknown-role': [
    'Tài khoản định danh của bạn chưa được gán vai trò trên nền tảng. Hãy liên hệ quản trị viên.',
    'Your identity account has no role on this platform yet. Contact the administrator.',
  ],
  'auth.no-province': [
    'Tài khoản cán bộ tỉnh chưa được gán đơn vị cấp tỉnh. Hãy liên hệ quản trị viên.',
    'Your province officer account names no provincial unit. Contact the administrator.',
  ],
};

const GENERAL: [string, string] = [
  'Không đăng nhập được qua bên cấp định danh. Hãy thử lại sau.',
  'Could not sign in through the identity issuer. Try again later.',
];

export function oidcFailure(code: string | null, t: (vi: string, en: string) => string): string | null {
  if (!code) return null;
  const [vi, en] = FAILURES[code] ?? GENERAL;
  return t(vi, en);
}
