import { useMemo, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type {
  AssignmentDecisionView,
  DisbursementsView,
  PlanRegistrationView,
  ProgressReportView,
  ProjectDetailView,
  ProvinceDetailView,
  WatchlistItem,
  WatchlistPage,
} from '@kc/contracts';
import { allPages, useApi, useLiveVersions, useReference, useResource } from '../../api/resource';
import { LiveStatus } from '../../app/LiveStatus';
import { Chart, type ChartOption } from '../../charts/Chart';
import { formatDate, formatVnd, formatVndShort } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import { WATCHLIST_REASONS } from '../../i18n/watchlist';
import { isStaff, useSession } from '../../session/session';
import {
  Breadcrumbs,
  drillCrumbs,
  ErrorNotice,
  Loading,
  monthText,
  Notice,
  provinceName,
  StatusBadge,
  useActivityContents,
  useRegions,
} from './common';
import './ProjectPage.css';

type T = (vi: string, en: string) => string;

/** The bar of a report received after the 25th (the chart's note names it). */
const LATE_COLOR = '#c47f00';

/** The reference data's first day: the unit of an older project is looked up as it stood then. */
const COVERAGE_START = '2008-08-01';

const KIND: Record<ProjectDetailView['kind'], [string, string]> = {
  ordinary: ['Đề án thường', 'Ordinary project'],
  flagship: ['Đề án điểm', 'Flagship project'],
  group: ['Đề án nhóm', 'Group project'],
};

const ADJUSTMENT: Record<ProjectDetailView['adjustments'][number]['kind'], [string, string]> = {
  'support-increase': ['Tăng kinh phí hỗ trợ', 'Support increase'],
  'content-change': ['Thay đổi nội dung', 'Content change'],
  extension: ['Gia hạn thời gian thực hiện', 'Extension'],
  stop: ['Dừng thực hiện', 'Stop'],
  location: ['Thay đổi địa điểm', 'Location change'],
  beneficiary: ['Thay đổi cơ sở thụ hưởng', 'Beneficiary change'],
  partner: ['Thay đổi đơn vị phối hợp', 'Partner change'],
  timing: ['Thay đổi thời gian thực hiện', 'Timing change'],
  'group-detail': ['Chi tiết cơ sở thụ hưởng đề án nhóm', 'Group project beneficiaries'],
};

const DISBURSEMENT: Record<DisbursementsView['items'][number]['kind'], [string, string]> = {
  advance: ['Tạm ứng', 'Advance'],
  payment: ['Thanh toán', 'Payment'],
  refund: ['Hoàn trả', 'Refund'],
};

const say = (t: T, [vi, en]: [string, string]) => t(vi, en);

/** One step of the project's life, dated; `plan` steps are its schedule, not something that happened. */
interface Step {
  date: string;
  title: string;
  detail?: string;
  tone?: 'ok' | 'warn' | 'danger' | 'plan';
}

/** One document a step was decided or recorded by. */
interface DocumentRow {
  kind: string;
  number: string | null;
  date: string;
  about: string;
}

/** What other resources tell about the project's life. */
interface Related {
  decisions: AssignmentDecisionView[];
  registration: PlanRegistrationView | undefined;
  money: DisbursementsView | undefined;
}

function lifecycle(
  t: T,
  p: ProjectDetailView,
  { decisions, registration: reg, money }: Related,
): { steps: Step[]; documents: DocumentRow[] } {
  const steps: Step[] = [];
  const documents: DocumentRow[] = [];
  if (reg) {
    steps.push({
      date: reg.sentOn,
      title: t('Sở Công Thương gửi báo cáo đăng ký', 'Registration report sent by the department'),
      detail: `${reg.reportNumber}${reg.late ? t(' · gửi muộn', ' · late') : ''}`,
      tone: reg.late ? 'warn' : undefined,
    });
    documents.push({
      kind: t('Báo cáo đăng ký', 'Registration report'),
      number: reg.reportNumber,
      date: reg.reportDate,
      about: t(`Hạn ${formatDate(reg.deadline)}`, `Due ${formatDate(reg.deadline)}`),
    });
  }
  for (const a of p.appraisals) {
    const passed = a.result === 'passed';
    steps.push({
      date: a.appraisedOn,
      title:
        a.level === 'base'
          ? t('Thẩm định cấp cơ sở', 'Appraisal by the province')
          : t('Thẩm định cấp Bộ', 'Appraisal by the ministry'),
      detail: [
        passed ? t('Đạt', 'Passed') : t('Không đạt', 'Failed'),
        a.appraisedSupportVnd !== null ? formatVnd(a.appraisedSupportVnd) : null,
        a.reviewer,
      ]
        .filter(Boolean)
        .join(' · '),
      tone: passed ? 'ok' : 'danger',
    });
  }
  for (const d of decisions) {
    for (const line of d.allocations.filter((l) => l.projectId === p.id)) {
      const about = `${line.fundingSource === 'KCDP' ? 'KCĐP' : line.fundingSource}: ${formatVnd(line.amountVnd)}${
        line.previousVnd
          ? t(` (trước đó ${formatVnd(line.previousVnd)})`, ` (was ${formatVnd(line.previousVnd)})`)
          : ''
      }`;
      steps.push({
        date: d.signedOn,
        title:
          d.kind === 'initial'
            ? t('Quyết định giao kế hoạch', 'Plan assignment decision')
            : t('Quyết định điều chỉnh kế hoạch', 'Plan adjustment decision'),
        detail: `${d.number} · ${about}`,
        tone: 'ok',
      });
      documents.push({
        kind:
          d.kind === 'initial'
            ? t('Quyết định giao kế hoạch', 'Plan assignment decision')
            : t('Quyết định điều chỉnh kế hoạch', 'Plan adjustment decision'),
        number: d.number,
        date: d.signedOn,
        about,
      });
    }
  }
  steps.push({ date: p.startDate, title: t('Bắt đầu thực hiện (kế hoạch)', 'Planned start'), tone: 'plan' });
  if (p.contract) {
    const c = p.contract;
    const kind =
      c.mode === 'contract' ? t('Ký hợp đồng', 'Contract signed') : t('Giao nhiệm vụ', 'Task assigned');
    steps.push({
      date: c.signedOn,
      title: kind,
      detail: `${c.number} · ${formatVnd(c.valueVnd)}`,
      tone: 'ok',
    });
    documents.push({
      kind:
        c.mode === 'contract' ? t('Hợp đồng', 'Contract') : t('Quyết định giao nhiệm vụ', 'Task assignment'),
      number: c.number,
      date: c.signedOn,
      about: `${formatVnd(c.valueVnd)} · ${c.parties.join(', ')}`,
    });
  }
  for (const m of money?.items ?? []) {
    steps.push({
      date: m.on,
      title: say(t, DISBURSEMENT[m.kind]),
      detail: [formatVnd(m.amountVnd), m.reference].filter(Boolean).join(' · '),
    });
    if (m.reference) {
      documents.push({
        kind: t(`Chứng từ ${DISBURSEMENT[m.kind][0].toLowerCase()}`, `${DISBURSEMENT[m.kind][1]} order`),
        number: m.reference,
        date: m.on,
        about: formatVnd(m.amountVnd),
      });
    }
  }
  for (const a of p.adjustments) {
    const date = a.decidedOn ?? a.recordedAt.slice(0, 10);
    steps.push({
      date,
      title: `${t('Điều chỉnh', 'Adjustment')}: ${say(t, ADJUSTMENT[a.kind])}`,
      detail: [a.decisionNumber, a.reason].filter(Boolean).join(' · '),
      tone: a.kind === 'stop' ? 'danger' : 'warn',
    });
    documents.push({
      kind: `${t('Quyết định điều chỉnh', 'Adjustment decision')}: ${say(t, ADJUSTMENT[a.kind]).toLowerCase()}`,
      number: a.decisionNumber,
      date,
      about: a.reason,
    });
  }
  steps.push({ date: p.endDate, title: t('Hạn kết thúc (kế hoạch)', 'Planned end'), tone: 'plan' });
  if (p.acceptedOn) steps.push({ date: p.acceptedOn, title: t('Nghiệm thu', 'Accepted'), tone: 'ok' });
  if (p.liquidatedOn) {
    steps.push({
      date: p.liquidatedOn,
      title: t('Thanh lý hợp đồng', 'Contract liquidated'),
      detail: p.finalValueVnd !== null ? formatVnd(p.finalValueVnd) : undefined,
      tone: 'ok',
    });
  }
  if (p.settledOn) {
    steps.push({
      date: p.settledOn,
      title: t('Quyết toán', 'Settled'),
      detail: [
        p.settledVnd !== null ? formatVnd(p.settledVnd) : null,
        p.settlementLate ? t('quá hạn 22/01', 'after the 22 January deadline') : null,
      ]
        .filter(Boolean)
        .join(' · '),
      tone: p.settlementLate ? 'warn' : 'ok',
    });
  }
  if (p.stoppedOn) steps.push({ date: p.stoppedOn, title: t('Dừng thực hiện', 'Stopped'), tone: 'danger' });
  // Stable: steps of one day keep the order they happen in.
  steps.sort((a, b) => a.date.localeCompare(b.date));
  documents.sort((a, b) => a.date.localeCompare(b.date));
  return { steps, documents };
}

/** The share of the schedule elapsed at the end of `month` (what the watchlist compares progress with). */
function elapsedPercent(p: ProjectDetailView, month: string): number {
  const [y, m] = month.split('-').map(Number);
  const monthEnd = Date.UTC(y, m, 0);
  const start = Date.parse(p.startDate);
  const end = Date.parse(p.endDate);
  if (end <= start) return 100;
  return Math.round(Math.min(100, Math.max(0, ((monthEnd - start) / (end - start)) * 100)));
}

function progressChart(t: T, p: ProjectDetailView, reports: ProgressReportView[]): ChartOption {
  const months = reports.map((r) => r.month);
  return {
    grid: { left: 48, right: 16, top: 48, bottom: 32 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${String(v)} %` },
    xAxis: { type: 'category', data: months.map(monthText) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
    series: [
      {
        type: 'bar',
        name: t('Tiến độ báo cáo', 'Reported progress'),
        data: reports.map((r) => ({
          value: r.percentDone,
          itemStyle: r.late ? { color: LATE_COLOR } : undefined,
        })),
        barMaxWidth: 36,
        label: { show: true, position: 'top', formatter: '{c} %' },
      },
      {
        type: 'line',
        name: t('Thời gian đã qua', 'Schedule elapsed'),
        data: months.map((m) => elapsedPercent(p, m)),
        lineStyle: { type: 'dashed' },
        symbol: 'circle',
        color: '#52606d',
      },
    ],
  };
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="dd-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function MoneyFigure({
  k,
  label,
  value,
  hint,
}: {
  k: string;
  label: string;
  value: number | null;
  hint?: string;
}) {
  return (
    <div className="figure" data-figure={k} data-value={value ?? ''}>
      <div className="label">{label}</div>
      <div className="value dd-small">{value === null ? '—' : formatVnd(value)}</div>
      {hint ? <div className="dd-hint">{hint}</div> : null}
    </div>
  );
}

/**
 * One project: who does it where, its money from request to settlement, the dated steps of its life, the
 * monthly progress against its schedule, the watchlist's reasons about it and the documents it was decided by.
 * Live: a change by the projects, plans or reporting service reloads it.
 */
export default function ProjectPage() {
  const { id = '' } = useParams();
  const { t, lang } = useLang();
  const { principal } = useSession();
  const staff = isStaff(principal);
  const base = `/api/v1/projects/${encodeURIComponent(id)}`;

  const live = useLiveVersions(['projects', 'plans', 'reporting']);
  const detail = useApi<ProjectDetailView>(staff ? base : null, live.version);
  const reports = useApi<ProgressReportView[]>(staff ? `${base}/progress-reports` : null, live.version);
  const money = useApi<DisbursementsView>(staff ? `${base}/disbursements` : null, live.version);
  const p = detail.data;
  const planId = p?.planId;
  // The plans service's documents about the project: the decisions that allocated to it, its province's report.
  const decisions = useApi<AssignmentDecisionView[]>(
    planId ? `/api/v1/plans/${planId}/decisions` : null,
    live.version,
  );
  const registrations = useApi<PlanRegistrationView[]>(
    planId ? `/api/v1/plans/${planId}/registrations` : null,
    live.version,
  );
  const watch = useResource<WatchlistItem | null>(
    p ? `watch:${p.provinceCode}:${p.planYear}:${id}` : null,
    async () => {
      const params = new URLSearchParams({
        provinceCode: p!.provinceCode,
        unitAsOf: 'recorded',
        year: String(p!.planYear),
      });
      const list = await allPages<WatchlistPage>('/api/v1/watchlist', params);
      return list.items.find((item) => item.projectId === id) ?? null;
    },
    live.version,
  );
  const province = useReference<ProvinceDetailView>(
    p
      ? `/api/v1/reference/provinces/${p.provinceCode}?asOf=${p.startDate < COVERAGE_START ? COVERAGE_START : p.startDate}`
      : null,
  );
  const regions = useRegions();
  const contents = useActivityContents();

  const { steps, documents } = useMemo(
    () =>
      p
        ? lifecycle(t, p, {
            decisions: decisions.data ?? [],
            registration: registrations.data?.find((r) => r.projectIds.includes(p.id)),
            money: money.data,
          })
        : { steps: [], documents: [] },
    [t, p, decisions.data, registrations.data, money.data],
  );
  const chart = useMemo(
    () => (p && reports.data?.length ? progressChart(t, p, reports.data) : null),
    [t, p, reports.data],
  );

  if (!staff) {
    return (
      <div className="page">
        <h1>{t('Đề án', 'Project')}</h1>
        <Notice testId="project-not-for-role">
          {t(
            'Hồ sơ đề án dành cho cán bộ của Cục và các Sở Công Thương. Với vai trò người xem, bạn có thể xem số liệu hội nghị đã công bố.',
            'Project records are for the agency’s and the provincial departments’ staff. As a viewer you can read the published conference figures.',
          )}
        </Notice>
      </div>
    );
  }
  if (detail.loading) return <Loading />;
  if (!p) {
    return (
      <div className="page">
        <h1>{t('Đề án', 'Project')}</h1>
        <ErrorNotice error={detail.error} what={t('Không mở được đề án', 'Could not open the project')} />
        <Link to="/projects">{t('Về danh sách đề án', 'Back to the project list')}</Link>
      </div>
    );
  }

  const region = regions.data?.items.find((r) => r.code === province.data?.regionCode);
  const contentNames = p.activityContents.map((code) => {
    const c = contents.data?.items.find((x) => x.code === code);
    return c ? `${code}. ${lang === 'vi' ? c.nameVi : c.nameEn}` : String(code);
  });
  const planLabel =
    p.planLevel === 'national'
      ? t(`Kế hoạch khuyến công quốc gia ${p.planYear}`, `National plan ${p.planYear}`)
      : t(`Kế hoạch khuyến công địa phương ${p.planYear}`, `Provincial plan ${p.planYear}`);
  const listHref = `/projects?province=${p.provinceCode}&year=${p.planYear}`;

  return (
    <div
      className="page project-page"
      data-testid="project-page"
      data-project-id={p.id}
      data-status={p.status}
    >
      <Breadcrumbs
        items={[
          ...drillCrumbs(t, lang, p.planYear, region, province.data),
          { label: t('Đề án', 'Projects'), to: listHref },
          { label: p.code },
        ]}
      />
      <header className="dd-page-head">
        <div>
          <p className="dd-project-code">
            <span data-testid="project-code">{p.code}</span>{' '}
            <StatusBadge status={p.status} label={p.statusLabel} />
          </p>
          <h1 data-testid="project-title">{p.title}</h1>
        </div>
        <LiveStatus connected={live.connected} fetchedAt={detail.fetchedAt} />
      </header>
      {detail.error ? <ErrorNotice error={detail.error} /> : null}

      <section className="card" aria-labelledby="facts-title">
        <h2 id="facts-title" className="visually-hidden">
          {t('Thông tin chung', 'About the project')}
        </h2>
        <dl className="dd-facts">
          <Fact label={t('Đơn vị thực hiện', 'Implementing unit')}>
            <span data-testid="implementing-unit">{p.implementingUnit}</span>
          </Fact>
          <Fact label={t('Tỉnh, thành phố', 'Province')}>
            {province.data ? (
              <Link to={`/provinces/${p.provinceCode}?year=${p.planYear}`} data-testid="project-province">
                {provinceName(province.data, lang)}
              </Link>
            ) : (
              p.provinceCode
            )}
            {p.commune ? <span className="muted"> · {p.commune}</span> : null}
          </Fact>
          <Fact label={t('Kế hoạch', 'Plan')}>
            <span data-testid="plan-year" data-value={p.planYear}>
              {planLabel}
            </span>{' '}
            <span className="muted">({p.fundingSource === 'KCDP' ? 'KCĐP' : p.fundingSource})</span>
          </Fact>
          <Fact label={t('Thời gian thực hiện', 'Schedule')}>
            {formatDate(p.startDate)} – {formatDate(p.endDate)}
          </Fact>
          <Fact label={t('Loại đề án', 'Kind')}>{say(t, KIND[p.kind])}</Fact>
          <Fact label={t('Nội dung khuyến công', 'Activity contents')}>
            <ul className="dd-plain">
              {contentNames.map((name) => (
                <li key={name}>{name}</li>
              ))}
            </ul>
          </Fact>
          {p.partners.length ? (
            <Fact label={t('Đơn vị phối hợp', 'Partners')}>{p.partners.join('; ')}</Fact>
          ) : null}
          {p.beneficiaries.length ? (
            <Fact label={t('Cơ sở thụ hưởng', 'Beneficiaries')}>
              <ul className="dd-plain">
                {p.beneficiaries.map((b) => (
                  <li key={b.taxCode}>
                    {b.name}{' '}
                    <span className="muted">
                      ({t('MST', 'tax code')} {b.taxCode})
                    </span>
                  </li>
                ))}
              </ul>
            </Fact>
          ) : null}
        </dl>
      </section>

      <section className="card" aria-labelledby="money-title">
        <h2 id="money-title">{t('Kinh phí khuyến công', 'Support money')}</h2>
        <div className="figures dd-money" data-testid="project-money">
          <MoneyFigure
            k="requestedSupportVnd"
            label={t('Đề nghị hỗ trợ', 'Requested')}
            value={p.requestedSupportVnd}
          />
          <MoneyFigure
            k="appraisedSupportVnd"
            label={t('Được thẩm định', 'Appraised')}
            value={p.appraisedSupportVnd}
          />
          <MoneyFigure
            k="allocatedSupportVnd"
            label={t('Được giao (phê duyệt)', 'Allocated (approved)')}
            value={p.allocatedSupportVnd}
          />
          <MoneyFigure
            k="contractedVnd"
            label={t('Giá trị hợp đồng', 'Contracted')}
            value={p.contract?.valueVnd ?? null}
          />
          <MoneyFigure
            k="advancedVnd"
            label={t('Tạm ứng', 'Advanced')}
            value={money.data?.advancedVnd ?? p.advancedVnd}
          />
          <MoneyFigure
            k="paidVnd"
            label={t('Đã thanh toán', 'Paid')}
            value={money.data?.paidVnd ?? p.paidVnd}
          />
          <MoneyFigure
            k="settledVnd"
            label={t('Đã quyết toán', 'Settled')}
            value={p.settledVnd}
            hint={p.settledOn ? formatDate(p.settledOn) : undefined}
          />
        </div>
        <h3>{t('Dự toán theo nguồn', 'Budget by source')}</h3>
        <div className="table-wrap">
          <table className="table dd-budget">
            <tbody>
              <tr>
                <th scope="row">{t('Khuyến công quốc gia (KCQG)', 'National support (KCQG)')}</th>
                <td className="num">{formatVnd(p.kcqgVnd)}</td>
              </tr>
              <tr>
                <th scope="row">{t('Khuyến công địa phương (KCĐP)', 'Provincial support (KCĐP)')}</th>
                <td className="num">{formatVnd(p.kcdpVnd)}</td>
              </tr>
              <tr>
                <th scope="row">{t('Vốn đối ứng', 'Counterpart funds')}</th>
                <td className="num">{formatVnd(p.counterpartVnd)}</td>
              </tr>
              <tr>
                <th scope="row">{t('Nguồn khác', 'Other sources')}</th>
                <td className="num">{formatVnd(p.otherVnd)}</td>
              </tr>
              <tr className="dd-total">
                <th scope="row">{t('Tổng kinh phí', 'Total cost')}</th>
                <td className="num" data-figure="totalCostVnd" data-value={p.totalCostVnd}>
                  {formatVnd(p.totalCostVnd)}
                </td>
              </tr>
            </tbody>
          </table>
        </div>
      </section>

      <div className="grid dd-two">
        <section className="card" aria-labelledby="progress-title">
          <h2 id="progress-title">{t('Tiến độ theo tháng', 'Monthly progress')}</h2>
          {reports.error ? <ErrorNotice error={reports.error} /> : null}
          {chart ? (
            <Chart
              option={chart}
              height={300}
              ariaLabel={t(
                'Biểu đồ tiến độ báo cáo theo tháng so với thời gian đã qua',
                'Chart of the reported progress by month against the schedule elapsed',
              )}
            />
          ) : reports.data ? (
            <p className="muted">{t('Chưa có báo cáo tiến độ.', 'No progress report yet.')}</p>
          ) : null}
          {reports.data?.some((r) => r.late) ? (
            <p className="muted dd-chart-note">
              <span className="dd-late-swatch" style={{ background: LATE_COLOR }} aria-hidden="true" />{' '}
              {t(
                'Cột màu cam: báo cáo nộp sau ngày 25 của tháng.',
                'Orange bars: reports received after the 25th.',
              )}
            </p>
          ) : null}
          {reports.data?.length ? (
            <details className="dd-reports">
              <summary>
                {t(`${reports.data.length} báo cáo tháng`, `${reports.data.length} monthly reports`)}
              </summary>
              <div className="table-wrap">
                <table className="table dd-cards" data-testid="progress-reports">
                  <thead>
                    <tr>
                      <th scope="col">{t('Tháng', 'Month')}</th>
                      <th scope="col" className="num">
                        {t('Hoàn thành', 'Done')}
                      </th>
                      <th scope="col" className="num">
                        {t('Đã chi', 'Spent')}
                      </th>
                      <th scope="col">{t('Ngày nhận', 'Received')}</th>
                      <th scope="col">{t('Nội dung', 'Narrative')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {reports.data.map((r) => (
                      <tr
                        key={r.id}
                        data-testid="progress-row"
                        data-month={r.month}
                        data-percent={r.percentDone}
                      >
                        <td data-label={t('Tháng', 'Month')}>{monthText(r.month)}</td>
                        <td className="num" data-label={t('Hoàn thành', 'Done')}>
                          {r.percentDone} %
                        </td>
                        <td className="num" data-label={t('Đã chi', 'Spent')}>
                          {formatVndShort(r.spentVnd, lang)}
                        </td>
                        <td data-label={t('Ngày nhận', 'Received')}>
                          {formatDate(r.receivedAt)}{' '}
                          {r.late ? <span className="badge warn">{t('muộn', 'late')}</span> : null}
                        </td>
                        <td className="wrap" data-label={t('Nội dung', 'Narrative')}>
                          {r.narrative}
                          {r.attachments.length ? (
                            <div className="muted">
                              {t('Tệp đính kèm', 'Attachments')}:{' '}
                              {r.attachments.map((a) => a.name).join(', ')}
                            </div>
                          ) : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          ) : null}
        </section>

        <section className="card" aria-labelledby="watch-title" data-testid="project-watchlist">
          <h2 id="watch-title">{t('Cảnh báo sớm', 'Watchlist')}</h2>
          {watch.error ? <ErrorNotice error={watch.error} /> : null}
          {watch.loading ? <Loading /> : null}
          {watch.data === null ? (
            <p className="dd-ok-text" data-testid="watchlist-clear">
              {t('Đề án không có cảnh báo nào hôm nay.', 'The project has no warning today.')}
            </p>
          ) : null}
          {watch.data ? (
            <ul className="dd-flags">
              {watch.data.flags.map((f) => (
                <li key={f.code} data-testid="watchlist-flag" data-flag={f.code} data-severity={f.severity}>
                  <span className={f.severity === 'overdue' ? 'badge danger' : 'badge warn'}>
                    {WATCHLIST_REASONS[f.code][lang]}
                  </span>
                  <span>{lang === 'vi' ? f.reasonVi : f.reasonEn}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      </div>

      <div className="grid dd-two">
        <section className="card" aria-labelledby="timeline-title">
          <h2 id="timeline-title">{t('Quá trình thực hiện', 'Lifecycle')}</h2>
          {decisions.error ? <ErrorNotice error={decisions.error} /> : null}
          {registrations.error ? <ErrorNotice error={registrations.error} /> : null}
          <ol className="dd-timeline" data-testid="project-timeline">
            {steps.map((s, i) => (
              <li key={i} className={s.tone ? `dd-step ${s.tone}` : 'dd-step'} data-testid="timeline-step">
                <time dateTime={s.date}>{formatDate(s.date)}</time>
                <div>
                  <strong>{s.title}</strong>
                  {s.detail ? <div className="muted">{s.detail}</div> : null}
                </div>
              </li>
            ))}
          </ol>
        </section>

        <section className="card" aria-labelledby="documents-title">
          <h2 id="documents-title">{t('Văn bản, quyết định', 'Documents and decisions')}</h2>
          {documents.length === 0 ? (
            <p className="muted">{t('Chưa có văn bản nào.', 'No document yet.')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table dd-cards" data-testid="project-documents">
                <thead>
                  <tr>
                    <th scope="col">{t('Văn bản', 'Document')}</th>
                    <th scope="col">{t('Số hiệu', 'Number')}</th>
                    <th scope="col">{t('Ngày', 'Date')}</th>
                    <th scope="col">{t('Nội dung', 'About')}</th>
                  </tr>
                </thead>
                <tbody>
                  {documents.map((d, i) => (
                    <tr key={i} data-testid="document-row" data-number={d.number ?? ''}>
                      <td className="wrap">{d.kind}</td>
                      <td data-label={t('Số hiệu', 'Number')}>{d.number ?? '—'}</td>
                      <td data-label={t('Ngày', 'Date')}>{formatDate(d.date)}</td>
                      <td className="wrap" data-label={t('Nội dung', 'About')}>
                        {d.about}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
