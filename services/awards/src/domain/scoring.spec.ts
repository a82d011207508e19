import fc from 'fast-check';
import { RuleViolationError } from '@kc/errors';
import {
  checkCriteriaConfig,
  scoreSheet,
  sheetInTenths,
  statutoryCriteria,
  type CriteriaConfig,
  type SheetScores,
} from './scoring';

const ruleOf = (act: () => unknown): string | undefined => {
  try {
    act();
  } catch (error) {
    if (error instanceof RuleViolationError) return `${error.code} @ ${error.field}`;
    throw error;
  }
  return undefined;
};

const fromPoints = (config: CriteriaConfig, scores: SheetScores<number>) =>
  scoreSheet(config, sheetInTenths(config, { jurorId: 'j1', entryCode: 'SP-01', scores }));

const whole = {
  market: 35.5,
  'economic-technical-social-environmental': 30,
  'cultural-aesthetic': 7.3,
  other: 8,
};

// A round that splits market fit into demand (25) and production capacity (15).
const split: CriteriaConfig = {
  criteria: statutoryCriteria.criteria.map((c) =>
    c.id === 'market'
      ? {
          ...c,
          subCriteria: [
            { id: 'demand', label: { vi: 'Nhu cầu thị trường', en: 'Market demand' }, maxTenths: 250 },
            { id: 'capacity', label: { vi: 'Năng lực sản xuất', en: 'Production capacity' }, maxTenths: 150 },
          ],
        }
      : c,
  ),
};

describe('criteria config', () => {
  it('accepts the statutory criteria and a consistent split', () => {
    expect(checkCriteriaConfig(statutoryCriteria)).toBe(statutoryCriteria);
    expect(checkCriteriaConfig(split)).toBe(split);
  });

  it('refuses a changed statutory maximum or order', () => {
    const criteria = statutoryCriteria.criteria;
    const richer = { criteria: criteria.map((c, i) => (i === 2 ? { ...c, maxTenths: 150 } : c)) };
    expect(ruleOf(() => checkCriteriaConfig(richer))).toBe('award-criteria.statutory-mismatch @ criteria');
    const swapped = { criteria: [criteria[1], criteria[0], criteria[2], criteria[3]] };
    expect(ruleOf(() => checkCriteriaConfig(swapped))).toBe('award-criteria.statutory-mismatch @ criteria');
  });

  it('refuses sub-criteria whose maxima do not sum to the criterion maximum', () => {
    const market = split.criteria[0];
    const short = {
      criteria: [
        { ...market, subCriteria: [market.subCriteria[0], { ...market.subCriteria[1], maxTenths: 145 }] },
        ...split.criteria.slice(1),
      ],
    };
    expect(ruleOf(() => checkCriteriaConfig(short))).toBe(
      'award-criteria.sub-criteria-sum @ criteria.0.subCriteria',
    );
  });

  it('refuses a repeated sub-criterion id and a fractional tenth maximum', () => {
    const market = split.criteria[0];
    const repeated = {
      criteria: [
        { ...market, subCriteria: [market.subCriteria[0], { ...market.subCriteria[1], id: 'demand' }] },
        ...split.criteria.slice(1),
      ],
    };
    expect(ruleOf(() => checkCriteriaConfig(repeated))).toBe(
      'award-criteria.invalid-sub-criterion-id @ criteria.0.subCriteria.1.id',
    );
    const fractional = {
      criteria: [
        {
          ...market,
          subCriteria: [
            { ...market.subCriteria[0], maxTenths: 249.5 },
            { ...market.subCriteria[1], maxTenths: 150.5 },
          ],
        },
        ...split.criteria.slice(1),
      ],
    };
    expect(ruleOf(() => checkCriteriaConfig(fractional))).toBe(
      'award-criteria.invalid-max @ criteria.0.subCriteria.0.maxTenths',
    );
  });
});

