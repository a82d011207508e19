import { useEffect, useState, type ReactNode } from 'react';
import { Link, NavLink, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import type { NotificationView, Page, Role } from '@kc/contracts';
import { useApi } from '../api/resource';
import { useLang, type Lang } from '../i18n/lang';
import { badgeText, NOTIFICATIONS_READ_EVENT } from '../pages/periodic-reports/figures';
import { readsReports } from '../pages/periodic-reports/report-access';
import { isStaff, useSession } from '../session/session';
import { selectableYears, thisYear } from './years';

/** The roles as the header names the signed-in reader (ROLE_LABELS of the contracts is a value: not imported). */
const ROLE_NAMES: Record<Role, [string, string]> = {
  'central-admin': ['Quản trị hệ thống (Cục)', 'Administrator (agency)'],
  'central-officer': ['Cán bộ Cục', 'Agency officer'],
  'province-officer': ['Cán bộ Sở Công Thương', 'Provincial officer'],
  'fair-organizer': ['Ban tổ chức hội chợ', 'Fair organiser'],
  business: ['Cơ sở công nghiệp nông thôn', 'Rural business'],
  juror: ['Thành viên hội đồng giám khảo', 'Juror'],
  viewer: ['Người xem', 'Viewer'],
};

/** The year the page shows: the `:year` of a conference page, `?year=` elsewhere, else this year. */
function useShownYear(): number {
  const params = useParams();
  const [search] = useSearchParams();
  const year = Number(params.year ?? search.get('year'));
  return Number.isInteger(year) && year > 0 ? year : thisYear();
}

function YearSelect({ year }: { year: number }) {
  const { t } = useLang();
  const params = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const years = selectableYears();
  const choose = (next: string) => {
    if (params.year) {
      // A conference page: the year is the path's last segment, the query (grouping, figure) stays.
      const path = location.pathname.replace(/\/\d{4}$/, `/${next}`);
      navigate(path + location.search);
    } else {
      const query = new URLSearchParams(search);
      query.set('year', next);
      navigate(`${location.pathname}?${query.toString()}`);
    }
  };
  return (
    <label className="shell-year">
      <span>{t('Năm', 'Year')}</span>
      <select value={year} onChange={(event) => choose(event.target.value)}>
        {!years.includes(year) && <option value={year}>{year}</option>}
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The reader's unread notifications, counted again on each navigation and after a notice is marked read (the
 * page's live subscription is the page's own: the shell does not open a second one).
 */
function useUnreadCount(enabled: boolean): number {
  const location = useLocation();
  const [reads, setReads] = useState(0);
  useEffect(() => {
    const onRead = () => setReads((n) => n + 1);
    window.addEventListener(NOTIFICATIONS_READ_EVENT, onRead);
    return () => window.removeEventListener(NOTIFICATIONS_READ_EVENT, onRead);
  }, []);
  // Counted again when the location moves (state adjusted while rendering: no second fetch on the first load).
  const [seenKey, setSeenKey] = useState(location.key);
  const [moves, setMoves] = useState(0);
  if (seenKey !== location.key) {
    setSeenKey(location.key);
    setMoves((n) => n + 1);
  }
  // Refetched by version (the query stays the route's own: the gateway refuses unknown parameters).
  const unread = useApi<Page<NotificationView>>(
    enabled ? '/api/v1/notifications?unread=true&limit=1' : null,
    moves + reads,
  );
  return unread.data?.total ?? 0;
}

/** VI / EN, as two pressed-or-not buttons: the state is visible and announced. */
export function LangSwitch() {
  const { lang, setLang, t } = useLang();
  const option = (value: Lang, label: string, name: string) => (
    <button
      type="button"
      aria-pressed={lang === value}
      lang={value}
      title={name}
      onClick={() => setLang(value)}
    >
      {label}
    </button>
  );
  return (
    <div className="lang-switch" role="group" aria-label={t('Ngôn ngữ', 'Language')}>
      {option('vi', 'VI', 'Tiếng Việt')}
      {option('en', 'EN', 'English')}
    </div>
  );
}

/** The shell around signed-in pages: header, navigation, year, language switch, the reader and sign-out. */
export function Layout({ children }: { children: ReactNode }) {
  const { t, lang } = useLang();
  const { principal, signOut } = useSession();
  const navigate = useNavigate();
  const year = useShownYear();
  const links: [string, string, string][] = [
    [`/conferences/national/${year}`, 'Toàn quốc', 'National'],
    [`/conferences/regional/north/${year}`, 'Miền Bắc', 'North'],
    [`/conferences/regional/central/${year}`, 'Miền Trung', 'Central'],
    [`/conferences/regional/south/${year}`, 'Miền Nam', 'South'],
  ];
  if (isStaff(principal)) links.push([`/watchlist?year=${year}`, 'Cảnh báo', 'Watchlist']);
  // Rounds run across years (a juror's may be last year's): the list opens on every year.
  if (isStaff(principal) || principal?.role === 'juror')
    links.push(['/awards', 'Bình chọn sản phẩm', 'Product awards']);
  // The cluster registry and its reports are the staff's (clusters:read): the agency and the departments.
  if (isStaff(principal)) {
    links.push(['/clusters', 'Cụm công nghiệp', 'Industrial clusters']);
    links.push(['/cluster-reports', 'Báo cáo CCN', 'Cluster reports']);
  }
  // Periodic reports: the completeness panel is everyone's (the route is open to every role, the viewer
  // included); the reports and the notifications are the staff's and a business user's bound to its facility
  // (its certificate-holder reports: the routes admit `business`, the service narrows it to its own).
  links.push(['/periodic-reports/completeness', 'Đầy đủ báo cáo', 'Report completeness']);
  const reportReader = readsReports(principal);
  if (reportReader) {
    links.push(['/periodic-reports', 'Báo cáo định kỳ', 'Periodic reports']);
    links.push(['/notifications', 'Thông báo', 'Notifications']);
  }
  const unread = badgeText(useUnreadCount(reportReader));
  const role = principal ? ROLE_NAMES[principal.role] : null;

  const end = async () => {
    await signOut();
    navigate('/sign-in', { replace: true });
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('Bỏ qua, đến nội dung chính', 'Skip to main content')}
      </a>
      <header className="shell-header">
        <div className="shell-bar">
          <Link to={`/conferences/national/${year}`} className="brand">
            <span className="brand-mark" aria-hidden="true">
              KC
            </span>
            <span className="brand-text">
              <strong>Hội nghị khuyến công</strong>
              <small>{t('Nền tảng số liệu khuyến công', 'Industrial extension platform')}</small>
            </span>
          </Link>
          <div className="shell-tools">
            <YearSelect year={year} />
            <LangSwitch />
            {principal && (
              <span className="shell-user">
                <span className="visually-hidden">{t('Người đăng nhập:', 'Signed in as:')} </span>
                <strong>{principal.name}</strong>
                {role && <small>{lang === 'vi' ? role[0] : role[1]}</small>}
              </span>
            )}
            <button type="button" className="button secondary on-dark" onClick={() => void end()}>
              {t('Đăng xuất', 'Sign out')}
            </button>
          </div>
        </div>
        <nav className="shell-nav" aria-label={t('Các hội nghị', 'Conferences')}>
          <ul>
            {links.map(([to, vi, en]) => (
              <li key={to}>
                {/* The report list's link stays unlit on the completeness panel below it. */}
                <NavLink to={to} end={to === '/periodic-reports'}>
                  {t(vi, en)}
                  {to === '/notifications' && unread ? (
                    <span className="nav-badge" data-testid="unread-badge">
                      {unread}
                      <span className="visually-hidden"> {t('chưa đọc', 'unread')}</span>
                    </span>
                  ) : null}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="shell-footer">
        <p>
          {t(
            'Số liệu khuyến công quốc gia và địa phương, cập nhật trực tiếp từ các đơn vị.',
            'National and provincial industrial extension figures, updated live from the units.',
          )}
        </p>
      </footer>
    </div>
  );
}
