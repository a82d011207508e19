import type { ConferenceReport } from '@kc/contracts';
import { central, eventually } from '@kc/testing';
import { useReportingContext } from './support/reporting-context';
import { CERTIFICATES, certificateEvents } from './support/reporting-events';

// Years before the 2025 reorganisation (63 units then, 34 now), and certificate numbers this file alone uses.
const YEAR = 2024;
const EARLIER_YEAR = 2018;
const zeroLevels = { commune: 0, provincial: 0, regional: 0, national: 0 };

// Nam Định (36) and Hà Nam (35) are in today's Ninh Bình (37); Hải Dương (30) in today's Hải Phòng (31).
const namDinh = certificateEvents({
  number: 'ITEST-KV-2024-0036',
  level: 'regional',
  productGroup: 'handicraft',
  provinceCode: '36',
  issuedOn: '2024-06-20',
});
const haNam = certificateEvents({
  number: 'ITEST-KV-2024-0035',
  level: 'regional',
  productGroup: 'agro-food',
  provinceCode: '35',
  issuedOn: '2024-06-20',
});
const ngheAn = certificateEvents({
  number: 'ITEST-T-2024-0040',
  level: 'provincial',
  productGroup: 'machinery',
  provinceCode: '40',
  issuedOn: '2024-03-15',
});
const hoChiMinh = certificateEvents({
  number: 'ITEST-QG-2024-0079',
  level: 'national',
  productGroup: 'other',
  provinceCode: '79',
  issuedOn: '2024-11-20',
});
/** Issued in 2018 (valid to the end of 2020), and in 2023 (valid through 2024). */
const haiDuong2018 = certificateEvents({
  number: 'ITEST-X-2018-0030',
  level: 'commune',
  productGroup: 'handicraft',
  provinceCode: '30',
  issuedOn: '2018-05-10',
});
const haiDuong2023 = certificateEvents({
  number: 'ITEST-T-2023-0030',
  level: 'provincial',
  productGroup: 'handicraft',
  provinceCode: '30',
  issuedOn: '2023-05-10',
});

describe('conference figures fed by the award certificate events', () => {
  const { as, publish } = useReportingContext('reporting_award_figures');
  const report = async (path: string) => {
    const reply = await as(central).get<ConferenceReport>(path);
    expect(reply.status).toBe(200);
    return reply.body;
  };

  beforeAll(async () => {
    const replayed = namDinh.issued();
    await publish(
      CERTIFICATES,
      replayed,
      // The same event delivered again, and the same fact sent again as a new event: one certificate still.
      replayed,
      namDinh.issued(),
      haNam.issued(),
      haNam.withdrawn('2024-10-01'),
      ngheAn.issued(),
      hoChiMinh.issued(),
      haiDuong2018.issued(),
      haiDuong2023.issued(),
    );
  }, 60_000);

  it("counts the year's certificates per level and product group in today's units and in the totals", async () => {
    const national = await eventually(async () => {
      const body = await report(`/api/v1/conferences/national?year=${YEAR}`);
      const t = body.totals.awardCertificates;
      return t.validAtYearEnd === 4 && t.issued.byLevel.national === 1 && t.issued.byLevel.regional === 2
        ? body
        : undefined;
    });
    const unit = (code: string) => national.units.find((u) => u.code === code)!.awardCertificates;
    expect(national.totals.awardCertificates).toEqual({
      issued: {
        byLevel: { commune: 0, provincial: 1, regional: 2, national: 1 },
        byGroup: { 'agro-food': 1, handicraft: 1, machinery: 1, other: 1 },
      },
      validAtYearEnd: 4,
    });
    // Hà Nam's certificate, withdrawn in October, was issued in the year but is no longer valid at its end.
    expect(unit('37')).toEqual({
      issued: { byLevel: { ...zeroLevels, regional: 2 }, byGroup: { 'agro-food': 1, handicraft: 1 } },
      validAtYearEnd: 1,
    });
    // Hải Dương's 2023 certificate is valid at the end of 2024 without being one of the year's.
    expect(unit('31')).toEqual({ issued: { byLevel: zeroLevels, byGroup: {} }, validAtYearEnd: 1 });
    expect(unit('40')).toEqual({
      issued: { byLevel: { ...zeroLevels, provincial: 1 }, byGroup: { machinery: 1 } },
      validAtYearEnd: 1,
    });
    expect(unit('79').issued.byLevel.national).toBe(1);
    expect(national.unattributed.awardCertificates.validAtYearEnd).toBe(0);
  });

  it('keeps each certificate under the unit it was recorded in when grouping as it was', async () => {
    const historical = await report(`/api/v1/conferences/regional/north?year=${YEAR}&grouping=historical`);
    expect(historical.units).toHaveLength(28);
    const unit = (code: string) => historical.units.find((u) => u.code === code)!;
    expect(unit('36')).toMatchObject({
      nameVi: 'Nam Định',
      awardCertificates: {
        issued: { byLevel: { ...zeroLevels, regional: 1 }, byGroup: { handicraft: 1 } },
        validAtYearEnd: 1,
      },
    });
    expect(unit('35')).toMatchObject({
      nameVi: 'Hà Nam',
      awardCertificates: {
        issued: { byLevel: { ...zeroLevels, regional: 1 }, byGroup: { 'agro-food': 1 } },
        validAtYearEnd: 0,
      },
    });
    expect(unit('30')).toMatchObject({ nameVi: 'Hải Dương', awardCertificates: { validAtYearEnd: 1 } });
    expect(unit('37')).toMatchObject({
      nameVi: 'Ninh Bình',
      awardCertificates: { issued: { byLevel: zeroLevels, byGroup: {} }, validAtYearEnd: 0 },
    });
    // The north's holders only: the national certificate of Hồ Chí Minh City is the south's.
    expect(historical.totals.awardCertificates).toEqual({
      issued: {
        byLevel: { ...zeroLevels, provincial: 1, regional: 2 },
        byGroup: { 'agro-food': 1, handicraft: 1, machinery: 1 },
      },
      validAtYearEnd: 3,
    });
  });

  it("restates an earlier year's certificate to today's unit, and keeps it under the old one as it was", async () => {
    const path = `/api/v1/conferences/national?year=${EARLIER_YEAR}`;
    const expected = {
      issued: { byLevel: { ...zeroLevels, commune: 1 }, byGroup: { handicraft: 1 } },
      validAtYearEnd: 1,
    };
    const current = await eventually(async () => {
      const body = await report(path);
      return body.totals.awardCertificates.validAtYearEnd === 1 ? body : undefined;
    });
    expect(current.units.find((u) => u.code === '31')!.awardCertificates).toEqual(expected);
    expect(current.units.some((u) => u.code === '30')).toBe(false);
    const historical = await report(`${path}&grouping=historical`);
    expect(historical.units.find((u) => u.code === '30')).toMatchObject({
      nameVi: 'Hải Dương',
      awardCertificates: expected,
    });
    expect(historical.units.find((u) => u.code === '31')!.awardCertificates).toEqual({
      issued: { byLevel: zeroLevels, byGroup: {} },
      validAtYearEnd: 0,
    });
    expect(historical.totals.awardCertificates).toEqual(expected);
  });
});
