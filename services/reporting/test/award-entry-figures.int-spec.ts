import type { ConferenceReport } from '@kc/contracts';
import { central, eventually } from '@kc/testing';
import { useReportingContext } from './support/reporting-context';
import { ARTISANS, awardRoundEvents, ENTRIES, ROUNDS, titleConferred } from './support/reporting-events';

// A year before the 2025 reorganisation that no other test uses (63 units then, 34 now).
const YEAR = 2013;
const zeroLevels = { commune: 0, provincial: 0, regional: 0, national: 0 };
const noCounts = { byLevel: zeroLevels, byGroup: {} };

// Nam Định (36) and Hà Nam (35) are in today's Ninh Bình (37); Nghệ An (40) and Hồ Chí Minh City (79) kept
// their codes.
const regional = awardRoundEvents({
  level: 'regional',
  year: YEAR,
  regionCode: 'north',
  announcedOn: '2013-11-05',
  entrants: [
    { provinceCode: '36', productGroup: 'handicraft', entries: 3, passed: 2, submittedOn: '2013-06-10' },
    { provinceCode: '35', productGroup: 'agro-food', entries: 2, passed: 1, submittedOn: '2013-06-12' },
  ],
});
const provincial = awardRoundEvents({
  level: 'provincial',
  year: YEAR,
  provinceCode: '40',
  announcedOn: '2013-05-20',
  entrants: [
    { provinceCode: '40', productGroup: 'machinery', entries: 4, passed: 3, submittedOn: '2013-04-02' },
  ],
});
const national = awardRoundEvents({
  level: 'national',
  year: YEAR,
  announcedOn: '2013-12-10',
  entrants: [
    { provinceCode: '79', productGroup: 'other', entries: 2, passed: 1, submittedOn: '2013-09-01' },
    { provinceCode: '36', productGroup: 'handicraft', entries: 1, passed: 0, submittedOn: '2013-09-01' },
  ],
});

// 2025: Yên Bái (15) entered in May; on the announcement day code 15 named the new Lào Cai that took it in.
const YEAR_OF_MERGER = 2025;
const merged = awardRoundEvents({
  level: 'national',
  year: YEAR_OF_MERGER,
  announcedOn: '2025-10-20',
  entrants: [
    { provinceCode: '15', productGroup: 'handicraft', entries: 2, passed: 1, submittedOn: '2025-05-10' },
  ],
});

