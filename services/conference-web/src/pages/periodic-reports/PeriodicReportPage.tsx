import { useState } from 'react';
import { useParams } from 'react-router';
import type { PeriodicReportView, ReportFormVersionView } from '@kc/contracts';
import { apiResponse } from '../../api/http';
import { useApi, useLiveVersions } from '../../api/resource';
import { LiveStatus } from '../../app/LiveStatus';
import { formatDate, formatDateTime, formatVnd, formatCount } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import { useSession } from '../../session/session';
import { vietnamDay } from '../clusters/figures';
import {
  Breadcrumbs,
  ErrorNotice,
  Loading,
  Notice,
  provinceName,
  useProvinceIndex,
} from '../projects/common';
import { AttachmentsSection } from './AttachmentsSection';
import { ReportStatusBadge, TimelinessBadge } from './common';
import { periodText, sectionRows, shownContent, type CellRow, type ReporterKind } from './figures';
import { ReportEditor } from './ReportEditor';
import { latestReturn } from './report-editor';
import {
  facilityOf,
  filesReport,
  mayWithdraw,
  readsReports,
  reviewsReport,
  usesExcel,
} from './report-access';
// The facts grid and the history timeline look as on the cluster pages.
import '../clusters/clusters.css';

type Report = PeriodicReportView;

const EVENT_TEXT: Record<Report['events'][number]['kind'], [string, string]> = {
  opened: ['Lập báo cáo', 'Opened'],
  submitted: ['Gửi báo cáo', 'Submitted'],
  withdrawn: ['Rút lại', 'Withdrawn'],
  approved: ['Duyệt', 'Approved'],
  returned: ['Trả lại', 'Returned'],
  reopened: ['Mở lại', 'Reopened'],
};

function figureText(value: number | null, measure: CellRow['measure']): string {
  if (value === null) return '—';
  return measure === 'vnd' ? formatVnd(value) : formatCount(value);
}

