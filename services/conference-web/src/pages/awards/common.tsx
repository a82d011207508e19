import type { AwardRoundView } from '@kc/contracts';
import { ApiError } from '../../api/http';
import { formatCount } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import { provinceName, regionName, useProvinceIndex, useRegions } from '../projects/common';
import { STATE_TONE, stateText } from './labels';
import './awards.css';

/** The pieces the award pages share: where a round is held, its state badge, progress as a fraction. */

type Area = Pick<AwardRoundView, 'level' | 'provinceCode' | 'regionCode' | 'localUnitCode'>;

/** Names where a round is held: nationwide, a region, a province, or a commune (district) of a province. */
export function useAreaText(): (round: Area) => string {
  const { t, lang } = useLang();
  const { provinceOf } = useProvinceIndex();
  const regions = useRegions();
  return (round) => {
    if (round.level === 'national') return t('Toàn quốc', 'Nationwide');
    if (round.level === 'regional') {
      const region = regions.data?.items.find((r) => r.code === round.regionCode);
      return region ? regionName(region, lang) : (round.regionCode ?? '—');
    }
    const unit = round.provinceCode ? provinceOf.get(round.provinceCode) : undefined;
    // A round of a unit that has since merged keeps its code; the current list does not name it.
    const province = unit
      ? provinceName(unit, lang)
      : t(`Tỉnh mã ${round.provinceCode ?? '—'}`, `Province ${round.provinceCode ?? '—'}`);
    if (round.level === 'provincial' || !round.localUnitCode) return province;
    const district = round.localUnitCode.length === 3;
    return `${province} · ${
      district
        ? t(`huyện mã ${round.localUnitCode}`, `district ${round.localUnitCode}`)
        : t(`xã mã ${round.localUnitCode}`, `commune ${round.localUnitCode}`)
    }`;
  };
}

export function StateBadge({ round }: { round: Pick<AwardRoundView, 'state' | 'stateLabel'> }) {
  const { lang } = useLang();
  return (
    <span className={STATE_TONE[round.state]} data-state={round.state}>
      {stateText(round, lang)}
    </span>
  );
}

/** "12/45" with a bar; the bar is decoration, the numbers are what is read. */
export function Fraction({ done, of, label }: { done: number; of: number; label: string }) {
  const percent = of === 0 ? 0 : Math.round((done / of) * 100);
  return (
    <span className="aw-fraction" data-done={done} data-of={of}>
      <span className="dd-progress-bar" aria-hidden="true">
        <span style={{ width: `${percent}%` }} />
      </span>
      <span>
        <span className="visually-hidden">{label}: </span>
        {formatCount(done)}/{formatCount(of)}
      </span>
    </span>
  );
}

/** A refusal's text in the reader's language (problem+json `messages`, else its detail). */
export function problemText(error: unknown, lang: 'vi' | 'en'): string {
  if (error instanceof ApiError) {
    return error.problem.messages?.[lang] ?? error.problem.detail ?? `HTTP ${error.status}`;
  }
  return lang === 'vi' ? 'Không kết nối được với máy chủ.' : 'Could not reach the server.';
}

/** 403 or 404: the reader may not see it (the API answers a round they may not see like a missing one). */
export function isRefusal(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 403 || error.status === 404);
}
