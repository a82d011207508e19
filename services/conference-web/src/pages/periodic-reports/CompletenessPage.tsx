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
import { FormPeriodPicker, useDepartmentForms } from './common';
import {
  DEFAULT_FORM_ID,
  daysLateText,
  frequencyOf,
  isPeriodId,
  latestDuePeriod,
  periodText,
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

/** The counts of the nation or a region: timeliness first (what the conference asks), then the review. */
function CountsFigures({ counts, large }: { counts: Counts; large?: boolean }) {
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
      <ShareFigure
        id="awaitingReview"
        label={t('Chờ duyệt', 'Awaiting review')}
        share={counts.awaitingReview}
      />
    </div>
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
  const forms = useDepartmentForms(isStaff(principal));
  const formId = forms.some((f) => f.id === params.get('formId')) ? params.get('formId')! : DEFAULT_FORM_ID;
  const form = forms.find((f) => f.id === formId) ?? forms[0]!;
  const asked = params.get('period');
  const period =
    isPeriodId(asked) && frequencyOf(asked) === form.frequency
      ? asked
      : latestDuePeriod(form.frequency, vietnamDay(new Date()));
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
              {t('Toàn quốc', 'Nationwide')}: {formatCount(data.nation.units)} {t('đơn vị', 'units')}
            </h2>
            <CountsFigures counts={data.nation} large />
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
                  {regionTitle(code)}: {formatCount(data.regions[code].units)} {t('đơn vị', 'units')}
                </h2>
                <CountsFigures counts={data.regions[code]} />
                <UnitLists
                  units={data.units.filter((u) => u.regionCode === code)}
                  nameOf={nameOf}
                  sortKeyOf={sortKeyOf}
                />
              </section>
            ))}
          </div>
        </>
      ) : null}
    </div>
  );
}
