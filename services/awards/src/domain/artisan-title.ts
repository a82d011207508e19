import {
  artisanNominationStatusLabels,
  artisanStageLabels,
  artisanStages,
  artisanTitleLabels,
  type ArtisanNominationStatus,
  type ArtisanStage,
  type ArtisanTitle,
} from '@kc/contracts';
import { ConflictError, RuleViolationError, type Bilingual } from '@kc/errors';
import type { IsoDate } from '@kc/reference-data';

// The vocabulary and its labels live in the contracts, beside the views that show them.
export {
  artisanNominationStatusLabels,
  artisanStageLabels,
  artisanTitleLabels,
  type ArtisanNominationStatus,
  type ArtisanStage,
  type ArtisanTitle,
} from '@kc/contracts';

/**
 * The criteria a nomination's facts can show. The figures are rule data, versioned with their legal basis: a
 * decree that changes them gets a new set beside this one (with its own `validFrom`), never an edit of it, so a
 * nomination is judged by the set in force on its date. Only the People's Artisan figures were checked against
 * the decree's text; the Meritorious ones (15 years, 1 work) are unverified. The criteria of conduct, skill and
 * craft transmission are the councils' judgement, not checks here.
 */
export const ARTISAN_TITLE_RULES = {
  basis: 'Nghị định 43/2024/NĐ-CP',
  validFrom: '2024-06-06',
  meritorious: { minYearsInCraft: 15, minQualifyingWorks: 1 },
  /** Needs the Meritorious title first; its works count only if made after that conferral. */
  people: { minYearsInCraft: 20, minQualifyingWorks: 2 },
} as const;

/** Years in the craft, continuous or added up (the decree accepts both), one period per stretch. */
export interface CraftPeriod {
  from: IsoDate;
  /** Null while still practising: counted to the nomination date. */
  to: IsoDate | null;
}

/** A work put forward as qualifying, with the prize or certification that makes it so. */
export interface QualifyingWork {
  name: string;
  completedOn: IsoDate;
  recognition: string;
}

export interface ArtisanNominee {
  fullName: string;
  craft: string;
  provinceCode: string;
  meritoriousConferredOn: IsoDate | null;
  craftPeriods: CraftPeriod[];
  works: QualifyingWork[];
}

/** In order: each council passes the nomination on; the State President's decision confers the title. */
export const ARTISAN_STAGES: readonly ArtisanStage[] = artisanStages;

export interface StageDecision {
  stage: ArtisanStage;
  decisionNumber: string;
  decidedOn: IsoDate;
  outcome: 'passed' | 'failed';
}

export interface ArtisanNomination {
  title: ArtisanTitle;
  nominee: ArtisanNominee;
  nominatedOn: IsoDate;
  stages: StageDecision[];
}

const viDate = (date: IsoDate) => date.split('-').reverse().join('/');

/** Whole months from `from` to `to`: a month counts once its day of the month is reached again. */
function wholeMonths(from: IsoDate, to: IsoDate): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/**
 * Whole years in the craft on `asOf`, adding up the periods in whole months. Periods must lie before `asOf`
 * and not overlap (a year is not counted twice).
 */
export function yearsInCraft(periods: readonly CraftPeriod[], asOf: IsoDate): number {
  const spans = periods
    .map((period) => ({ from: period.from, to: period.to ?? asOf }))
    .sort((a, b) => (a.from < b.from ? -1 : 1));
  spans.forEach((span, index) => {
    if (span.to < span.from || span.to > asOf) {
      throw new RuleViolationError(
        {
          vi: `Thời gian hành nghề từ ${viDate(span.from)} đến ${viDate(span.to)} không hợp lệ: phải kết thúc sau khi bắt đầu và không muộn hơn ngày ${viDate(asOf)}`,
          en: `Craft period ${span.from} – ${span.to} is invalid: it must end after it starts and no later than ${asOf}`,
        },
        'artisan.craft-period-invalid',
        'nominee.craftPeriods',
      );
    }
    const previous = spans[index - 1];
    if (previous && span.from < previous.to) {
      throw new RuleViolationError(
        {
          vi: `Các khoảng thời gian hành nghề ${viDate(previous.from)} – ${viDate(previous.to)} và ${viDate(span.from)} – ${viDate(span.to)} chồng lên nhau`,
          en: `Craft periods ${previous.from} – ${previous.to} and ${span.from} – ${span.to} overlap`,
        },
        'artisan.craft-periods-overlap',
        'nominee.craftPeriods',
      );
    }
  });
  const months = spans.reduce((total, span) => total + wholeMonths(span.from, span.to), 0);
  return Math.floor(months / 12);
}

export interface EligibilityProblem {
  code: string;
  field: string;
  messages: Bilingual;
}

/**
 * The criteria the nominee does not meet on the nomination date, all at once (the council sees them together);
 * empty when eligible. Malformed craft periods throw (see `yearsInCraft`).
 */
