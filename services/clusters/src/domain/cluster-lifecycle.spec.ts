import { DomainError } from '@kc/errors';
import { takeStep, type AreaCluster, type LifecycleCommand } from './cluster-lifecycle';
import type { ClusterRecord, Developer, Infrastructure } from './cluster-record';
import type { Decision } from './decision';

const today = '2026-03-02';

const developer: Developer = {
  kind: 'enterprise',
  name: 'Công ty Cổ phần Hạ tầng Nghi Lộc',
  taxCode: '2901234567',
  selection: 'evaluation-council',
};

const decision = (date: string, overrides: Partial<Decision> = {}): Decision => ({
  number: '2345/QĐ-UBND',
  date,
  authority: 'provincial-peoples-committee',
  issuedBy: 'UBND tỉnh Nghệ An',
  ...overrides,
});

const listed: ClusterRecord = {
  code: 'CCN-40-007',
  name: 'Cụm công nghiệp Nghi Phong',
  provinceCode: '40',
  commune: 'Xã Nghi Phong',
  formerDistrict: 'Huyện Nghi Lộc',
  sizeCategory: 'standard',
  status: 'planned',
  provincialList: { decisionNumber: '1059/QĐ-TTg', date: '2022-01-10' },
  areas: { totalCentiHa: 5000, industrialCentiHa: null, leasableCentiHa: null, leasedCentiHa: null },
  developer: null,
  investment: { registeredVnd: null, realisedVnd: null },
  infrastructure: { roads: 'none', power: 'none', water: 'none', drainage: 'none', wastewaterPlant: null },
  tenants: [],
  history: [],
};

const establish = (
  overrides: Partial<Extract<LifecycleCommand, { step: 'establish' }>> = {},
): LifecycleCommand => ({
  step: 'establish',
  decision: decision('2025-09-12'),
  totalCentiHa: 5000,
  developer,
  areaClusters: [],
  ...overrides,
});

/** Clusters of the area with the given leased and leasable areas. */
const area = (...figures: [leased: number, leasable: number][]): AreaCluster[] =>
  figures.map(([leased, leasable], i) => ({
    code: `CCN-40-00${i + 1}`,
    leasedCentiHa: leased,
    leasableCentiHa: leasable,
  }));

const completedWorks: Infrastructure = {
  roads: 'in-use',
  power: 'in-use',
  water: 'in-use',
  drainage: 'in-use',
  wastewaterPlant: { capacityM3PerDay: 800, status: 'in-use' },
};

/** An operating cluster of 50 ha, 40 ha leasable of which 24 ha are leased (60 %). */
const operating: ClusterRecord = {
  ...listed,
  status: 'operating',
  developer,
  areas: { totalCentiHa: 5000, industrialCentiHa: 4200, leasableCentiHa: 4000, leasedCentiHa: 2400 },
  infrastructure: completedWorks,
  history: [
    {
      step: 'start-operating',
      from: 'infrastructure',
      to: 'operating',
      decision: decision('2022-05-20', { number: '88/QĐ-UBND', authority: 'district-peoples-committee' }),
      ruleSetId: 'nd-68-2017',
      totalCentiHa: 5000,
      note: null,
    },
  ],
};

const expand = (
  overrides: Partial<Extract<LifecycleCommand, { step: 'expand' }>> = {},
): LifecycleCommand => ({
  step: 'expand',
  decision: decision('2025-11-03'),
  addedCentiHa: 1500,
  leaseDemandCentiHa: null,
  developer: null,
  ...overrides,
});

const refusal = (make: () => unknown) => {
  try {
    make();
  } catch (error) {
    if (error instanceof DomainError) {
      return { kind: error.kind, code: error.code, field: error.field, messages: error.messages };
    }
    throw error;
  }
  throw new Error('the step was not refused');
};
const codeOf = (make: () => unknown) => refusal(make).code;

