import { rollUp, type RecordedFigures } from './roll-up';

const TODAY = '2026-03-02';
const in2018 = (provinceCode: string, figures: RecordedFigures['figures']): RecordedFigures => ({
  provinceCode,
  asOf: '2018-01-01',
  figures,
});

describe('conference roll-up', () => {
  it('rolls 2018 figures of old units up to the unit that holds their territory today', () => {
    const { units } = rollUp(
      [
        in2018('35', { provincialPlans: 1, provincialPlanBudgetVnd: 2_000_000_000 }), // Hà Nam
        in2018('36', { provincialPlans: 1, provincialPlanBudgetVnd: 3_000_000_000 }), // Nam Định
        in2018('37', { provincialPlans: 1, provincialPlanBudgetVnd: 4_000_000_000 }), // Ninh Bình
      ],
      { unitsOn: TODAY },
    );
    expect(units.find((u) => u.code === '37')).toMatchObject({
      nameVi: 'Ninh Bình',
      provincialPlans: 3,
      provincialPlanBudgetVnd: 9_000_000_000,
    });
  });

  it('rolls booth counts and support up with the other figures', () => {
    const { units } = rollUp(
      [
        in2018('35', { boothsAllocated: 2, boothsSupported: 1, boothSupportVnd: 9_600_000 }),
        in2018('36', { boothsAllocated: 1, boothsSupported: 1, boothSupportVnd: 8_000_000 }),
        { provinceCode: '37', asOf: '2027-03-10', figures: { boothsAllocated: 4 } },
      ],
      { unitsOn: TODAY },
    );
    expect(units.find((u) => u.code === '37')).toMatchObject({
      boothsAllocated: 7,
      boothsSupported: 2,
      boothSupportVnd: 17_600_000,
    });
  });

  it('lists every unit of the scope with zeros, by code, with its Vietnamese name and region', () => {
    const { units } = rollUp([], { unitsOn: TODAY });
    expect(units).toHaveLength(34);
    expect(units.map((u) => u.code)).toEqual([...units.map((u) => u.code)].sort());
    expect(units[0]).toMatchObject({
      code: '01',
      nameVi: 'Hà Nội',
      regionCode: 'north',
      provincialPlans: 0,
      fairsHosted: 0,
      boothsAllocated: 0,
      boothsSupported: 0,
      boothSupportVnd: 0,
    });
  });

  it("reads a retained code by its date: 15 was Yên Bái in 2018 and is Lào Cai now, both in today's 15", () => {
    const { units } = rollUp(
      [
        in2018('15', { projects: 1 }),
        in2018('10', { projects: 2 }),
        { provinceCode: '15', asOf: TODAY, figures: { projects: 4 } },
      ],
      { unitsOn: TODAY },
    );
    expect(units.find((u) => u.code === '15')).toMatchObject({ nameVi: 'Lào Cai', projects: 7 });
    expect(units.find((u) => u.code === '10')).toBeUndefined();
  });

  it("puts an old unit in the region of the unit it went into when grouping by today's units", () => {
    const binhThuan = [in2018('60', { fairsHosted: 1 })]; // a Southern province in 2018, in Central Lâm Đồng today
    expect(
      rollUp(binhThuan, { unitsOn: TODAY, region: 'central' }).units.find((u) => u.code === '68')
        ?.fairsHosted,
    ).toBe(1);
    const south = rollUp(binhThuan, { unitsOn: TODAY, region: 'south' });
    expect(south.units.some((u) => u.fairsHosted > 0)).toBe(false);
    expect(south.units).toHaveLength(8);
  });

  it('shows the units as they were, in their region of that year, when grouping historically', () => {
    const { units } = rollUp([in2018('60', { fairsHosted: 1 }), in2018('36', { provincialPlans: 1 })], {
      unitsOn: '2018-01-01',
      region: 'south',
    });
    expect(units).toHaveLength(20);
    expect(units.find((u) => u.code === '60')).toMatchObject({ nameVi: 'Bình Thuận', fairsHosted: 1 });
    expect(units.some((u) => u.provincialPlans > 0)).toBe(false); // Nam Định is Northern
  });

  it("cannot split a merged unit back: a cluster registered under today's 37 is unattributed in 2018 units", () => {
    const cluster = { provinceCode: '37', asOf: '2025-09-15', figures: { clustersRegistered: 1 } };
    const north = rollUp([cluster], { unitsOn: '2018-01-01', region: 'north' });
    expect(north.units.find((u) => u.code === '37')?.clustersRegistered).toBe(0);
    expect(north.unattributed.clustersRegistered).toBe(1);
    expect(
      rollUp([cluster], { unitsOn: '2018-01-01', region: 'south' }).unattributed.clustersRegistered,
    ).toBe(0);
  });

  it('keeps a unit that has not changed since, even when the fact was recorded later', () => {
    const { units, unattributed } = rollUp(
      [{ provinceCode: '40', asOf: '2027-01-01', figures: { provincialPlans: 1 } }],
      {
        unitsOn: TODAY,
      },
    );
    expect(units.find((u) => u.code === '40')?.provincialPlans).toBe(1);
    expect(unattributed.provincialPlans).toBe(0);
  });

  it('refuses a code that named no unit on its date instead of dropping it', () => {
    expect(() => rollUp([in2018('99', { provincialPlans: 1 })], { unitsOn: TODAY })).toThrow(RangeError);
  });
});
