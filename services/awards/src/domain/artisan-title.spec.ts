import { ConflictError, RuleViolationError } from '@kc/errors';
import {
  ARTISAN_TITLE_RULES,
  artisanEligibilityProblems,
  artisanNominationStatus,
  nominateArtisan,
  recordArtisanStage,
  yearsInCraft,
  type ArtisanNomination,
  type ArtisanNominee,
  type StageDecision,
} from './artisan-title';

const nominatedOn = '2026-03-01';
const work = (name: string, completedOn: string) => ({
  name,
  completedOn,
  recognition: 'Giải Nhì cuộc thi toàn quốc',
});

// Meritorious Artisan since 2018, 24 years in the craft, two works made after the title.
const meritoriousArtisan: ArtisanNominee = {
  fullName: 'Nguyễn Văn Thành',
  craft: 'Chạm khắc gỗ',
  provinceCode: '38',
  meritoriousConferredOn: '2018-09-01',
  craftPeriods: [{ from: '2002-01-15', to: null }],
  works: [
    work('Bình phong tứ linh', '2015-05-01'),
    work('Tượng Phật nghìn tay', '2020-04-10'),
    work('Hoành phi', '2024-08-20'),
  ],
};

// Not yet titled, 16 years in the craft, one qualifying work.
const craftsman: ArtisanNominee = {
  fullName: 'Trần Thị Hoa',
  craft: 'Dệt thổ cẩm',
  provinceCode: '14',
  meritoriousConferredOn: null,
  craftPeriods: [{ from: '2010-01-01', to: null }],
  works: [work('Khăn piêu', '2022-06-01')],
};

const codes = (...args: Parameters<typeof artisanEligibilityProblems>) =>
  artisanEligibilityProblems(...args).map((problem) => `${problem.code} @ ${problem.field}`);

const refusal = (act: () => unknown): string | undefined => {
  try {
    act();
  } catch (error) {
    if (error instanceof RuleViolationError) return `${error.code} @ ${error.field}`;
    if (error instanceof ConflictError) return `conflict ${error.code}`;
    throw error;
  }
  return undefined;
};

describe('rule data', () => {
  it('names its legal basis', () => {
    expect(ARTISAN_TITLE_RULES.basis).toBe('Nghị định 43/2024/NĐ-CP');
    expect(ARTISAN_TITLE_RULES.people).toEqual({ minYearsInCraft: 20, minQualifyingWorks: 2 });
  });
});

describe('years in the craft', () => {
  it('counts whole years up to the date', () => {
    expect(yearsInCraft([{ from: '2006-03-01', to: null }], '2026-03-01')).toBe(20);
    expect(yearsInCraft([{ from: '2006-03-02', to: null }], '2026-03-01')).toBe(19);
  });

  it('adds up separate periods', () => {
    const periods = [
      { from: '2000-01-01', to: '2010-01-01' },
      { from: '2015-06-01', to: '2025-06-01' },
    ];
    expect(yearsInCraft(periods, '2026-03-01')).toBe(20);
    expect(yearsInCraft([periods[0], { from: '2015-06-01', to: '2025-05-31' }], '2026-03-01')).toBe(19);
  });

  it('refuses overlapping periods, so no year counts twice', () => {
    const periods = [
      { from: '2015-06-01', to: '2025-06-01' },
      { from: '2000-01-01', to: '2016-01-01' },
    ];
    expect(refusal(() => yearsInCraft(periods, '2026-03-01'))).toBe(
      'artisan.craft-periods-overlap @ nominee.craftPeriods',
    );
  });

  it('refuses a period that ends before it starts or after the date', () => {
    expect(refusal(() => yearsInCraft([{ from: '2010-01-01', to: '2009-01-01' }], '2026-03-01'))).toBe(
      'artisan.craft-period-invalid @ nominee.craftPeriods',
    );
    expect(refusal(() => yearsInCraft([{ from: '2010-01-01', to: '2026-03-02' }], '2026-03-01'))).toBe(
      'artisan.craft-period-invalid @ nominee.craftPeriods',
    );
  });
});