describe('the cluster lifecycle', () => {
  describe('establishing', () => {
    it('establishes a listed cluster with its developer and area, recording the decision and the rule set', () => {
      const established = takeStep(listed, establish({ areaClusters: area([3000, 5000]) }), today);
      expect(established).toMatchObject({ status: 'established', developer, areas: { totalCentiHa: 5000 } });
      expect(established.history).toEqual([
        {
          step: 'establish',
          from: 'planned',
          to: 'established',
          decision: decision('2025-09-12'),
          ruleSetId: 'nd-32-2024',
          totalCentiHa: 5000,
          note: null,
        },
      ]);
      expect(listed.status).toBe('planned');
    });

    it('refuses an area under 10 ha, naming the rule and its legal basis in both languages', () => {
      expect(refusal(() => takeStep(listed, establish({ totalCentiHa: 950 }), today))).toEqual({
        kind: 'rule-violated',
        code: 'cluster.size-out-of-range',
        field: 'totalCentiHa',
        messages: {
          vi: 'Diện tích cụm công nghiệp phải từ 10 ha đến 75 ha (khoản 1 Điều 2 Nghị định 32/2024/NĐ-CP); diện tích là 9,5 ha',
          en: 'The area of a cluster must be 10 ha to 75 ha (Article 2(1) of Decree 32/2024/ND-CP); it is 9.5 ha',
        },
      });
      expect(codeOf(() => takeStep(listed, establish({ totalCentiHa: 7501 }), today))).toBe(
        'cluster.size-out-of-range',
      );
      expect(takeStep(listed, establish({ totalCentiHa: 1000 }), today).areas.totalCentiHa).toBe(1000);
    });

    it('lets a mountain-district or craft-village cluster go down to 5 ha', () => {
      for (const sizeCategory of ['mountain-district', 'craft-village'] as const) {
        const small = { ...listed, sizeCategory };
        expect(takeStep(small, establish({ totalCentiHa: 500 }), today).status).toBe('established');
        expect(refusal(() => takeStep(small, establish({ totalCentiHa: 499 }), today)).messages.en).toMatch(
          /must be 5 ha to 75 ha \(Article 2\(1\) of Decree 32\/2024\/ND-CP\)/,
        );
      }
    });

    it('needs the cluster on the approved provincial list and a developer (Article 8(1)(a), (b))', () => {
      const unlisted = refusal(() => takeStep({ ...listed, provincialList: null }, establish(), today));
      expect([unlisted.code, unlisted.field]).toEqual(['cluster.not-on-provincial-list', 'provincialList']);
      expect(unlisted.messages.vi).toContain('(điểm a khoản 1 Điều 8 Nghị định 32/2024/NĐ-CP)');
      const noDeveloper = refusal(() => takeStep(listed, establish({ developer: null }), today));
      expect([noDeveloper.code, noDeveloper.field]).toEqual(['cluster.developer-required', 'developer']);
      expect(noDeveloper.messages.en).toContain('(Article 8(1)(b) of Decree 32/2024/ND-CP)');
    });

    it("needs the area's clusters to average above 50 % occupancy, judged exactly", () => {
      // 2/3, 4/5 and 1/30 average exactly 50 %: not above it. 112.5 ha unleased rules out the other way.
      const atHalf = area([5000, 7500], [6000, 7500], [250, 7500]);
      expect(refusal(() => takeStep(listed, establish({ areaClusters: atHalf }), today))).toEqual({
        kind: 'rule-violated',
        code: 'cluster.area-occupancy',
        field: 'areaClusters',
        messages: {
          vi:
            'Chỉ thành lập cụm công nghiệp khi các cụm công nghiệp đã thành lập trên địa bàn có tỷ lệ lấp đầy trung bình trên 50% ' +
            'hoặc tổng quỹ đất công nghiệp chưa cho thuê không vượt quá 100 ha (điểm c khoản 1 Điều 8 Nghị định 32/2024/NĐ-CP); ' +
            '3 cụm trên địa bàn có tỷ lệ lấp đầy trung bình 50% và 112,5 ha đất công nghiệp chưa cho thuê',
          en:
            'A cluster may be established only when the clusters already established in the area average more than 50% ' +
            'occupancy or have at most 100 ha of industrial land not yet leased (Article 8(1)(c) of Decree 32/2024/ND-CP); ' +
            "the area's 3 clusters average 50% with 112.5 ha not leased",
        },
      });
      const justAbove = area([5000, 7500], [6000, 7500], [251, 7500]);
      expect(takeStep(listed, establish({ areaClusters: justAbove }), today).status).toBe('established');
    });

    it('accepts a low average when the unleased industrial land is at most 100 ha (Decree 32/2024)', () => {
      // Four half-leased clusters: an average of exactly 50 %, and exactly 100 ha not leased.
      const exactly100 = area([2500, 5000], [2500, 5000], [2500, 5000], [2500, 5000]);
      expect(takeStep(listed, establish({ areaClusters: exactly100 }), today).status).toBe('established');
      const over100 = area([2500, 5000], [2500, 5000], [2500, 5000], [2499, 5000]);
      expect(codeOf(() => takeStep(listed, establish({ areaClusters: over100 }), today))).toBe(
        'cluster.area-occupancy',
      );
    });

    it('judges a decision dated before 01/05/2024 by Decree 68/2017: unleased land under 50 ha', () => {
      const halfLeased = area([2500, 5000], [2500, 5000]);
      const under68 = refusal(() =>
        takeStep(listed, establish({ decision: decision('2023-06-01'), areaClusters: halfLeased }), today),
      );
      expect(under68.code).toBe('cluster.area-occupancy');
      expect(under68.messages.vi).toContain('dưới 50 ha (Nghị định 68/2017/NĐ-CP)');
      expect(under68.messages.en).toContain(
        'less than 50 ha of industrial land not yet leased (Decree 68/2017/ND-CP)',
      );
      const under32 = takeStep(
        listed,
        establish({ decision: decision('2024-05-01'), areaClusters: halfLeased }),
        today,
      );
      expect(under32.history[0].ruleSetId).toBe('nd-32-2024');
      const smaller = area([2500, 5000], [2499, 4998]);
      const with68 = takeStep(
        listed,
        establish({ decision: decision('2024-04-30'), areaClusters: smaller }),
        today,
      );
      expect(with68.history[0].ruleSetId).toBe('nd-68-2017');
    });

    it("refuses when an area cluster's occupancy is not known, rather than guessing it", () => {
      const unknown: AreaCluster[] = [
        ...area([5000, 7500]),
        { code: 'CCN-40-009', leasedCentiHa: null, leasableCentiHa: 3000 },
      ];
      const refused = refusal(() => takeStep(listed, establish({ areaClusters: unknown }), today));
      expect(refused.code).toBe('cluster.area-occupancy-unknown');
      expect(refused.messages.en).toContain('the leasable and leased areas of CCN-40-009 are not known');
    });

    it('refuses an area cluster leased beyond its leasable land, which would inflate the average', () => {
      expect(codeOf(() => takeStep(listed, establish({ areaClusters: area([5001, 5000]) }), today))).toBe(
        'cluster.area-nesting',
      );
    });

    it("needs the provincial People's Committee's decision", () => {
      const byDistrict = decision('2025-09-12', {
        authority: 'district-peoples-committee',
        issuedBy: 'UBND huyện Nghi Lộc',
      });
      expect(refusal(() => takeStep(listed, establish({ decision: byDistrict }), today))).toMatchObject({
        code: 'cluster.decision-authority',
        field: 'decision.authority',
        messages: {
          vi:
            'Quyết định thành lập cụm công nghiệp do Ủy ban nhân dân cấp tỉnh ban hành (Điều 10 và Điều 12 Nghị định 32/2024/NĐ-CP); ' +
            'quyết định 2345/QĐ-UBND do Ủy ban nhân dân cấp huyện ban hành',
        },
      });
    });

    it('refuses a decision older than the listing, in the future, or before any recorded rules', () => {
      expect(codeOf(() => takeStep(listed, establish({ decision: decision('2021-12-31') }), today))).toBe(
        'cluster.decision-out-of-order',
      );
      expect(codeOf(() => takeStep(listed, establish({ decision: decision('2026-03-03') }), today))).toBe(
        'cluster.decision-in-future',
      );
      const oldList = { ...listed, provincialList: { decisionNumber: '12/QĐ-UBND', date: '2015-01-01' } };
      expect(codeOf(() => takeStep(oldList, establish({ decision: decision('2016-06-01') }), today))).toBe(
        'cluster.no-rule-set',
      );
    });
  });

  describe('stages', () => {
    it('goes established → detailed plan → infrastructure → operating, each with its decision', () => {
      const byDistrict = (date: string, number: string) =>
        decision(date, { number, authority: 'district-peoples-committee', issuedBy: 'UBND huyện Nghi Lộc' });
      let record = takeStep(listed, establish(), today);
      record = takeStep(
        record,
        {
          step: 'approve-detailed-plan',
          decision: byDistrict('2025-10-01', '501/QĐ-UBND'),
          areas: { industrialCentiHa: 4200, leasableCentiHa: 4000 },
        },
        today,
      );
      record = takeStep(
        record,
        { step: 'start-infrastructure', decision: byDistrict('2025-11-15', '77/QĐ-HT') },
        today,
      );
      record = takeStep(
        record,
        { step: 'start-operating', decision: byDistrict('2026-02-01', '12/BB-NT') },
        today,
      );
      expect(record.status).toBe('operating');
      expect(record.areas).toEqual({
        totalCentiHa: 5000,
        industrialCentiHa: 4200,
        leasableCentiHa: 4000,
        leasedCentiHa: null,
      });
      expect(record.history.map((h) => [h.from, h.to, h.decision.number])).toEqual([
        ['planned', 'established', '2345/QĐ-UBND'],
        ['established', 'detailed-plan', '501/QĐ-UBND'],
        ['detailed-plan', 'infrastructure', '77/QĐ-HT'],
        ['infrastructure', 'operating', '12/BB-NT'],
      ]);
    });

    it('refuses a step out of order with a conflict naming the status in both languages', () => {
      expect(
        refusal(() => takeStep(listed, { step: 'start-operating', decision: decision('2025-09-12') }, today)),
      ).toEqual({
        kind: 'conflict',
        code: 'cluster.illegal-transition',
        field: 'status',
        messages: {
          vi: 'Không thể đưa vào hoạt động cụm công nghiệp CCN-40-007 đang ở trạng thái "Có trong quy hoạch"',
          en: 'Cannot put into operation cluster CCN-40-007 while it is on the provincial list',
        },
      });
      expect(codeOf(() => takeStep(operating, establish(), today))).toBe('cluster.illegal-transition');
    });

    it('refuses a detailed plan whose areas do not nest in the cluster', () => {
      const established = takeStep(listed, establish(), today);
      const plan: LifecycleCommand = {
        step: 'approve-detailed-plan',
        decision: decision('2025-10-01'),
        areas: { industrialCentiHa: 4200, leasableCentiHa: 4300 },
      };
      expect(codeOf(() => takeStep(established, plan, today))).toBe('cluster.area-nesting');
    });
  });

  describe('expanding', () => {
    it('expands a cluster at 60 % occupancy with its shared works in use, keeping its stage', () => {
      const expanded = takeStep(operating, expand(), today);
      expect(expanded.status).toBe('operating');
      expect(expanded.areas.totalCentiHa).toBe(6500);
      expect(expanded.history.at(-1)).toMatchObject({
        step: 'expand',
        from: 'operating',
        to: 'operating',
        totalCentiHa: 6500,
      });
    });

    it('refuses below 60 %, showing the figure rounded down so it never reads as 60 %', () => {
      const below = { ...operating, areas: { ...operating.areas, leasedCentiHa: 2399 } };
      expect(refusal(() => takeStep(below, expand(), today))).toEqual({
        kind: 'rule-violated',
        code: 'cluster.expansion-occupancy',
        field: 'areas.leasedCentiHa',
        messages: {
          vi:
            'Mở rộng cụm công nghiệp cần tỷ lệ lấp đầy ít nhất 60% hoặc nhu cầu thuê đất công nghiệp vượt quá diện tích đất công nghiệp hiện có ' +
            '(điểm c khoản 2 Điều 8 Nghị định 32/2024/NĐ-CP); tỷ lệ lấp đầy hiện là 59,9%',
          en:
            'Expanding a cluster needs at least 60% occupancy or a demand for industrial land above the industrial land it has ' +
            '(Article 8(2)(c) of Decree 32/2024/ND-CP); its occupancy is 59.9%',
        },
      });
    });

    it('expands on demand for more industrial land than the cluster has, whatever its occupancy', () => {
      const quarter = { ...operating, areas: { ...operating.areas, leasedCentiHa: 1000 } };
      expect(takeStep(quarter, expand({ leaseDemandCentiHa: 4001 }), today).areas.totalCentiHa).toBe(6500);
      expect(codeOf(() => takeStep(quarter, expand({ leaseDemandCentiHa: 4000 }), today))).toBe(
        'cluster.expansion-occupancy',
      );
    });

    it('refuses when the occupancy is not known', () => {
      const unknown = { ...operating, areas: { ...operating.areas, leasedCentiHa: null } };
      expect(codeOf(() => takeStep(unknown, expand(), today))).toBe('cluster.expansion-occupancy-unknown');
    });

    it('refuses a total above 75 ha after expansion (Article 8(2)(a))', () => {
      expect(takeStep(operating, expand({ addedCentiHa: 2500 }), today).areas.totalCentiHa).toBe(7500);
      const over = refusal(() => takeStep(operating, expand({ addedCentiHa: 2501 }), today));
      expect([over.code, over.field]).toEqual(['cluster.expansion-area-limit', 'addedCentiHa']);
      expect(over.messages).toEqual({
        vi: 'Tổng diện tích cụm công nghiệp sau khi mở rộng không được vượt quá 75 ha (điểm a khoản 2 Điều 8 Nghị định 32/2024/NĐ-CP); sau mở rộng sẽ là 75,01 ha',
        en: "A cluster's total area after expansion must not exceed 75 ha (Article 8(2)(a) of Decree 32/2024/ND-CP); it would be 75.01 ha",
      });
      expect(codeOf(() => takeStep(operating, expand({ addedCentiHa: 0 }), today))).toBe(
        'cluster.expansion-nothing-added',
      );
    });

    it('needs the essential shared works in use: roads, water and wastewater under Decree 32/2024', () => {
      const noPlant = {
        ...operating,
        infrastructure: { ...completedWorks, wastewaterPlant: null, power: 'under-construction' as const },
      };
      const refused = refusal(() => takeStep(noPlant, expand(), today));
      expect([refused.code, refused.field]).toEqual(['cluster.expansion-infrastructure', 'infrastructure']);
      expect(refused.messages.vi).toContain(
        '(điểm d khoản 2 Điều 8 Nghị định 32/2024/NĐ-CP); chưa đưa vào sử dụng: trạm xử lý nước thải tập trung',
      );
      const powerPending = {
        ...operating,
        infrastructure: { ...completedWorks, power: 'under-construction' as const },
      };
      expect(takeStep(powerPending, expand(), today).status).toBe('operating');
    });

    it('needed every shared work in use under Decree 68/2017, power included', () => {
      const powerPending = {
        ...operating,
        infrastructure: { ...completedWorks, power: 'under-construction' as const },
      };
      const refused = refusal(() =>
        takeStep(powerPending, expand({ decision: decision('2023-03-01') }), today),
      );
      expect(refused.code).toBe('cluster.expansion-infrastructure');
      expect(refused.messages.en).toContain('(Decree 68/2017/ND-CP); not yet in use: power supply');
    });

    it('needs a developer, taking one from the expansion when the record has none', () => {
      const noDeveloper = { ...operating, developer: null };
      expect(codeOf(() => takeStep(noDeveloper, expand(), today))).toBe('cluster.developer-required');
      expect(takeStep(noDeveloper, expand({ developer }), today).developer).toEqual(developer);
    });
  });

  describe('adjusting and removing', () => {
    it("adjusts a cluster's name, developer or a smaller area, within the size bounds and its own areas", () => {
      const cooperative: Developer = {
        ...developer,
        kind: 'cooperative',
        name: 'HTX Công nghiệp Nghi Phong',
      };
      const adjusted = takeStep(
        operating,
        {
          step: 'adjust',
          decision: decision('2025-12-01'),
          changes: { name: ' Cụm công nghiệp Nghi Phong 1 ', totalCentiHa: 4800, developer: cooperative },
        },
        today,
      );
      expect(adjusted).toMatchObject({
        name: 'Cụm công nghiệp Nghi Phong 1',
        developer: cooperative,
        status: 'operating',
      });
      expect(adjusted.areas.totalCentiHa).toBe(4800);
      const shrink = (totalCentiHa: number): LifecycleCommand => ({
        step: 'adjust',
        decision: decision('2025-12-01'),
        changes: { totalCentiHa },
      });
      expect(takeStep(operating, shrink(4200), today).areas.totalCentiHa).toBe(4200);
      expect(codeOf(() => takeStep(operating, shrink(4199), today))).toBe('cluster.area-nesting');
      const bare = { ...operating, areas: { ...listed.areas } };
      expect(codeOf(() => takeStep(bare, shrink(999), today))).toBe('cluster.size-out-of-range');
    });

    it('refuses an increase in area by adjustment: that is an expansion', () => {
      const bigger: LifecycleCommand = {
        step: 'adjust',
        decision: decision('2025-12-01'),
        changes: { totalCentiHa: 5001 },
      };
      expect(codeOf(() => takeStep(operating, bigger, today))).toBe('cluster.adjustment-increases-area');
    });

    it("removes a cluster by the provincial People's Committee's decision, with its reason", () => {
      const removal: LifecycleCommand = {
        step: 'remove',
        decision: decision('2026-01-20'),
        reason: ' Chủ đầu tư không triển khai dự án ',
      };
      const removed = takeStep(operating, removal, today);
      expect(removed.status).toBe('removed');
      expect(removed.history.at(-1)).toMatchObject({
        step: 'remove',
        from: 'operating',
        to: 'removed',
        note: 'Chủ đầu tư không triển khai dự án',
      });
      expect(codeOf(() => takeStep(operating, { ...removal, reason: ' ' }, today))).toBe(
        'cluster.removal-reason-required',
      );
      expect(codeOf(() => takeStep(removed, expand({ decision: decision('2026-02-01') }), today))).toBe(
        'cluster.illegal-transition',
      );
    });

    it('takes a listed cluster off the list on any authority, but an established one only by the province', () => {
      const byDistrict = decision('2025-09-12', { authority: 'district-peoples-committee' });
      const removal = (d: Decision): LifecycleCommand => ({
        step: 'remove',
        decision: d,
        reason: 'Không còn quỹ đất phù hợp',
      });
      expect(takeStep(listed, removal(byDistrict), today).status).toBe('removed');
      expect(codeOf(() => takeStep(operating, removal(byDistrict), today))).toBe(
        'cluster.decision-authority',
      );
    });
  });
});
