import { useMemo } from 'react';
import type { BoothState, BoothView } from '@kc/contracts';
import { useApi } from '../../api/resource';
import { formatVnd } from '../../i18n/format';
import { useLang, type Lang } from '../../i18n/lang';
import './FloorPlanPage.css';

/** The states in legend order, with the colours of the gateway's SVG plan (one look wherever the plan appears). */
export const STATES: { state: BoothState; vi: string; en: string; fill: string; stroke: string }[] = [
  { state: 'free', vi: 'Còn trống', en: 'Free', fill: '#dcf3dc', stroke: '#2e7d32' },
  { state: 'held', vi: 'Đang giữ chỗ', en: 'Held', fill: '#ffe9a8', stroke: '#a86b00' },
  { state: 'allocated', vi: 'Đã phân bổ', en: 'Allocated', fill: '#c4dcf7', stroke: '#1f5fa8' },
  { state: 'checked-in', vi: 'Đã có mặt', en: 'Checked in', fill: '#dacdf2', stroke: '#5b3e9c' },
];
const STYLE = Object.fromEntries(STATES.map((s) => [s.state, s])) as Record<
  BoothState,
  (typeof STATES)[number]
>;

/** Pixels per metre when zoomed in: a 3 m booth is 72 px, its code readable on a phone. */
const ZOOM_PX_PER_M = 24;
/** Room around a hall's booths, in metres. */
const PAD = 0.5;

export function stateLabel(state: BoothState, lang: Lang): string {
  return lang === 'vi' ? STYLE[state].vi : STYLE[state].en;
}

export function countStates(booths: BoothView[]): Record<BoothState, number> {
  const counts = { free: 0, held: 0, allocated: 0, 'checked-in': 0 };
  for (const b of booths) counts[b.state]++;
  return counts;
}

/**
 * One hall drawn from the booths' layout (metres from the hall's top-left corner). Fitted, it scales to its
 * box; zoomed, it keeps a readable size and scrolls inside its own box — never the page.
 */
export function Hall({
  name,
  booths,
  zoomed,
  lang,
}: {
  name: string;
  booths: BoothView[];
  zoomed: boolean;
  lang: Lang;
}) {
  const width = Math.max(...booths.map((b) => b.layout.x + b.layout.w)) + 2 * PAD;
  const height = Math.max(...booths.map((b) => b.layout.y + b.layout.h)) + 2 * PAD;
  const counts = countStates(booths);
  const summary = STATES.map((s) => `${stateLabel(s.state, lang)} ${counts[s.state]}`).join(', ');
  return (
    <figure className="fp-hall" data-testid="fp-hall" data-hall={name}>
      <figcaption>
        <strong>{name}</strong> <span className="muted">· {summary}</span>
      </figcaption>
      <div
        className={zoomed ? 'fp-hall-box zoomed' : 'fp-hall-box'}
        tabIndex={zoomed ? 0 : undefined}
        role={zoomed ? 'region' : undefined}
        aria-label={zoomed ? name : undefined}
      >
        <svg
          viewBox={`0 0 ${width} ${height}`}
          width={zoomed ? width * ZOOM_PX_PER_M : undefined}
          height={zoomed ? height * ZOOM_PX_PER_M : undefined}
          role="img"
          aria-label={`${name}: ${booths.length} ${lang === 'vi' ? 'gian' : 'booths'} — ${summary}`}
          preserveAspectRatio="xMidYMin meet"
        >
          <rect x={0} y={0} width={width} height={height} className="fp-hall-floor" />
          {booths.map((b) => {
            const style = STYLE[b.state];
            const { x, y, w, h } = b.layout;
            const font = Math.min(w / 4.2, h / 2.8, 1.1);
            return (
              <g key={b.id} data-testid="booth" data-code={b.code} data-state={b.state}>
                <title>
                  {[b.code, b.zone, stateLabel(b.state, lang), formatVnd(b.rentVnd)]
                    .filter(Boolean)
                    .join(' · ')}
                </title>
                <rect
                  x={x + PAD + 0.05}
                  y={y + PAD + 0.05}
                  width={w - 0.1}
                  height={h - 0.1}
                  fill={style.fill}
                  stroke={style.stroke}
                  strokeWidth={0.08}
                  rx={0.15}
                />
                <text
                  x={x + PAD + w / 2}
                  y={y + PAD + h / 2}
                  fontSize={font}
                  textAnchor="middle"
                  dominantBaseline="central"
                >
                  {b.code}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </figure>
  );
}

/** The booths of a fair by hall, halls in Vietnamese order. */
export function hallsOf(booths: BoothView[]): [string, BoothView[]][] {
  const byHall = new Map<string, BoothView[]>();
  for (const b of booths) byHall.set(b.hall, [...(byHall.get(b.hall) ?? []), b]);
  return [...byHall].sort(([a], [b]) => a.localeCompare(b, 'vi'));
}

/**
 * A fair's halls, fitted to their box, redrawn whenever `version` moves (the conference page's trade-fairs
 * notices): the live floor plan embedded where the fair is named, signed in by the session like the page.
 */
export function LiveFloorPlan({ fairId, version }: { fairId: string; version: number }) {
  const { t, lang } = useLang();
  const booths = useApi<BoothView[]>(`/api/v1/fairs/${encodeURIComponent(fairId)}/booths`, version);
  const halls = useMemo(() => hallsOf(booths.data ?? []), [booths.data]);
  if (!booths.data) {
    return booths.error ? (
      <p className="error">{t('Không tải được sơ đồ gian hàng.', 'The floor plan could not be loaded.')}</p>
    ) : null;
  }
  if (booths.data.length === 0) {
    return <p className="muted">{t('Hội chợ chưa có gian hàng nào.', 'The fair has no booth yet.')}</p>;
  }
  return (
    <div className="fp-halls fp-embedded" data-testid="embedded-floor-plan" data-fair-id={fairId}>
      {halls.map(([name, list]) => (
        <Hall key={name} name={name} booths={list} zoomed={false} lang={lang} />
      ))}
    </div>
  );
}
