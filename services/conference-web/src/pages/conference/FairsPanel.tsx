import type { ConferenceRegion, ConferenceReport, FairView, Page } from '@kc/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, query } from '../../api/http';
import { formatCount, formatDate, formatVnd } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import { useResource } from '../../api/resource';
import { FAIR_SCALES } from '../../i18n/fairs';
import { labelOf } from './figures';
import { LiveFloorPlan } from '../fairs/FloorPlan';

/**
 * Trade fairs: the booths of the view's units at the year's fairs (from the report), and the fairs of the year
 * — on a regional page those of the region or hosted in it — each with its live floor plan.
 */
export function FairsPanel({
  report,
  region,
  version,
}: {
  report: ConferenceReport;
  region?: ConferenceRegion;
  version: number;
}) {
  const { t, lang } = useLang();
  const fairs = useResource(
    `fairs ${report.year}`,
    () => api<Page<FairView>>(`/api/v1/fairs${query({ year: report.year, limit: 200 })}`),
    version,
  );
  const hosts = new Map(report.units.map((unit) => [unit.code, unit.nameVi]));
  const shown = (fairs.data?.items ?? []).filter(
    (fair) => !region || fair.regionCode === region || hosts.has(fair.provinceCode),
  );
  const label = (key: string) => labelOf(report.glossary, key, lang);
  const { totals } = report;

  return (
    <section className="card" aria-labelledby="fairs-panel">
      <h2 id="fairs-panel">{t('Hội chợ triển lãm', 'Trade fairs')}</h2>
      <div className="figures compact">
        <div className="figure">
          <span className="label">{label('boothsAllocated')}</span>
          <span className="value" data-figure="boothsAllocated">
            {formatCount(totals.boothsAllocated)}
          </span>
        </div>
        <div className="figure">
          <span className="label">{label('boothsSupported')}</span>
          <span className="value" data-figure="boothsSupported">
            {formatCount(totals.boothsSupported)}
          </span>
        </div>
        <div className="figure wide">
          <span className="label">{label('boothSupportVnd')}</span>
          <span className="value vnd" data-figure="boothSupportVnd">
            {formatVnd(totals.boothSupportVnd)}
          </span>
        </div>
      </div>
      <h3>{t(`Hội chợ năm ${report.year}`, `Fairs of ${report.year}`)}</h3>
      {fairs.error !== undefined && !fairs.data && (
        <p className="error">{t('Không tải được danh sách hội chợ.', 'The fairs could not be loaded.')}</p>
      )}
      {fairs.data && shown.length === 0 && <p className="muted">{t('Không có hội chợ nào.', 'No fair.')}</p>}
      <ul className="fair-list">
        {shown.map((fair, i) => (
          <li key={fair.id} data-fair={fair.id}>
            <strong>{fair.name}</strong>
            <span className="muted small">
              {FAIR_SCALES[fair.scale][lang]} · {formatDate(fair.startDate)}–{formatDate(fair.endDate)} ·{' '}
              {hosts.get(fair.provinceCode) ?? fair.provinceCode} · {formatCount(fair.boothCount)}{' '}
              {t('gian', 'booths')}
            </span>
            <Link to={`/fairs/${fair.id}/floor-plan`}>
              {t('Sơ đồ gian hàng', 'Floor plan')}
              <span className="visually-hidden"> — {fair.name}</span>
            </Link>
            <EmbeddedPlan fairId={fair.id} name={fair.name} version={version} open={i === 0} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The fair's live plan in the panel: the first fair's open, the others drawn only once opened. */
function EmbeddedPlan({
  fairId,
  name,
  version,
  open,
}: {
  fairId: string;
  name: string;
  version: number;
  open: boolean;
}) {
  const { t } = useLang();
  const [shown, setShown] = useState(open);
  return (
    <details open={open} onToggle={(e) => setShown(e.currentTarget.open)}>
      <summary>
        {t('Sơ đồ trực tiếp', 'Live plan')}
        <span className="visually-hidden"> — {name}</span>
      </summary>
      {shown ? <LiveFloorPlan fairId={fairId} version={version} /> : null}
    </details>
  );
}