export function artisanEligibilityProblems(
  title: ArtisanTitle,
  nominee: ArtisanNominee,
  nominatedOn: IsoDate,
): EligibilityProblem[] {
  const rules = ARTISAN_TITLE_RULES[title];
  const label = artisanTitleLabels[title];
  const problems: EligibilityProblem[] = [];
  const meritoriousHeld =
    nominee.meritoriousConferredOn !== null && nominee.meritoriousConferredOn <= nominatedOn;
  if (title === 'people' && !meritoriousHeld) {
    problems.push({
      code: 'artisan.meritorious-required',
      field: 'nominee.meritoriousConferredOn',
      messages: {
        vi: `Danh hiệu ${label} chỉ xét tặng cho người đã được phong tặng danh hiệu Nghệ nhân ưu tú (${ARTISAN_TITLE_RULES.basis})`,
        en: `People's Artisan is only for holders of the Meritorious Artisan title (${ARTISAN_TITLE_RULES.basis})`,
      },
    });
  }
  if (title === 'meritorious' && meritoriousHeld) {
    problems.push({
      code: 'artisan.title-already-held',
      field: 'nominee.meritoriousConferredOn',
      messages: {
        vi: `Người được đề nghị đã được phong tặng danh hiệu ${label}`,
        en: 'The nominee already holds the Meritorious Artisan title',
      },
    });
  }
  const years = yearsInCraft(nominee.craftPeriods, nominatedOn);
  if (years < rules.minYearsInCraft) {
    problems.push({
      code: 'artisan.years-in-craft',
      field: 'nominee.craftPeriods',
      messages: {
        vi: `Danh hiệu ${label} cần từ ${rules.minYearsInCraft} năm hoạt động trong nghề trở lên (liên tục hoặc cộng dồn); người được đề nghị có ${years} năm`,
        en: `${title === 'people' ? "People's" : 'Meritorious'} Artisan needs at least ${rules.minYearsInCraft} years in the craft (continuous or added up); the nominee has ${years}`,
      },
    });
  }
  const counted = nominee.works.filter(
    (work) =>
      work.recognition.trim() !== '' &&
      work.completedOn <= nominatedOn &&
      (title === 'meritorious' ||
        (nominee.meritoriousConferredOn !== null && work.completedOn > nominee.meritoriousConferredOn)),
  ).length;
  if (counted < rules.minQualifyingWorks) {
    problems.push({
      code: 'artisan.qualifying-works',
      field: 'nominee.works',
      messages:
        title === 'people'
          ? {
              vi: `Danh hiệu ${label} cần ${rules.minQualifyingWorks} sản phẩm, tác phẩm mới đạt tiêu chí, làm sau khi được phong tặng Nghệ nhân ưu tú; hồ sơ có ${counted}`,
              en: `People's Artisan needs ${rules.minQualifyingWorks} new qualifying works made after the Meritorious title; the dossier has ${counted}`,
            }
          : {
              vi: `Danh hiệu ${label} cần ít nhất ${rules.minQualifyingWorks} sản phẩm, tác phẩm đạt tiêu chí; hồ sơ có ${counted}`,
              en: `Meritorious Artisan needs at least ${rules.minQualifyingWorks} qualifying work(s); the dossier has ${counted}`,
            },
    });
  }
  return problems;
}

export function nominateArtisan(
  title: ArtisanTitle,
  nominee: ArtisanNominee,
  nominatedOn: IsoDate,
): ArtisanNomination {
  const [first] = artisanEligibilityProblems(title, nominee, nominatedOn);
  if (first) throw new RuleViolationError(first.messages, first.code, first.field);
  return { title, nominee, nominatedOn, stages: [] };
}

export function artisanNominationStatus(nomination: ArtisanNomination): ArtisanNominationStatus {
  const last = nomination.stages.at(-1);
  if (!last) return 'nominated';
  if (last.outcome === 'failed') return 'rejected';
  const passed: Record<ArtisanStage, ArtisanNominationStatus> = {
    'provincial-council': 'provincial-passed',
    'ministry-council': 'ministry-passed',
    'state-council': 'state-passed',
    conferral: 'conferred',
  };
  return passed[last.stage];
}

/** Records the next stage's decision. Stages go in order, none skipped; a failed stage or the conferral ends it. */
export function recordArtisanStage(
  nomination: ArtisanNomination,
  decision: StageDecision,
): ArtisanNomination {
  const status = artisanNominationStatus(nomination);
  if (status === 'conferred' || status === 'rejected') {
    throw new ConflictError(
      {
        vi: `Hồ sơ đề nghị đã kết thúc (${artisanNominationStatusLabels[status]})`,
        en: `The nomination is closed (${status})`,
      },
      'artisan.nomination-closed',
    );
  }
  const expected = ARTISAN_STAGES[nomination.stages.length];
  if (decision.stage !== expected) {
    throw new ConflictError(
      {
        vi: `Bước tiếp theo là ${artisanStageLabels[expected]}, không thể ghi ${artisanStageLabels[decision.stage]}`,
        en: `The next stage is ${expected}; ${decision.stage} cannot be recorded now`,
      },
      'artisan.stage-out-of-order',
      'stage',
    );
  }
  const previousDate = nomination.stages.at(-1)?.decidedOn ?? nomination.nominatedOn;
  if (decision.decidedOn < previousDate) {
    throw new RuleViolationError(
      {
        vi: `Ngày quyết định ${viDate(decision.decidedOn)} của ${artisanStageLabels[decision.stage]} không được trước ngày ${viDate(previousDate)} của bước trước`,
        en: `The ${decision.stage} decision date ${decision.decidedOn} may not precede ${previousDate}, the previous step's`,
      },
      'artisan.stage-date-backwards',
      'decidedOn',
    );
  }
  const decisionNumber = decision.decisionNumber.normalize('NFC').trim();
  if (decisionNumber === '') {
    throw new RuleViolationError(
      {
        vi: `${artisanStageLabels[decision.stage]} cần số quyết định`,
        en: `The ${decision.stage} decision needs its number`,
      },
      'artisan.decision-number-required',
      'decisionNumber',
    );
  }
  return { ...nomination, stages: [...nomination.stages, { ...decision, decisionNumber }] };
}