describe('conference figures fed by the award entry, result and artisan title events', () => {
  const { as, publish } = useReportingContext('reporting_award_entry_figures');
  const report = async (path: string) => {
    const reply = await as(central).get<ConferenceReport>(path);
    expect(reply.status).toBe(200);
    return reply.body;
  };

  beforeAll(async () => {
    const [firstEntry] = regional.entries;
    const result = regional.result();
    await publish(
      ENTRIES,
      ...regional.entries,
      // The same event delivered again: one entry still.
      firstEntry,
      ...provincial.entries,
      ...national.entries,
    );
    // The same result delivered again, and sent again as a new event: the round's passes once.
    await publish(ROUNDS, result, result, regional.result(), provincial.result(), national.result());
    await publish(
      ARTISANS,
      titleConferred('meritorious', '36', '2013-09-02'),
      titleConferred('people', '35', '2013-09-02'),
      titleConferred('meritorious', '79', '2013-09-02'),
      // Nominated by Nam Định before it went into Ninh Bình; conferred after.
      titleConferred('people', '36', '2025-08-28'),
    );
    // The result may come before its entries (another topic): its rows still read the code on the day of entry.
    await publish(ROUNDS, merged.result());
    await publish(ENTRIES, ...merged.entries);
  }, 60_000);

  it("counts entries, passes and titles in today's units and in the totals", async () => {
    const body = await eventually(async () => {
      const view = await report(`/api/v1/conferences/national?year=${YEAR}`);
      const t = view.totals;
      return t.awardEntries.byLevel.national === 3 &&
        t.awardPasses.byLevel.regional === 3 &&
        t.awardPasses.byLevel.national === 1 &&
        t.artisanTitlesConferred.meritorious === 2
        ? view
        : undefined;
    });
    const unit = (code: string) => body.units.find((u) => u.code === code)!;
    expect(unit('37')).toMatchObject({
      awardEntries: {
        byLevel: { ...zeroLevels, regional: 5, national: 1 },
        byGroup: { 'agro-food': 2, handicraft: 4 },
      },
      // Nam Định's national entry did not pass: no pass, and no group, for it.
      awardPasses: { byLevel: { ...zeroLevels, regional: 3 }, byGroup: { 'agro-food': 1, handicraft: 2 } },
      artisanTitlesConferred: { meritorious: 1, people: 1 },
    });
    expect(unit('40')).toMatchObject({
      awardEntries: { byLevel: { ...zeroLevels, provincial: 4 }, byGroup: { machinery: 4 } },
      awardPasses: { byLevel: { ...zeroLevels, provincial: 3 }, byGroup: { machinery: 3 } },
      artisanTitlesConferred: { meritorious: 0, people: 0 },
    });
    expect(unit('79')).toMatchObject({
      awardEntries: { byLevel: { ...zeroLevels, national: 2 }, byGroup: { other: 2 } },
      awardPasses: { byLevel: { ...zeroLevels, national: 1 }, byGroup: { other: 1 } },
      artisanTitlesConferred: { meritorious: 1, people: 0 },
    });
    expect(body.totals).toMatchObject({
      awardEntries: {
        byLevel: { commune: 0, provincial: 4, regional: 5, national: 3 },
        byGroup: { 'agro-food': 2, handicraft: 4, machinery: 4, other: 2 },
      },
      awardPasses: {
        byLevel: { commune: 0, provincial: 3, regional: 3, national: 1 },
        byGroup: { 'agro-food': 1, handicraft: 2, machinery: 3, other: 1 },
      },
      artisanTitlesConferred: { meritorious: 2, people: 1 },
    });
    expect(body.unattributed).toMatchObject({
      awardEntries: noCounts,
      awardPasses: noCounts,
      artisanTitlesConferred: { meritorious: 0, people: 0 },
    });
    expect(body.glossary.map((g) => g.key)).toEqual(
      expect.arrayContaining(['awardEntries', 'awardPasses', 'artisanTitlesConferred']),
    );
  });

  it('keeps each under the unit it was recorded in when grouping as it was', async () => {
    const body = await report(`/api/v1/conferences/regional/north?year=${YEAR}&grouping=historical`);
    expect(body.units).toHaveLength(28);
    const unit = (code: string) => body.units.find((u) => u.code === code)!;
    expect(unit('36')).toMatchObject({
      nameVi: 'Nam Định',
      awardEntries: { byLevel: { ...zeroLevels, regional: 3, national: 1 }, byGroup: { handicraft: 4 } },
      awardPasses: { byLevel: { ...zeroLevels, regional: 2 }, byGroup: { handicraft: 2 } },
      artisanTitlesConferred: { meritorious: 1, people: 0 },
    });
    expect(unit('35')).toMatchObject({
      nameVi: 'Hà Nam',
      awardEntries: { byLevel: { ...zeroLevels, regional: 2 }, byGroup: { 'agro-food': 2 } },
      awardPasses: { byLevel: { ...zeroLevels, regional: 1 }, byGroup: { 'agro-food': 1 } },
      artisanTitlesConferred: { meritorious: 0, people: 1 },
    });
    expect(unit('37')).toMatchObject({
      nameVi: 'Ninh Bình',
      awardEntries: noCounts,
      awardPasses: noCounts,
      artisanTitlesConferred: { meritorious: 0, people: 0 },
    });
    // The north's entrants only (Nghệ An among them): Hồ Chí Minh City's are the south's.
    expect(body.totals).toMatchObject({
      awardEntries: { byLevel: { ...zeroLevels, provincial: 4, regional: 5, national: 1 } },
      awardPasses: { byLevel: { ...zeroLevels, provincial: 3, regional: 3 } },
      artisanTitlesConferred: { meritorious: 1, people: 1 },
    });
  });

  it('reads a result row and a title on the day their code was recorded, across the 2025 reorganisation', async () => {
    const path = `/api/v1/conferences/regional/north?year=${YEAR_OF_MERGER}`;
    const historical = await eventually(async () => {
      const view = await report(`${path}&grouping=historical`);
      const yenBai = view.units.find((u) => u.code === '15')!;
      return yenBai.awardEntries.byLevel.national === 2 && yenBai.awardPasses.byLevel.national === 1
        ? view
        : undefined;
    });
    const unit = (view: ConferenceReport, code: string) => view.units.find((u) => u.code === code)!;
    expect(unit(historical, '15')).toMatchObject({
      nameVi: 'Yên Bái',
      awardEntries: { byLevel: { ...zeroLevels, national: 2 }, byGroup: { handicraft: 2 } },
      awardPasses: { byLevel: { ...zeroLevels, national: 1 }, byGroup: { handicraft: 1 } },
    });
    expect(unit(historical, '36')).toMatchObject({
      nameVi: 'Nam Định',
      artisanTitlesConferred: { meritorious: 0, people: 1 },
    });
    expect(historical.unattributed).toMatchObject({
      awardPasses: noCounts,
      artisanTitlesConferred: { meritorious: 0, people: 0 },
    });

    const current = await report(path);
    expect(unit(current, '15')).toMatchObject({
      nameVi: 'Lào Cai',
      awardPasses: { byLevel: { ...zeroLevels, national: 1 }, byGroup: { handicraft: 1 } },
    });
    expect(unit(current, '37').artisanTitlesConferred).toEqual({ meritorious: 0, people: 1 });
  });
});
