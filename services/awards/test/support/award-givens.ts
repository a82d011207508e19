import { createHash } from 'node:crypto';
import type {
  AwardCouncilView,
  AwardEntryView,
  AwardRoundView,
  Principal,
  PublicationView,
  PublishedRoundView,
  ScoreSheetView,
} from '@kc/contracts';
import { vietnamDate } from '@kc/reference-data';
import type { Caller } from '@kc/service-testing';
import { central, eventually, officer } from '@kc/testing';

type As = (principal: Principal) => Caller;

/** A council member who scores (role juror): the user id the council lists is the principal's id. */
export const juror = (n: number): Principal => ({
  kind: 'user',
  id: `u-giam-khao-${n}`,
  name: `giamkhao.${n}`,
  role: 'juror',
  scopes: [],
});

const shifted = (days: number) => vietnamDate(new Date(Date.now() + days * 86_400_000));

/** Entries opened ten days ago and close in thirty: a round of this year that takes entries today. */
export const openSchedule = () => ({
  entriesOpenOn: shifted(-10),
  entriesCloseOn: shifted(30),
  scoringClosesOn: shifted(60),
});
export const thisYear = () => Number(vietnamDate(new Date()).slice(0, 4));

/** A commune round of Nghệ An (40), commune 17332 unless told, this year, taking entries today. */
export const communeRound = (overrides: Record<string, unknown> = {}) => ({
  name: `Bình chọn sản phẩm CNNT tiêu biểu xã ${String(overrides['localUnitCode'] ?? '17332')} năm ${thisYear()}`,
  year: thisYear(),
  level: 'commune',
  provinceCode: '40',
  localUnitCode: '17332',
  schedule: openSchedule(),
  ...overrides,
});

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** A dossier that passes the limits: one form, one description, one photo (content hashes made from `seed`). */
export const dossier = (seed: string) => [
  {
    kind: 'registration-form',
    fileName: 'phieu-dang-ky.pdf',
    mediaType: 'application/pdf',
    sizeBytes: 120_000,
    sha256: sha(`${seed}-form`),
  },
  {
    kind: 'description',
    fileName: 'thuyet-minh.pdf',
    mediaType: 'application/pdf',
    sizeBytes: 800_000,
    sha256: sha(`${seed}-desc`),
  },
  {
    kind: 'photo',
    fileName: 'anh-san-pham.jpg',
    mediaType: 'image/jpeg',
    sizeBytes: 1_500_000,
    sha256: sha(`${seed}-photo`),
  },
];

/** An entry of a facility of commune 17332 of Nghệ An; `taxCode` tells facilities apart. */
export const entryBody = (taxCode = '2901234567', overrides: Record<string, unknown> = {}) => ({
  facility: { name: `Cơ sở mây tre đan ${taxCode}`, taxCode, provinceCode: '40', localUnitCode: '17332' },
  productGroup: 'handicraft',
  product: { kind: 'product', name: `Bình hoa mây tre ${taxCode}` },
  dossier: dossier(taxCode),
  ...overrides,
});

/** The four statutory criteria in points: market, economic-technical-social-environmental, cultural, other. */
export const scores = (market: number, ests: number, cultural: number, other: number) => ({
  scores: {
    market,
    'economic-technical-social-environmental': ests,
    'cultural-aesthetic': cultural,
    other,
  },
});

export function awardGivens(as: As) {
  const rounds = '/api/v1/award-rounds';
  /** The body of an answer of `status`; another answer fails showing its problem (entries have a `code` too). */
  const created = <T>(reply: { status: number; body: T }, status = 201): T => {
    expect([reply.status, reply.status === status ? undefined : reply.body]).toEqual([status, undefined]);
    return reply.body;
  };
  /**
   * Seats a council of `size` jurors 1…size (giamkhao.n), the first `jurySize` on the jury, the secretary
   * being `secretary` (the officer of 40 unless told).
   */
  const seatCouncil = async (
    roundId: string,
    { size = 5, jurySize = 3, secretary = officer('40'), by = officer('40') } = {},
  ): Promise<AwardCouncilView> => {
    const members = Array.from({ length: size }, (_, i) => ({
      userId: juror(i + 1).id,
      displayName: `Giám khảo ${i + 1}`,
    }));
    const reply = await as(by).put<AwardCouncilView>(`${rounds}/${roundId}/council`, {
      members,
      secretary: { userId: secretary.id, displayName: secretary.name },
      jurorIds: members.slice(0, jurySize).map((m) => m.userId),
    });
    return created(reply, 200);
  };
  const enter = async (
    roundId: string,
    body: object,
    by: Principal = officer('40'),
  ): Promise<AwardEntryView> =>
    created(await as(by).post<AwardEntryView>(`${rounds}/${roundId}/entries`, body));
  const move = async (roundId: string, step: 'start-scoring' | 'close', by: Principal = officer('40')) =>
    created(await as(by).post<AwardRoundView>(`${rounds}/${roundId}/${step}`), 200);
  const score = async (
    roundId: string,
    entryId: string,
    by: Principal,
    sheet: object,
  ): Promise<ScoreSheetView> =>
    created(await as(by).put<ScoreSheetView>(`${rounds}/${roundId}/entries/${entryId}/sheet`, sheet), 200);
  /**
   * Asks for publication (202), then polls the publication as a client does until the background work has
   * committed; answers what the round looks like then, its counts and its certificates.
   */
  const publish = async (
    roundId: string,
    by: Principal = officer('40'),
    body: object = {},
  ): Promise<PublishedRoundView> => {
    const asked = created(await as(by).post<PublicationView>(`${rounds}/${roundId}/publish`, body), 202);
    expect(asked.state).toBe('pending');
    const done = await eventually(async () => {
      const reply = await as(by).get<PublicationView>(`${rounds}/${roundId}/publication`);
      expect(reply.body.state).not.toBe('failed');
      return reply.body.state === 'published' ? reply.body : undefined;
    }, 60_000);
    const round = created(await as(by).get<AwardRoundView>(`${rounds}/${roundId}`), 200);
    return { round, entries: done.entries!, passed: done.passed!, certificates: done.certificates };
  };
  /**
   * A commune round of Nghệ An (`communeRound(overrides)`) run to publication: one entry per tax code, each
   * scored by jurors 1–3 with the totals given in points (30 market + x + 5 + 5, so 40 ≤ total ≤ 80).
   */
  const publishedCommuneRound = async (
    totalsByTaxCode: Record<string, [number, number, number]>,
    overrides: Record<string, unknown> = {},
  ) => {
    const round = created(await as(central).post<AwardRoundView>(rounds, communeRound(overrides)));
    await seatCouncil(round.id);
    const entries: AwardEntryView[] = [];
    for (const taxCode of Object.keys(totalsByTaxCode)) {
      const body = entryBody(taxCode);
      entries.push(
        await enter(round.id, {
          ...body,
          facility: { ...body.facility, localUnitCode: round.localUnitCode },
        }),
      );
    }
    await move(round.id, 'start-scoring');
    for (const entry of entries) {
      const totals = totalsByTaxCode[entry.facility.taxCode];
      for (const [i, total] of totals.entries()) {
        await score(round.id, entry.id, juror(i + 1), scores(30, Math.round((total - 40) * 10) / 10, 5, 5));
      }
    }
    await move(round.id, 'close');
    return { round, entries, published: await publish(round.id) };
  };
  return { seatCouncil, enter, move, score, publish, publishedCommuneRound };
}