describe("People's Artisan eligibility", () => {
  it('is met by a Meritorious Artisan with 20 years and two new works', () => {
    expect(codes('people', meritoriousArtisan, nominatedOn)).toEqual([]);
  });

  it('needs the Meritorious title first, held by the nomination date', () => {
    expect(codes('people', { ...meritoriousArtisan, meritoriousConferredOn: null }, nominatedOn)).toContain(
      'artisan.meritorious-required @ nominee.meritoriousConferredOn',
    );
    expect(
      codes('people', { ...meritoriousArtisan, meritoriousConferredOn: '2026-09-01' }, nominatedOn),
    ).toContain('artisan.meritorious-required @ nominee.meritoriousConferredOn');
  });

  it('needs 20 years in the craft', () => {
    const nineteen = { ...meritoriousArtisan, craftPeriods: [{ from: '2006-03-02', to: null }] };
    expect(codes('people', nineteen, nominatedOn)).toEqual(['artisan.years-in-craft @ nominee.craftPeriods']);
  });

  it('counts only works made after the Meritorious title', () => {
    const oneNew = { ...meritoriousArtisan, works: meritoriousArtisan.works.slice(0, 2) };
    expect(codes('people', oneNew, nominatedOn)).toEqual(['artisan.qualifying-works @ nominee.works']);
    const onConferralDay = { ...meritoriousArtisan, works: [...oneNew.works, work('Đôn gỗ', '2018-09-01')] };
    expect(codes('people', onConferralDay, nominatedOn)).toEqual([
      'artisan.qualifying-works @ nominee.works',
    ]);
  });

  it('does not count a work without its recognition, or completed after the nomination', () => {
    const [, second, third] = meritoriousArtisan.works;
    expect(
      codes(
        'people',
        { ...meritoriousArtisan, works: [second, { ...third, recognition: ' ' }] },
        nominatedOn,
      ),
    ).toEqual(['artisan.qualifying-works @ nominee.works']);
    expect(
      codes(
        'people',
        { ...meritoriousArtisan, works: [second, { ...third, completedOn: '2026-03-02' }] },
        nominatedOn,
      ),
    ).toEqual(['artisan.qualifying-works @ nominee.works']);
  });

  it('lists every unmet criterion at once', () => {
    expect(codes('people', craftsman, nominatedOn)).toEqual([
      'artisan.meritorious-required @ nominee.meritoriousConferredOn',
      'artisan.years-in-craft @ nominee.craftPeriods',
      'artisan.qualifying-works @ nominee.works',
    ]);
  });
});

describe('Meritorious Artisan eligibility', () => {
  it('is met with 15 years and a qualifying work', () => {
    expect(codes('meritorious', craftsman, nominatedOn)).toEqual([]);
  });

  it('needs 15 years in the craft', () => {
    expect(
      codes('meritorious', { ...craftsman, craftPeriods: [{ from: '2011-03-02', to: null }] }, nominatedOn),
    ).toEqual(['artisan.years-in-craft @ nominee.craftPeriods']);
  });

  it('needs a qualifying work, made at any time before the nomination', () => {
    expect(codes('meritorious', { ...craftsman, works: [] }, nominatedOn)).toEqual([
      'artisan.qualifying-works @ nominee.works',
    ]);
    expect(
      codes('meritorious', { ...craftsman, works: [work('Khăn piêu', '1999-01-01')] }, nominatedOn),
    ).toEqual([]);
  });

  it('is not given twice', () => {
    expect(codes('meritorious', meritoriousArtisan, nominatedOn)).toEqual([
      'artisan.title-already-held @ nominee.meritoriousConferredOn',
    ]);
  });
});

