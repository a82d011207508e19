import { randomInt } from 'node:crypto';
import type {
  CertificateVerificationView,
  RecordAwardCertificatesView,
  RegistrationView,
} from '@kc/contracts';
import { anonymous, as, type Reply, type Session } from './gateway-client';

// A certificate the awards service issues reaches trade-fair priority through its event, and its withdrawal takes
// the priority away from a waiting request — across the real services, broker and databases.
const today = new Date().toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));
const FAIR_YEAR = year + 1;

function ok<T>(step: string, reply: Reply<T>): T {
  if (reply.status >= 300) throw new Error(`${step} → ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

/** A facility of Nghệ An no other run has used: a random 10-digit tax code. */
const taxCode = () => `29${String(randomInt(10 ** 8)).padStart(8, '0')}`;

describe('award certificates reach trade-fair priority and public verification', () => {
  let agency: Session;
  let ngheAn: Session;
  let fairId: string;

  beforeAll(async () => {
    agency = await as('cuc.canbo');
    ngheAn = await as('sct.40');
    const fair = ok(
      'create fair',
      await agency.post<{ id: string }>('/api/v1/fairs', {
        name: `Hội chợ hàng CNNT tiêu biểu ưu tiên sản phẩm đạt giải ${FAIR_YEAR} (${taxCode()})`,
        year: FAIR_YEAR,
        scale: 'regional',
        regionCode: 'north',
        provinceCode: '40',
        startDate: `${FAIR_YEAR}-06-10`,
        endDate: `${FAIR_YEAR}-06-13`,
        boothCount: 1,
        awardPriority: true,
      }),
    );
    fairId = fair.id;
    // No booth is added: every request waits, in priority order.
    ok(
      'open window',
      await agency.post(`/api/v1/fairs/${fairId}/registration-window`, {
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      }),
    );
  });

  it('gives priority for a certificate the awards service issued, and takes it away when it is withdrawn', async () => {
    const holder = taxCode();
    const number = `QG-${year}-${String(randomInt(1, 10_000)).padStart(4, '0')}`;
    const recorded = ok(
      'record certificate',
      await agency.post<RecordAwardCertificatesView>('/api/v1/award-certificates/records', {
        certificates: [
          {
            number,
            productGroup: 'handicraft',
            productName: 'Bộ ấm chén gốm men lam',
            holder: { facilityName: 'Hợp tác xã gốm Thanh Chương', taxCode: holder, provinceCode: '40' },
            issuedOn: today,
          },
        ],
      }),
    );
    expect(recorded.results.map((r) => r.outcome)).toEqual(['recorded']);

    const verified = await anonymous.get<CertificateVerificationView>(
      `/api/v1/award-certificates/${number}/verification`,
    );
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ number, status: 'valid', validUntil: `${year + 2}-12-31` });
    expect(JSON.stringify(verified.body)).not.toContain(holder);

    // Naming the certificate: trade-fairs waits for its copy (or asks awards) rather than refusing on a lag.
    const registration = ok(
      'register',
      await ngheAn.post<RegistrationView>(
        `/api/v1/fairs/${fairId}/registrations`,
        {
          facility: {
            taxCode: holder,
            name: 'Hợp tác xã gốm Thanh Chương',
            provinceCode: '40',
            legalForm: 'cooperative',
          },
          products: [{ name: 'Bộ ấm chén gốm men lam', awardCertificateNumber: number }],
          boothCount: 1,
          boothKind: 'standard',
        },
        { 'idempotency-key': `award-priority-${holder}` },
      ),
    );
    expect(registration).toMatchObject({ state: 'waitlisted', awardCertified: true });

    ok(
      'withdraw',
      await agency.post(`/api/v1/award-certificates/${number}/withdrawal`, {
        on: today,
        reason: 'Sản phẩm không còn đáp ứng tiêu chuẩn đã đăng ký',
      }),
    );
    const withdrawnAt = Date.now();
    const path = `/api/v1/fairs/${fairId}/registrations/${registration.id}`;
    let certified = true;
    while (certified && Date.now() - withdrawnAt < 10_000) {
      certified = ok('read registration', await ngheAn.get<RegistrationView>(path)).awardCertified;
    }
    expect(certified).toBe(false);
    console.log(`priority withdrawn ${Date.now() - withdrawnAt} ms after the withdrawal answered`);

    const after = await anonymous.get<CertificateVerificationView>(
      `/api/v1/award-certificates/${number}/verification`,
    );
    expect(after.body).toMatchObject({ status: 'withdrawn', withdrawnOn: today });
  });
});