describe('score sheet', () => {
  it('totals a sheet exactly in tenths', () => {
    const sheet = fromPoints(statutoryCriteria, whole);
    expect(sheet.scoresTenths).toEqual({
      market: 355,
      'economic-technical-social-environmental': 300,
      'cultural-aesthetic': 73,
      other: 80,
    });
    expect(sheet.totalTenths).toBe(808);
  });

  it('keeps any one-decimal score exact (no float drift)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 100 }), (market, other) => {
        const scores = { ...whole, market: market / 10, other: other / 10 };
        const sheet = sheetInTenths(statutoryCriteria, { jurorId: 'j1', entryCode: 'SP-01', scores });
        expect(sheet.scoresTenths['market']).toBe(market);
        expect(sheet.scoresTenths['other']).toBe(other);
      }),
    );
  });

  it('refuses a score with two decimals, naming the criterion in both languages', () => {
    const act = () => fromPoints(statutoryCriteria, { ...whole, 'cultural-aesthetic': 7.25 });
    expect(ruleOf(act)).toBe('score-sheet.too-precise @ scores.cultural-aesthetic');
    expect(() => act()).toThrow(/Tính văn hóa và thẩm mỹ.*Cultural and aesthetic value/);
  });

  it('refuses a score above its criterion maximum or below zero', () => {
    const over = () => fromPoints(statutoryCriteria, { ...whole, market: 40.1 });
    expect(ruleOf(over)).toBe('score-sheet.out-of-range @ scores.market');
    expect(() => over()).toThrow('là 40,1, phải từ 0 đến 40');
    expect(ruleOf(() => fromPoints(statutoryCriteria, { ...whole, other: -0.1 }))).toBe(
      'score-sheet.out-of-range @ scores.other',
    );
    expect(ruleOf(() => fromPoints(statutoryCriteria, { ...whole, market: 40 }))).toBeUndefined();
  });

  it('refuses a missing or unknown criterion', () => {
    const { other: _, ...missing } = whole;
    expect(ruleOf(() => fromPoints(statutoryCriteria, missing))).toBe(
      'score-sheet.missing-score @ scores.other',
    );
    expect(ruleOf(() => fromPoints(statutoryCriteria, { ...whole, bonus: 5 }))).toBe(
      'score-sheet.unknown-criterion @ scores.bonus',
    );
  });

  it('refuses tenths that are not whole numbers', () => {
    const scoresTenths = {
      ...sheetInTenths(statutoryCriteria, { jurorId: 'j', entryCode: 'e', scores: whole }).scoresTenths,
      other: 80.5,
    };
    expect(ruleOf(() => scoreSheet(statutoryCriteria, { jurorId: 'j', entryCode: 'e', scoresTenths }))).toBe(
      'score-sheet.not-tenths @ scores.other',
    );
  });

  describe('with sub-criteria', () => {
    it('scores each sub-criterion and sums them into the criterion', () => {
      const sheet = fromPoints(split, { ...whole, market: { demand: 20.5, capacity: 15 } });
      expect(sheet.scoresTenths['market']).toEqual({ demand: 205, capacity: 150 });
      expect(sheet.totalTenths).toBe(205 + 150 + 300 + 73 + 80);
    });

    it('refuses a sub-criterion above its own maximum even when the criterion total fits', () => {
      const act = () => fromPoints(split, { ...whole, market: { demand: 10, capacity: 15.5 } });
      expect(ruleOf(act)).toBe('score-sheet.out-of-range @ scores.market.capacity');
      expect(() => act()).toThrow(/Năng lực sản xuất.*Production capacity/);
    });

    it('refuses one score for a split criterion, and parts for a whole one', () => {
      expect(ruleOf(() => fromPoints(split, whole))).toBe(
        'score-sheet.sub-criteria-required @ scores.market',
      );
      expect(
        ruleOf(() => fromPoints(statutoryCriteria, { ...whole, market: { demand: 20, capacity: 15 } })),
      ).toBe('score-sheet.not-split @ scores.market');
    });

    it('refuses a missing or unknown sub-criterion', () => {
      expect(ruleOf(() => fromPoints(split, { ...whole, market: { demand: 20 } }))).toBe(
        'score-sheet.missing-score @ scores.market.capacity',
      );
      expect(
        ruleOf(() => fromPoints(split, { ...whole, market: { demand: 20, capacity: 5, price: 1 } })),
      ).toBe('score-sheet.unknown-sub-criterion @ scores.market.price');
    });
  });
});