describe('nomination', () => {
  it('opens an eligible nomination with no stage recorded', () => {
    const nomination = nominateArtisan('people', meritoriousArtisan, nominatedOn);
    expect(nomination.stages).toEqual([]);
    expect(artisanNominationStatus(nomination)).toBe('nominated');
  });

  it('refuses an ineligible one with its first unmet criterion', () => {
    expect(refusal(() => nominateArtisan('people', craftsman, nominatedOn))).toBe(
      'artisan.meritorious-required @ nominee.meritoriousConferredOn',
    );
  });
});

describe('stages', () => {
  const nomination: ArtisanNomination = nominateArtisan('people', meritoriousArtisan, nominatedOn);
  const provincial: StageDecision = {
    stage: 'provincial-council',
    decisionNumber: '12/BB-HĐT',
    decidedOn: '2026-04-15',
    outcome: 'passed',
  };
  const ministry: StageDecision = {
    stage: 'ministry-council',
    decisionNumber: '45/BB-HĐB',
    decidedOn: '2026-07-01',
    outcome: 'passed',
  };
  const state: StageDecision = {
    stage: 'state-council',
    decisionNumber: '03/BB-HĐNN',
    decidedOn: '2026-10-20',
    outcome: 'passed',
  };
  const conferral: StageDecision = {
    stage: 'conferral',
    decisionNumber: '1234/QĐ-CTN',
    decidedOn: '2027-01-10',
    outcome: 'passed',
  };
  const through = (...decisions: StageDecision[]) => decisions.reduce(recordArtisanStage, nomination);

  it('goes through the three councils to the conferral', () => {
    expect(artisanNominationStatus(through(provincial))).toBe('provincial-passed');
    expect(artisanNominationStatus(through(provincial, ministry))).toBe('ministry-passed');
    expect(artisanNominationStatus(through(provincial, ministry, state))).toBe('state-passed');
    const conferred = through(provincial, ministry, state, conferral);
    expect(artisanNominationStatus(conferred)).toBe('conferred');
    expect(conferred.stages.map((stage) => stage.decisionNumber)).toEqual([
      '12/BB-HĐT',
      '45/BB-HĐB',
      '03/BB-HĐNN',
      '1234/QĐ-CTN',
    ]);
  });

  it('ends rejected at any failed stage', () => {
    expect(artisanNominationStatus(through({ ...provincial, outcome: 'failed' }))).toBe('rejected');
    expect(artisanNominationStatus(through(provincial, ministry, { ...state, outcome: 'failed' }))).toBe(
      'rejected',
    );
  });

  it('cannot skip a stage or repeat one', () => {
    expect(refusal(() => recordArtisanStage(nomination, ministry))).toBe(
      'conflict artisan.stage-out-of-order',
    );
    expect(refusal(() => through(provincial, state))).toBe('conflict artisan.stage-out-of-order');
    expect(refusal(() => through(provincial, provincial))).toBe('conflict artisan.stage-out-of-order');
    expect(refusal(() => through(provincial, ministry, conferral))).toBe(
      'conflict artisan.stage-out-of-order',
    );
  });

  it('takes nothing after a rejection or the conferral', () => {
    expect(refusal(() => through({ ...provincial, outcome: 'failed' }, ministry))).toBe(
      'conflict artisan.nomination-closed',
    );
    expect(refusal(() => through(provincial, ministry, state, conferral, conferral))).toBe(
      'conflict artisan.nomination-closed',
    );
  });

  it('refuses a date before the previous step, starting from the nomination', () => {
    expect(refusal(() => recordArtisanStage(nomination, { ...provincial, decidedOn: '2026-02-28' }))).toBe(
      'artisan.stage-date-backwards @ decidedOn',
    );
    expect(refusal(() => through(provincial, { ...ministry, decidedOn: '2026-04-14' }))).toBe(
      'artisan.stage-date-backwards @ decidedOn',
    );
    expect(refusal(() => through(provincial, { ...ministry, decidedOn: '2026-04-15' }))).toBeUndefined();
  });

  it('needs a decision number', () => {
    expect(refusal(() => recordArtisanStage(nomination, { ...provincial, decisionNumber: '  ' }))).toBe(
      'artisan.decision-number-required @ decisionNumber',
    );
  });
});
