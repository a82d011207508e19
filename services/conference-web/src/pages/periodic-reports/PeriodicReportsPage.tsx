import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useListParams } from '../../app/list-params';
import type {
  Page,
  PeriodicReportListItem,
  PeriodicReportView,
  ReportCalendarView,
  ReportFormView,
} from '@kc/contracts';
import { api, query } from '../../api/http';
import { useApi, useLiveVersions, useReference, useResource } from '../../api/resource';
import { LiveStatus } from '../../app/LiveStatus';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import { isAgency, useSession } from '../../session/session';
import { vietnamDay } from '../clusters/figures';
import { ErrorNotice, Loading, Notice, Pager, provinceName, useProvinceIndex } from '../projects/common';
import { ReportStatusBadge, TimelinessBadge } from './common';
import { calendarItemKey, calendarWindows, mergeCalendars, type CalendarItem } from './calendar';
import { isPeriodId, periodText, reportStatusText, type ReportStatus } from './figures';
import { facilityOf, filesReport, readsReports } from './report-access';

const PAGE_SIZE = 50;
const STATUSES: ReportStatus[] = ['draft', 'submitted', 'returned', 'approved'];

/**
 * What is due: the reports whose last on-time day falls in a window around today — the department's own, its
 * implementing units' (one per project in execution) and its certificate holders' — with the days left, the
 * report's status and its timeliness. A province officer opens from here what it files (the department's and the
 * implementing units'); a holder's report is opened by the holder itself, whose calendar lists only its own.
 */
