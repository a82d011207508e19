import { useSearchParams } from 'react-router';
import type { CompletenessView } from '@kc/contracts';
import { query } from '../../api/http';
import { useApi, useLiveVersions } from '../../api/resource';
import { LiveStatus } from '../../app/LiveStatus';
import { formatCount, formatDate } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import { isStaff, useSession } from '../../session/session';
import { vietnamDay } from '../clusters/figures';
import {
  ErrorNotice,
  Loading,
  provinceName,
  regionName,
  useProvinceIndex,
  useRegions,
} from '../projects/common';
import { FormPeriodPicker, TimelinessBadge, useReportForms } from './common';
import {
  DEFAULT_FORM_ID,
  daysLateText,
  frequencyOf,
  isPeriodId,
  latestDuePeriod,
  periodText,
  provinceRows,
  reportersNoun,
  REVIEW_ORDER,
  reviewText,
  TIMELINESS_ORDER,
  timelinessText,
  unitsByState,
  type Unit,
} from './figures';

type Counts = CompletenessView['nation'];
type Share = Counts['submitted'];
type RegionCode = keyof CompletenessView['regions'];
const REGIONS: RegionCode[] = ['north', 'central', 'south'];

/** One share as the conference views show a figure: the count large, "of n" and the percent beside it. */
function ShareFigure({ id, label, share, tone }: { id: string; label: string; share: Share; tone?: string }) {
  const { t, lang } = useLang();
  return (
    <div className={tone ? `figure pr-figure ${tone}` : 'figure pr-figure'}>
      <span className="label">{label}</span>
      <span className="value" data-figure={id}>
        {formatCount(share.count)}
      </span>
      <span className="note">
        {t('trên', 'of')} {formatCount(share.of)}
        {share.percent ? ` · ${share.percent[lang]}` : ''}
      </span>
    </div>
  );
}

/**
 * The counts of the nation or a region: timeliness first (what the conference asks), then the review — for a
 * form reviewed by the province then the agency, how many wait for each.
 */
function CountsFigures({ counts, large, twoLevel }: { counts: Counts; large?: boolean; twoLevel?: boolean }) {
  const { t } = useLang();
  return (
    <div className={large ? 'figures pr-figures large' : 'figures pr-figures'}>
      <ShareFigure id="submitted" label={t('Đã nộp', 'Submitted')} share={counts.submitted} />
      <ShareFigure id="onTime" label={t('Đúng hạn', 'On time')} share={counts.onTime} tone="pr-ok" />
      <ShareFigure id="late" label={t('Nộp muộn', 'Late')} share={counts.late} tone="pr-warn" />
      <ShareFigure
        id="overdue"
        label={t('Quá hạn, chưa nộp', 'Overdue, not in')}
        share={counts.overdue}
        tone="pr-danger"
      />
      {counts.notYetDue.count > 0 ? (
        <ShareFigure id="notYetDue" label={t('Chưa đến hạn', 'Not yet due')} share={counts.notYetDue} />
      ) : null}
      <ShareFigure id="approved" label={t('Đã duyệt', 'Approved')} share={counts.approved} tone="pr-ok" />
      <ShareFigure
        id="returned"
        label={t('Bị trả lại', 'Returned')}
        share={counts.returned}
        tone="pr-danger"
      />
      {twoLevel ? (
        <>
          <ShareFigure
            id="awaitingProvince"
            label={t('Chờ Sở duyệt', 'Awaiting the province')}
            share={counts.awaitingProvince}
          />
          <ShareFigure
            id="awaitingAgency"
            label={t('Chờ Cục duyệt', 'Awaiting the agency')}
            share={counts.awaitingAgency}
          />
        </>
      ) : (
        <ShareFigure
          id="awaitingReview"
          label={t('Chờ duyệt', 'Awaiting review')}
          share={counts.awaitingReview}
        />
      )}
    </div>
  );
}

