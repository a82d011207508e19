import type { FairView, Principal, RegistrationView } from '@kc/contracts';
import type { Caller } from '@kc/service-testing';
import { central } from '@kc/testing';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The northern regional fair of 2026 hosted by Hà Nội, its registration window open now (an hour ago to a day
 * ahead); override what the test is about (a key set to undefined is left out).
 */
export const fairBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Hội chợ triển lãm hàng CNNT tiêu biểu khu vực phía Bắc 2026',
  year: 2026,
  scale: 'regional',
  regionCode: 'north',
  provinceCode: '01',
  startDate: '2026-09-15',
  endDate: '2026-09-19',
  boothCount: 40,
  registrationOpensAt: new Date(Date.now() - HOUR_MS).toISOString(),
  registrationClosesAt: new Date(Date.now() + DAY_MS).toISOString(),
  ...overrides,
});

/** A facility's request for `boothCount` standard booths; facility fields and the rest overridable. */
export const registrationBody = (
  taxCode: string,
  provinceCode: string,
  overrides: {
    facility?: { name?: string; legalForm?: string };
    products?: object[];
    boothCount?: number;
  } = {},
) => ({
  facility: {
    taxCode,
    name: `Cơ sở mây tre đan ${taxCode}`,
    provinceCode,
    legalForm: 'household-business',
    ...overrides.facility,
  },
  products: overrides.products ?? [{ name: 'Giỏ mây đan thủ công' }],
  boothCount: overrides.boothCount ?? 1,
  boothKind: 'standard',
});

export interface BoothGiven {
  code: string;
  hall: string;
  zone?: string;
  rentVnd: number;
  layout: { x: number; y: number; w: number; h: number };
}

/** Booth i of a hall, …, 3 × 3 m, ten to a row, 12,000,000 VND. */
const boothOf = (i: number): BoothGiven => ({
  code: `A-${String(i + 1).padStart(3, '0')}`,
  hall: 'Nhà A',
  zone: 'Thủ công mỹ nghệ',
  rentVnd: 12_000_000,
  layout: { x: (i % 10) * 3, y: Math.floor(i / 10) * 3, w: 3, h: 3 },
});

/** The usual givens of a fair, through any caller (a service in the test process or run as a process). */
export function fairGivens(as: (principal: Principal) => Caller) {
  return {
    /** A fair created by the agency from `fairBody(overrides)`: its view. */
    async createFair(overrides: Record<string, unknown> = {}): Promise<FairView> {
      const reply = await as(central).post<FairView>('/api/v1/fairs', fairBody(overrides));
      expect([reply.status, reply.body.code]).toEqual([201, undefined]);
      return reply.body;
    },

    /** `count` booths added by the agency: booth i as `boothOf(i)`, with what `booth(i)` changes. */
    async addBooths(fairId: string, count: number, booth: (i: number) => Partial<BoothGiven> = () => ({})) {
      const reply = await as(central).post(`/api/v1/fairs/${fairId}/booths`, {
        booths: Array.from({ length: count }, (_, i) => ({ ...boothOf(i), ...booth(i) })),
      });
      expect(reply.status).toBe(201);
    },

    /** Booths reserved for provinces until `releaseAt` (30 days ahead unless told). */
    async setQuotas(
      fairId: string,
      quotas: { provinceCode: string; booths: number }[],
      releaseAt = new Date(Date.now() + 30 * DAY_MS),
    ) {
      const reply = await as(central).post(`/api/v1/fairs/${fairId}/quotas`, {
        quotas,
        releaseAt: releaseAt.toISOString(),
      });
      expect(reply.status).toBe(201);
    },

    /**
     * Booths held for a facility by the agency (`body` a registrationBody), then confirmed unless told
     * otherwise: the registration's id.
     */
    async book(fairId: string, body: ReturnType<typeof registrationBody>, { confirm = true } = {}) {
      const path = `/api/v1/fairs/${fairId}/registrations`;
      const held = await as(central).post<RegistrationView>(path, body, {
        'idempotency-key': `book-${fairId}-${body.facility.taxCode}`,
      });
      expect([held.status, held.body.state]).toEqual([201, 'held']);
      if (confirm) expect((await as(central).post(`${path}/${held.body.id}/confirm`)).status).toBe(200);
      return held.body.id;
    },
  };
}