function Calendar({
  version,
  mayOpen,
  facility,
}: {
  version: number;
  mayOpen: (item: CalendarItem) => boolean;
  /** The reader is a facility: its annual reports, a year back (calendarWindows). */
  facility: boolean;
}) {
  const { t, lang } = useLang();
  const navigate = useNavigate();
  const { provinceOf } = useProvinceIndex();
  const today = vietnamDay(new Date());
  const paths = calendarWindows(today, facility).map(
    (w) => `/api/v1/periodic-reports/calendar${query({ from: w.from, to: w.to })}`,
  );
  const calendar = useResource<{ items: CalendarItem[] }>(
    paths.join(' '),
    async () => ({
      items: mergeCalendars(await Promise.all(paths.map((path) => api<ReportCalendarView>(path)))),
    }),
    version,
  );
  const [opening, setOpening] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const open = async (item: CalendarItem) => {
    setOpening(`${item.formId}|${item.period}|${item.reporterId}`);
    setFailure(null);
    try {
      const report = await api<PeriodicReportView>('/api/v1/periodic-reports', {
        method: 'POST',
        body: {
          formId: item.formId,
          period: item.period,
          provinceCode: item.provinceCode,
          ...(item.reporter === 'provincial-department' ? {} : { reporterId: item.reporterId }),
        },
      });
      navigate(`/periodic-reports/${report.id}`);
    } catch (error) {
      setFailure(error);
    } finally {
      setOpening(null);
    }
  };
  return (
    <section className="card" aria-labelledby="pr-calendar">
      <h2 id="pr-calendar">{t('Lịch báo cáo', 'Reporting calendar')}</h2>
      {failure ? (
        <ErrorNotice error={failure} what={t('Không lập được báo cáo', 'Could not open the report')} />
      ) : null}
      {calendar.error ? <ErrorNotice error={calendar.error} /> : null}
      {!calendar.data && !calendar.error ? <Loading /> : null}
      {calendar.data && calendar.data.items.length === 0 ? (
        <p>{t('Không có báo cáo nào đến hạn trong khoảng này.', 'No report falls due in this window.')}</p>
      ) : null}
      {calendar.data && calendar.data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="table dd-cards" data-testid="report-calendar">
            <thead>
              <tr>
                <th scope="col">{t('Báo cáo', 'Report')}</th>
                <th scope="col">{facility ? t('Cơ sở', 'Facility') : t('Đơn vị', 'Unit')}</th>
                <th scope="col">{t('Hạn cuối', 'Last on-time day')}</th>
                <th scope="col" className="num">
                  {t('Còn (ngày)', 'Days left')}
                </th>
                <th scope="col">{t('Trạng thái', 'Status')}</th>
                <th scope="col">{t('Thời hạn', 'Timeliness')}</th>
              </tr>
            </thead>
            <tbody>
              {calendar.data.items.map((item) => {
                const unit = provinceOf.get(item.provinceCode);
                const key = calendarItemKey(item);
                return (
                  <tr
                    key={key}
                    data-testid="calendar-row"
                    data-period={item.period}
                    data-status={item.status}
                  >
                    <td className="wrap">
                      {item.reportId ? (
                        <Link to={`/periodic-reports/${item.reportId}`}>{item.formTitle[lang]}</Link>
                      ) : (
                        item.formTitle[lang]
                      )}
                      <div className="muted">{periodText(item.period, lang)}</div>
                    </td>
                    <td data-label={facility ? t('Cơ sở', 'Facility') : t('Đơn vị', 'Unit')} className="wrap">
                      {item.reporter === 'provincial-department' ? (
                        unit ? (
                          provinceName(unit, lang)
                        ) : (
                          item.provinceCode
                        )
                      ) : (
                        <>
                          {item.reporterName}
                          <div className="muted">{unit ? provinceName(unit, lang) : item.provinceCode}</div>
                        </>
                      )}
                    </td>
                    <td data-label={t('Hạn', 'Due')}>{formatDate(item.lastOnTimeDay)}</td>
                    <td className="num" data-label={t('Còn', 'Left')}>
                      {item.daysLeft}
                    </td>
                    <td data-label={t('Trạng thái', 'Status')}>
                      {item.status === 'not-opened' && mayOpen(item) ? (
                        <button
                          type="button"
                          className="button secondary"
                          disabled={opening !== null}
                          onClick={() => void open(item)}
                        >
                          {t('Lập báo cáo', 'Open the report')}
                        </button>
                      ) : (
                        <ReportStatusBadge status={item.status} awaiting={null} />
                      )}
                    </td>
                    <td data-label={t('Thời hạn', 'Timeliness')}>
                      <TimelinessBadge timeliness={item.timeliness} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/**
 * "Báo cáo định kỳ": a province officer's reports (the calendar of what is due, then its reports), for the
 * agency every unit's reports with filters, for a business user its facility's annual reports as a certificate
 * holder (its calendar, then its reports). The viewer reads the completeness panel.
 */
export default function PeriodicReportsPage() {
  const { t, lang } = useLang();
  const { principal } = useSession();
  const { params, page, setFilters: set, pageHref } = useListParams();
  const reader = readsReports(principal);
  const agency = isAgency(principal);
  const facility = facilityOf(principal);
  const live = useLiveVersions(['reporting']);
  const { provinceOf, sortedProvinces } = useProvinceIndex();
  const forms = useReference<{ items: ReportFormView[] }>(reader ? '/api/v1/report-forms' : null);
  const formId = params.get('formId') ?? '';
  const periodParam = params.get('period') ?? '';
  const period = isPeriodId(periodParam) ? periodParam : '';
  const province = agency ? (params.get('province') ?? '') : '';
  const status = STATUSES.includes(params.get('status') as ReportStatus) ? params.get('status')! : '';
  const list = useApi<Page<PeriodicReportListItem>>(
    reader
      ? `/api/v1/periodic-reports${query({
          formId: formId || undefined,
          period: period || undefined,
          provinceCode: province || undefined,
          status: status || undefined,
          page,
          limit: PAGE_SIZE,
        })}`
      : null,
    live.version,
  );
  const [periodDraft, setPeriodDraft] = useState(periodParam);

  const formTitle = (id: string) => forms.data?.items.find((f) => f.id === id)?.title[lang] ?? id;
  const holderForm = (id: string) =>
    forms.data?.items.find((f) => f.id === id)?.reporter === 'certificate-holder';

  if (!reader) {
    return (
      <div className="page">
        <h1>{t('Báo cáo định kỳ', 'Periodic reports')}</h1>
        <Notice testId="periodic-reports-not-for-role">
          {t(
            'Báo cáo định kỳ dành cho cán bộ của Cục, các Sở Công Thương và cơ sở có sản phẩm được cấp giấy chứng nhận. Mức độ đầy đủ và đúng hạn xem tại ',
            'Periodic reports are for the agency’s and the departments’ staff and for holders of award certificates. Completeness and timeliness: ',
          )}
          <Link to="/periodic-reports/completeness">{t('trang tổng hợp', 'the panel')}</Link>.
        </Notice>
      </div>
    );
  }

  return (
    <div className="page pr-page">
      <header className="dd-page-head">
        <div>
          <h1>
            {facility
              ? t('Báo cáo định kỳ của cơ sở', 'The facility’s periodic reports')
              : t('Báo cáo định kỳ của các tỉnh', 'Provinces’ periodic reports')}
          </h1>
          <p className="dd-subtitle">
            {facility
              ? `${t('Mã số thuế', 'Tax code')} ${facility}`
              : agency
                ? t('Mọi đơn vị', 'Every unit')
                : (() => {
                    const unit = principal?.provinceCode ? provinceOf.get(principal.provinceCode) : undefined;
                    return unit ? provinceName(unit, lang) : (principal?.provinceCode ?? '');
                  })()}{' '}
            · <Link to="/periodic-reports/completeness">{t('Mức độ đầy đủ, đúng hạn', 'Completeness')}</Link>{' '}
            · <Link to="/notifications">{t('Thông báo', 'Notifications')}</Link>
          </p>
        </div>
        <LiveStatus connected={live.connected} fetchedAt={list.fetchedAt} />
      </header>

      {facility ? (
        <p className="muted" data-testid="holder-duty">
          {t(
            'Cơ sở có sản phẩm được cấp giấy chứng nhận sản phẩm công nghiệp nông thôn tiêu biểu còn hiệu lực trong năm gửi báo cáo năm cho Sở Công Thương. Hạn nộp và trạng thái từng báo cáo ở lịch dưới đây; báo cáo gửi sau hạn vẫn được nhận và ghi là nộp muộn.',
            'A facility holding an award certificate valid during a year sends that year’s report to its department. The calendar below gives each report’s deadline and status; a report sent after its deadline is still taken, marked late.',
          )}
        </p>
      ) : null}

      {!agency ? (
        <Calendar
          version={live.version}
          facility={facility !== null}
          mayOpen={(item) => filesReport(principal, item.reporter, item)}
        />
      ) : null}

      <form
        className="dd-filters card"
        onSubmit={(e) => e.preventDefault()}
        aria-label={t('Bộ lọc', 'Filters')}
      >
        {/* A facility files one form: its list is that form's already. */}
        {!facility ? (
          <label>
            {t('Biểu mẫu', 'Form')}
            <select
              value={formId}
              onChange={(e) => set({ formId: e.target.value })}
              data-testid="filter-form"
            >
              <option value="">{t('Tất cả', 'All')}</option>
              {(forms.data?.items ?? []).map((f) => (
                <option key={f.id} value={f.id}>
                  {f.title[lang]}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          {t('Kỳ (vd. 2026-Q3)', 'Period (e.g. 2026-Q3)')}
          <input
            value={periodDraft}
            placeholder="2026-Q3"
            data-testid="filter-period"
            onChange={(e) => {
              const value = e.target.value.trim().toUpperCase();
              setPeriodDraft(value);
              if (value === '' || isPeriodId(value)) set({ period: value });
            }}
          />
        </label>
        {agency ? (
          <label>
            {t('Đơn vị', 'Unit')}
            <select
              value={province}
              onChange={(e) => set({ province: e.target.value })}
              data-testid="filter-province"
            >
              <option value="">{t('Tất cả', 'All')}</option>
              {sortedProvinces.map((p) => (
                <option key={p.code} value={p.code}>
                  {provinceName(p, lang)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          {t('Trạng thái', 'Status')}
          <select
            value={status}
            onChange={(e) => set({ status: e.target.value })}
            data-testid="filter-status"
          >
            <option value="">{t('Tất cả', 'All')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {reportStatusText(s, null, lang)}
              </option>
            ))}
          </select>
        </label>
      </form>

      <section className="card" aria-labelledby="pr-list">
        <h2 id="pr-list">{t('Các báo cáo', 'Reports')}</h2>
        {list.error ? <ErrorNotice error={list.error} /> : null}
        {!list.data && !list.error ? <Loading /> : null}
        {list.data && list.data.items.length === 0 ? (
          <p data-testid="periodic-reports-empty">{t('Không có báo cáo nào.', 'No reports.')}</p>
        ) : null}
        {list.data && list.data.items.length > 0 ? (
          <>
            <div className="table-wrap">
              <table className="table dd-cards" data-testid="periodic-report-table">
                <thead>
                  <tr>
                    <th scope="col">{t('Báo cáo', 'Report')}</th>
                    <th scope="col">{t('Đơn vị', 'Unit')}</th>
                    <th scope="col">{t('Trạng thái', 'Status')}</th>
                    <th scope="col">{t('Hạn cuối', 'Last on-time day')}</th>
                    <th scope="col">{t('Nộp lúc', 'Submitted at')}</th>
                    <th scope="col">{t('Thời hạn', 'Timeliness')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((item) => {
                    const unit = provinceOf.get(item.provinceCode);
                    return (
                      <tr
                        key={item.id}
                        data-testid="periodic-report-row"
                        data-province={item.provinceCode}
                        data-status={item.status}
                      >
                        <td className="wrap">
                          <Link to={`/periodic-reports/${item.id}`}>{formTitle(item.formId)}</Link>
                          <div className="muted">{periodText(item.period, lang)}</div>
                        </td>
                        <td data-label={t('Đơn vị', 'Unit')}>
                          {unit ? provinceName(unit, lang) : item.provinceCode}
                          {holderForm(item.formId) ? (
                            <div className="muted">
                              {t('MST', 'Tax code')} {item.reporterId}
                            </div>
                          ) : null}
                        </td>
                        <td data-label={t('Trạng thái', 'Status')}>
                          <ReportStatusBadge status={item.status} awaiting={item.awaiting} />
                        </td>
                        <td data-label={t('Hạn', 'Due')}>{formatDate(item.lastOnTimeDay)}</td>
                        <td data-label={t('Nộp', 'Submitted')}>
                          {item.submittedAt ? formatDateTime(item.submittedAt) : '—'}
                        </td>
                        <td data-label={t('Thời hạn', 'Timeliness')}>
                          {item.onTime === null ? (
                            '—'
                          ) : (
                            <TimelinessBadge
                              timeliness={item.onTime ? 'on-time' : 'late'}
                              daysLate={item.daysLate}
                            />
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <Pager
              page={list.data.page}
              limit={list.data.limit}
              total={list.data.total}
              hrefFor={pageHref}
              noun={t('báo cáo', 'reports')}
            />
          </>
        ) : null}
      </section>
    </div>
  );
}