/** The cells of one section: the platform's figure beside the entered one, differences marked and explained. */
function SectionTable({ title, rows, id }: { title: string; rows: CellRow[]; id: string }) {
  const { t } = useLang();
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <div className="table-wrap">
        <table className="table pr-cells" data-testid="report-cells">
          <thead>
            <tr>
              <th scope="col">{t('Chỉ tiêu', 'Indicator')}</th>
              <th scope="col" className="num">
                {t('Số liệu nền tảng', 'Platform’s figure')}
              </th>
              <th scope="col" className="num">
                {t('Số liệu báo cáo', 'Reported figure')}
              </th>
              <th scope="col">{t('Giải trình chênh lệch', 'Explanation of the difference')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.key}
                className={row.differs ? 'pr-differs' : undefined}
                data-cell={row.key}
                data-differs={row.differs}
              >
                <th scope="row">
                  {row.label}
                  {row.required ? <span className="muted"> *</span> : null}
                </th>
                <td className="num">{figureText(row.platform, row.measure)}</td>
                <td className="num">{figureText(row.entered, row.measure)}</td>
                <td className="wrap">
                  {row.differs ? (
                    row.explanation ? (
                      <span className="pr-explanation">
                        <strong>{t('Chênh lệch: ', 'Differs: ')}</strong>
                        {row.explanation}
                      </span>
                    ) : (
                      <span className="badge danger">{t('Chưa giải trình', 'Not explained')}</span>
                    )
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * The workflow's buttons for who may press them; the API decides and its refusal is shown as it says it. A
 * reporter who enters its figures on the page (`editor`) submits from the form, so only the withdrawal is here.
 */
function Actions({
  report,
  reporterKind,
  editor,
  onDone,
}: {
  report: Report;
  reporterKind: ReporterKind;
  editor: boolean;
  onDone: () => void;
}) {
  const { t } = useLang();
  const { principal } = useSession();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [reason, setReason] = useState('');
  const reporter = filesReport(principal, reporterKind, report);
  const reviewer = reviewsReport(principal, report);
  const mayEditStatus = report.status === 'draft' || report.status === 'returned';
  const withdrawable = mayWithdraw(report, vietnamDay(new Date()));

  const act = async (path: string, body?: unknown, headers: Record<string, string> = {}) => {
    setBusy(true);
    setFailure(null);
    try {
      await apiResponse(`/api/v1/periodic-reports/${report.id}/${path}`, {
        method: 'POST',
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      setReason('');
      onDone();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  if (!(reporter && ((mayEditStatus && !editor) || report.status === 'submitted')) && !reviewer) return null;
  return (
    <section className="card" aria-labelledby="pr-actions">
      <h2 id="pr-actions">{t('Xử lý báo cáo', 'Act on the report')}</h2>
      {failure ? <ErrorNotice error={failure} what={t('Không thực hiện được', 'Refused')} /> : null}
      <div className="pr-actions">
        {reporter && mayEditStatus && !editor ? (
          <button
            type="button"
            className="button"
            disabled={busy}
            data-testid="report-submit"
            // One key per press: a retried request answers the same submission with its first receipt time.
            onClick={() => void act('submit', undefined, { 'idempotency-key': crypto.randomUUID() })}
          >
            {t('Gửi báo cáo', 'Submit')}
          </button>
        ) : null}
        {reporter && withdrawable ? (
          <button
            type="button"
            className="button secondary"
            disabled={busy}
            data-testid="report-withdraw"
            onClick={() => void act('withdraw')}
          >
            {t('Rút lại (trước hạn, khi chưa duyệt)', 'Withdraw (before the deadline, before any review)')}
          </button>
        ) : null}
        {reporter && report.status === 'submitted' && !withdrawable ? (
          <p className="muted" data-testid="report-locked">
            {t(
              'Báo cáo đã gửi không rút lại được nữa (đã quá hạn hoặc đã được xem xét); chỉ khi cấp xem xét trả lại mới sửa được.',
              'The submission can no longer be withdrawn (the deadline passed or a reviewer acted); only a return reopens it.',
            )}
          </p>
        ) : null}
        {reviewer ? (
          <>
            <button
              type="button"
              className="button"
              disabled={busy}
              data-testid="report-approve"
              onClick={() => void act('approve')}
            >
              {t('Duyệt', 'Approve')}
            </button>
            <label>
              {t('Lý do trả lại', 'Reason for the return')}
              <textarea value={reason} rows={2} onChange={(e) => setReason(e.target.value)} />
            </label>
            <button
              type="button"
              className="button secondary"
              disabled={busy}
              data-testid="report-return"
              onClick={() => void act('return', { reason })}
            >
              {t('Trả lại', 'Return')}
            </button>
          </>
        ) : null}
      </div>
      {reporter && mayEditStatus && !editor ? (
        <p className="muted">
          {t(
            'Nhập số liệu bằng mẫu Excel hoặc hệ thống của tỉnh; mỗi chênh lệch so với số liệu nền tảng cần giải trình trước khi gửi.',
            'Enter the figures through the Excel template or the province’s system; every difference from the platform’s figures needs an explanation before submission.',
          )}
        </p>
      ) : null}
    </section>
  );
}

/**
 * One periodic report: its cells by section with the platform's figure beside the entered one, differences and
 * their explanations, narratives, attachments, every version and the history; the template download (staff); the
 * workflow's buttons for the roles allowed. A facility (a business user) files its certificate-holder report here:
 * the form for its figures and narratives replaces the read-only tables while the report is a draft or returned,
 * and the latest return's reason is shown above it.
 */
export default function PeriodicReportPage() {
  const { t, lang } = useLang();
  const { id } = useParams();
  const { principal } = useSession();
  const reader = readsReports(principal);
  const live = useLiveVersions(['reporting']);
  const [acted, setActed] = useState(0);
  const report = useApi<Report>(reader && id ? `/api/v1/periodic-reports/${id}` : null, live.version + acted);
  const r = report.data;
  const form = useApi<ReportFormVersionView>(
    r ? `/api/v1/report-forms/${r.formId}/versions/${r.formVersion}` : null,
  );
  const { provinceOf } = useProvinceIndex();

  if (!reader) {
    return (
      <div className="page">
        <h1>{t('Báo cáo định kỳ', 'Periodic report')}</h1>
        <Notice testId="periodic-reports-not-for-role">
          {t(
            'Báo cáo định kỳ dành cho cán bộ của Cục, các Sở Công Thương và cơ sở có sản phẩm được cấp giấy chứng nhận.',
            'Periodic reports are for the agency’s and the departments’ staff and for holders of award certificates.',
          )}
        </Notice>
      </div>
    );
  }
  if (report.error)
    return (
      <div className="page">
        <ErrorNotice error={report.error} />
      </div>
    );
  if (!r) return <Loading />;

  const unit = provinceOf.get(r.provinceCode);
  const unitName = unit ? provinceName(unit, lang) : r.provinceCode;
  const shown = shownContent(r);
  const sections = form.data ? sectionRows(form.data, shown.content, shown.platform, lang) : [];
  const counted = r.versions.find((v) => v.number === 1) ?? null;
  const reporterKind = form.data?.reporter ?? null;
  const isReporter = reporterKind !== null && filesReport(principal, reporterKind, r);
  const editable = r.status === 'draft' || r.status === 'returned';
  // A facility enters its figures here (the Excel template and import are the staff's routes).
  const editor = isReporter && editable && facilityOf(principal) !== null && !!form.data;
  const returned = latestReturn(r);
  const templateHref = `/api/v1/report-forms/${r.formId}/versions/${r.formVersion}/template.xlsx?reportId=${r.id}`;

  return (
    <div className="page pr-page">
      <Breadcrumbs
        items={[
          { label: t('Báo cáo định kỳ', 'Periodic reports'), to: '/periodic-reports' },
          { label: `${unitName} · ${periodText(r.period, lang)}` },
        ]}
      />
      <header className="dd-page-head">
        <div>
          <h1 data-testid="report-title">
            {form.data ? form.data.title[lang] : r.formId} · {periodText(r.period, lang)}
          </h1>
          <p className="dd-subtitle">
            {unitName}
            {reporterKind === 'certificate-holder' ? (
              <>
                {' '}
                · {t('Cơ sở, mã số thuế', 'Facility, tax code')} {r.reporterId}
              </>
            ) : null}{' '}
            · {t('Phiên bản biểu mẫu', 'Form version')} {r.formVersion} ·{' '}
            <ReportStatusBadge status={r.status} awaiting={r.awaiting} />
          </p>
        </div>
        <LiveStatus connected={live.connected} fetchedAt={report.fetchedAt} />
      </header>

      <section className="card" aria-labelledby="pr-facts">
        <h2 id="pr-facts">{t('Thời hạn', 'Deadline')}</h2>
        <dl className="cl-facts">
          <div>
            <dt>{t('Hạn cuối (đúng hạn)', 'Last on-time day')}</dt>
            <dd data-testid="report-deadline">
              {formatDate(r.deadline.lastOnTimeDay)}
              {r.deadline.moved
                ? ` (${t('lùi từ', 'moved from')} ${formatDate(r.deadline.namedDay)} ${t('do ngày nghỉ', 'past days off')})`
                : ''}
            </dd>
          </div>
          <div>
            <dt>{t('Lần nộp đầu', 'First submission')}</dt>
            <dd>
              {counted ? (
                <>
                  {formatDateTime(counted.submittedAt)}{' '}
                  <TimelinessBadge
                    timeliness={counted.onTime ? 'on-time' : 'late'}
                    daysLate={counted.daysLate}
                  />
                </>
              ) : (
                t('Chưa nộp', 'Not yet submitted')
              )}
            </dd>
          </div>
          <div>
            <dt>{t('Phiên bản được tính', 'Version that counts')}</dt>
            <dd>{r.approvedVersion ?? '—'}</dd>
          </div>
          {usesExcel(principal) ? (
            <div>
              <dt>{t('Mẫu Excel', 'Excel template')}</dt>
              <dd>
                <a href={templateHref} download data-testid="report-template">
                  {t('Tải mẫu (kèm số liệu báo cáo)', 'Download (with the report’s figures)')}
                </a>
              </dd>
            </div>
          ) : null}
        </dl>
        {r.deadline.assumption ? (
          <p className="muted">
            {t(
              'Hạn nộp là giả định, chờ Cục xác nhận.',
              'The deadline rule is an assumption until the agency confirms it.',
            )}
          </p>
        ) : null}
        {r.recordedFromHistory ? (
          <p className="muted">
            {t('Ghi nhận từ hồ sơ trước đây bởi', 'Recorded from past records by')}{' '}
            {r.recordedFromHistory.recordedBy}, {formatDateTime(r.recordedFromHistory.recordedAt)}
          </p>
        ) : null}
      </section>

      {returned ? (
        <section className="card pr-returned" aria-labelledby="pr-returned" data-testid="report-returned">
          <h2 id="pr-returned">{t('Báo cáo bị trả lại', 'The report was returned')}</h2>
          <p>
            {returned.level === 'agency' ? t('Cục', 'The agency') : t('Sở Công Thương', 'The department')} ·{' '}
            {returned.by} · {formatDateTime(returned.at)}
            {returned.version
              ? ` · ${t(`phiên bản ${returned.version}`, `version ${returned.version}`)}`
              : ''}
          </p>
          <p className="wrap">
            <strong>{t('Lý do', 'Reason')}:</strong> {returned.reason}
          </p>
          {isReporter ? (
            <p className="muted">
              {t('Sửa theo lý do trên rồi gửi lại.', 'Correct it as the reason says, then submit it again.')}
            </p>
          ) : null}
        </section>
      ) : null}

      {reporterKind !== null ? (
        <Actions
          report={r}
          reporterKind={reporterKind}
          editor={editor}
          onDone={() => setActed((n) => n + 1)}
        />
      ) : null}

      {editor && form.data ? (
        <ReportEditor report={r} form={form.data} onDone={() => setActed((n) => n + 1)} />
      ) : (
        <>
          <section className="card" aria-labelledby="pr-cells">
            <h2 id="pr-cells">
              {shown.version
                ? t(`Số liệu (phiên bản ${shown.version})`, `Figures (version ${shown.version})`)
                : t('Số liệu (bản đang soạn)', 'Figures (working copy)')}
            </h2>
            {form.error ? <ErrorNotice error={form.error} /> : null}
            {!form.data && !form.error ? <Loading /> : null}
            {sections.map((s) => (
              <SectionTable key={s.key} id={`pr-section-${s.key}`} title={s.title} rows={s.rows} />
            ))}
          </section>

          <section className="card" aria-labelledby="pr-narratives">
            <h2 id="pr-narratives">{t('Thuyết minh', 'Narratives')}</h2>
            {(form.data?.narratives ?? []).map((n) => (
              <div key={n.key} data-narrative={n.key}>
                <h3>{n.label[lang]}</h3>
                <p className="wrap">{shown.content?.narratives[n.key]?.trim() || '—'}</p>
              </div>
            ))}
          </section>
        </>
      )}

      <AttachmentsSection
        report={r}
        attachments={shown.content?.attachments ?? []}
        slots={form.data?.attachments ?? []}
        mayUpload={
          shown.version === null && editable && isReporter && (form.data?.attachments.length ?? 0) > 0
        }
        onDone={() => setActed((n) => n + 1)}
      />

      <section className="card" aria-labelledby="pr-versions">
        <h2 id="pr-versions">{t('Các phiên bản đã gửi', 'Submitted versions')}</h2>
        {r.versions.length === 0 ? (
          <p>{t('Chưa có phiên bản nào.', 'No version yet.')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="report-versions">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('Số', 'No.')}
                  </th>
                  <th scope="col">{t('Gửi lúc', 'Submitted at')}</th>
                  <th scope="col">{t('Người gửi', 'By')}</th>
                  <th scope="col">{t('Thời hạn', 'Timeliness')}</th>
                </tr>
              </thead>
              <tbody>
                {r.versions.map((v) => (
                  <tr key={v.number}>
                    <td className="num">{v.number}</td>
                    <td>{formatDateTime(v.submittedAt)}</td>
                    <td>{v.submittedBy}</td>
                    <td>
                      <TimelinessBadge timeliness={v.onTime ? 'on-time' : 'late'} daysLate={v.daysLate} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="pr-history">
        <h2 id="pr-history">{t('Lịch sử', 'History')}</h2>
        <ol className="cl-history" data-testid="report-history">
          {r.events.map((e, i) => (
            <li key={i} data-step={e.kind}>
              <div className="cl-history-head">
                <strong>{EVENT_TEXT[e.kind][lang === 'vi' ? 0 : 1]}</strong>
                {e.version ? <span>{t(`phiên bản ${e.version}`, `version ${e.version}`)}</span> : null}
                {e.level ? (
                  <span className="muted">
                    ({e.level === 'agency' ? t('Cục', 'agency') : t('Sở', 'province')})
                  </span>
                ) : null}
                <span className="muted">
                  {formatDateTime(e.at)} · {e.by}
                </span>
              </div>
              {e.reason ? (
                <p className="wrap">
                  {t('Lý do', 'Reason')}: {e.reason}
                </p>
              ) : null}
              {e.approvedBy ? (
                <p className="muted">
                  {t('Người phê duyệt mở lại', 'Reopening approved by')}: {e.approvedBy}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
        {r.reopenRequest ? (
          <p data-testid="reopen-request">
            {t('Đề nghị mở lại', 'Reopening requested')}: {r.reopenRequest.reason} (
            {r.reopenRequest.requestedBy}, {formatDateTime(r.reopenRequest.requestedAt)})
          </p>
        ) : null}
      </section>
    </div>
  );
}