/** The units of a region with reporters (projects, facilities), each with its counts: who owes, who is in. */
function ProvinceTable({
  data,
  region,
  nameOf,
  sortKeyOf,
}: {
  data: CompletenessView;
  region: RegionCode;
  nameOf: (code: string) => string;
  sortKeyOf: (code: string) => string;
}) {
  const { t, lang } = useLang();
  const rows = provinceRows(data, region, nameOf, sortKeyOf);
  if (rows.length === 0)
    return <p className="muted">{t('Không có đơn vị nào phải báo cáo.', 'No one reports here.')}</p>;
  return (
    <div className="table-wrap">
      <table className="table dd-cards" data-testid="completeness-provinces">
        <thead>
          <tr>
            <th scope="col">{t('Tỉnh, thành phố', 'Province')}</th>
            <th scope="col" className="num">
              {t('Phải nộp', 'Owed')} ({reportersNoun(data.reporter, lang)})
            </th>
            <th scope="col" className="num">
              {t('Đúng hạn', 'On time')}
            </th>
            <th scope="col" className="num">
              {t('Muộn', 'Late')}
            </th>
            <th scope="col" className="num">
              {t('Quá hạn', 'Overdue')}
            </th>
            <th scope="col" className="num">
              {t('Chưa đến hạn', 'Not yet due')}
            </th>
            <th scope="col" className="num">
              {t('Chờ duyệt', 'Awaiting review')}
            </th>
            <th scope="col" className="num">
              {t('Đã duyệt', 'Approved')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.code} data-testid="completeness-province-row" data-province-code={row.code}>
              <th scope="row">{row.name}</th>
              <td className="num" data-label={t('Phải nộp', 'Owed')} data-count="units">
                {formatCount(row.counts.units)}
              </td>
              <td className="num" data-label={t('Đúng hạn', 'On time')} data-count="onTime">
                {formatCount(row.counts.onTime.count)}
              </td>
              <td className="num" data-label={t('Muộn', 'Late')} data-count="late">
                {formatCount(row.counts.late.count)}
              </td>
              <td className="num" data-label={t('Quá hạn', 'Overdue')} data-count="overdue">
                {formatCount(row.counts.overdue.count)}
              </td>
              <td className="num" data-label={t('Chưa đến hạn', 'Not yet due')} data-count="notYetDue">
                {formatCount(row.counts.notYetDue.count)}
              </td>
              <td className="num" data-label={t('Chờ duyệt', 'Awaiting review')} data-count="awaitingReview">
                {formatCount(row.counts.awaitingReview.count)}
              </td>
              <td className="num" data-label={t('Đã duyệt', 'Approved')} data-count="approved">
                {formatCount(row.counts.approved.count)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The reporters the caller may see (the agency all, a province its own, a facility itself), by standing. */
function ReporterTable({ data, nameOf }: { data: CompletenessView; nameOf: (code: string) => string }) {
  const { t, lang } = useLang();
  return (
    <section className="card" aria-labelledby="pr-reporters" data-testid="completeness-reporters">
      <h2 id="pr-reporters">{t('Đơn vị báo cáo', 'Reporters')}</h2>
      <div className="table-wrap">
        <table className="table dd-cards">
          <thead>
            <tr>
              <th scope="col">
                {data.reporter === 'implementing-unit' ? t('Đề án', 'Project') : t('Cơ sở', 'Facility')}
              </th>
              <th scope="col">{t('Tỉnh, thành phố', 'Province')}</th>
              <th scope="col">{t('Thời hạn', 'Timeliness')}</th>
              <th scope="col">{t('Xem xét', 'Review')}</th>
            </tr>
          </thead>
          <tbody>
            {data.reporters.map((r) => (
              <tr key={r.reporterId} data-testid="completeness-reporter-row" data-reporter-id={r.reporterId}>
                <td className="wrap">{r.name}</td>
                <td data-label={t('Tỉnh', 'Province')}>{nameOf(r.provinceCode)}</td>
                <td data-label={t('Thời hạn', 'Timeliness')}>
                  <TimelinessBadge timeliness={r.timeliness} daysLate={r.daysLate} />
                  {r.submittedVia === 'progress-report' && (
                    // Sent to the projects service as its monthly progress report: it counts, nobody reviews it here.
                    <span className="muted" data-testid="completeness-via-progress">
                      {' '}
                      {t('qua báo cáo tiến độ', 'via the progress report')}
                    </span>
                  )}
                </td>
                <td data-label={t('Xem xét', 'Review')}>{reviewText(r.review, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The units of a region by standing, named: who is in on time, late, missing; approved, returned, waiting. */
function UnitLists({
  units,
  nameOf,
  sortKeyOf,
}: {
  units: Unit[];
  nameOf: (code: string) => string;
  sortKeyOf: (code: string) => string;
}) {
  const { t, lang } = useLang();
  const groups = [
    ...unitsByState(units, (u) => u.timeliness, TIMELINESS_ORDER, nameOf, sortKeyOf).map((g) => ({
      key: `timeliness-${g.state}`,
      label: timelinessText(g.state, lang),
      units: g.units,
    })),
    ...unitsByState(
      units.filter((u) => u.review !== 'none'),
      (u) => u.review,
      REVIEW_ORDER,
      nameOf,
      sortKeyOf,
    ).map((g) => ({ key: `review-${g.state}`, label: reviewText(g.state, lang), units: g.units })),
  ].filter((g) => g.units.length > 0);
  if (groups.length === 0) return <p className="muted">{t('Không có đơn vị.', 'No units.')}</p>;
  return (
    <dl className="pr-units">
      {groups.map((g) => (
        <div key={g.key} data-units={g.key}>
          <dt>
            {g.label} ({formatCount(g.units.length)})
          </dt>
          <dd>
            {g.units.map((u, i) => (
              <span key={u.code} data-unit-code={u.code}>
                {u.name}
                {g.key === 'timeliness-late' && u.daysLate > 0 ? ` (${daysLateText(u.daysLate, lang)})` : ''}
                {i < g.units.length - 1 ? ', ' : ''}
              </span>
            ))}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * "Mức độ đầy đủ và đúng hạn": for one form and period, which of the units have submitted, on time or late,
 * approved or returned — for the nation in large figures (readable on a conference screen) and per region with
 * the units named. Everyone signed in reads it (the route is open to every role, the viewer included).
 */
export default function CompletenessPage() {
  const { t, lang } = useLang();
  const { principal } = useSession();
  const [params, setParams] = useSearchParams();
  const forms = useReportForms(isStaff(principal) || principal?.role === 'business');
  const formId = forms.some((f) => f.id === params.get('formId')) ? params.get('formId')! : DEFAULT_FORM_ID;
  const form = forms.find((f) => f.id === formId) ?? forms[0]!;
  const asked = params.get('period');
  const period =
    isPeriodId(asked) && frequencyOf(asked) === form.frequency
      ? asked
      : latestDuePeriod(form.frequency, vietnamDay(new Date()), form.reporter);
  const live = useLiveVersions(['reporting']);
  const panel = useApi<CompletenessView>(
    `/api/v1/periodic-reports/completeness${query({ formId, period })}`,
    live.version,
  );
  const { provinceOf } = useProvinceIndex();
  const regions = useRegions();
  const nameOf = (code: string) => {
    const unit = provinceOf.get(code);
    return unit ? provinceName(unit, lang) : code;
  };
  const sortKeyOf = (code: string) => provinceOf.get(code)?.nameVi ?? code;
  const regionTitle = (code: RegionCode) => {
    const region = regions.data?.items.find((r) => r.code === code);
    return region ? regionName(region, lang) : code;
  };

  const data = panel.data;
  return (
    <div className="page pr-page">
      <header className="dd-page-head">
        <div>
          <h1>
            {t(
              'Mức độ đầy đủ và đúng hạn của báo cáo định kỳ',
              'Periodic reports: completeness and timeliness',
            )}
          </h1>
          <p className="dd-subtitle" data-testid="completeness-subtitle">
            {form.title[lang]} · {periodText(period, lang)}
            {data ? (
              <>
                {' '}
                · {t('Hạn cuối (đúng hạn)', 'Last on-time day')}: {formatDate(data.lastOnTimeDay)}
              </>
            ) : null}
          </p>
        </div>
        <LiveStatus connected={live.connected} fetchedAt={panel.fetchedAt} />
      </header>

      <form
        className="dd-filters card"
        onSubmit={(e) => e.preventDefault()}
        aria-label={t('Bộ lọc', 'Filters')}
      >
        <FormPeriodPicker
          forms={forms}
          formId={formId}
          period={period}
          onChange={(nextForm, nextPeriod) => setParams({ formId: nextForm, period: nextPeriod })}
        />
      </form>

      {panel.error ? <ErrorNotice error={panel.error} /> : null}
      {!data && !panel.error ? <Loading /> : null}
      {data ? (
        <>
          <section
            className="card"
            aria-labelledby="pr-nation"
            data-scope="nation"
            data-testid="completeness-nation"
          >
            <h2 id="pr-nation">
              {t('Toàn quốc', 'Nationwide')}: {formatCount(data.nation.units)}{' '}
              {reportersNoun(data.reporter, lang)}
            </h2>
            <CountsFigures counts={data.nation} large twoLevel={data.reporter === 'implementing-unit'} />
            {data.holdersUnknown > 0 ? (
              <p className="muted" data-testid="completeness-holders-unknown">
                {t(
                  `Còn ${formatCount(data.holdersUnknown)} giấy chứng nhận còn hiệu lực chưa rõ cơ sở nắm giữ, chưa được tính.`,
                  `${formatCount(data.holdersUnknown)} valid certificates have no known holder yet and are not counted.`,
                )}
              </p>
            ) : null}
          </section>
          <div className="grid pr-regions">
            {REGIONS.map((code) => (
              <section
                key={code}
                className="card"
                aria-labelledby={`pr-region-${code}`}
                data-scope={code}
                data-testid="completeness-region"
              >
                <h2 id={`pr-region-${code}`}>
                  {regionTitle(code)}: {formatCount(data.regions[code].units)}{' '}
                  {reportersNoun(data.reporter, lang)}
                </h2>
                <CountsFigures counts={data.regions[code]} twoLevel={data.reporter === 'implementing-unit'} />
                {data.reporter === 'provincial-department' ? (
                  <UnitLists
                    units={data.units.filter((u) => u.regionCode === code)}
                    nameOf={nameOf}
                    sortKeyOf={sortKeyOf}
                  />
                ) : (
                  <ProvinceTable data={data} region={code} nameOf={nameOf} sortKeyOf={sortKeyOf} />
                )}
              </section>
            ))}
          </div>
          {data.reporters.length > 0 ? <ReporterTable data={data} nameOf={nameOf} /> : null}
        </>
      ) : null}
    </div>
  );
}
