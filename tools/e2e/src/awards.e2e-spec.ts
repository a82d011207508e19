import { createHash, randomInt } from 'node:crypto';
import type {
  AwardEntryView,
  AwardRoundView,
  CertificateVerificationView,
  DossierFileView,
  Principal,
  PublicationView,
  RecordAwardCertificatesView,
  RegistrationView,
  ResultVerificationView,
} from '@kc/contracts';
import { anonymous, as, gatewayUrl, type Reply, type Session } from './gateway-client';

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

/** A PUT through the gateway (the e2e client speaks GET and POST). */
async function put<T>(session: Session, path: string, body: unknown): Promise<Reply<T>> {
  const res = await fetch(`${gatewayUrl()}${path}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as T };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** `size` bytes that begin as a PDF does (what the service reads to tell the type). */
function pdfOf(seed: string, size: number): Buffer {
  const bytes = Buffer.alloc(size);
  Buffer.from('%PDF-1.7\n').copy(bytes);
  for (let i = 16; i < size; i += 32) createHash('sha256').update(`${seed}:${i}`).digest().copy(bytes, i);
  return bytes;
}

// A round run through the gateway as its people would: the dossier's bytes uploaded in pieces that fit the
// gateway's 1 MB JSON limit, read back by a juror, and the result published in the background (202, polled).
describe('an award round with its dossier files, published in the background', () => {
  it('takes a 512 KiB piece through the gateway, gives the file to the juror, and publishes after a 202', async () => {
    const ngheAn = await as('sct.40');
    const jurors = await Promise.all([1, 2, 3].map((n) => as(`giamkhao.${n}`)));
    const idOf = async (session: Session) => ok('me', await session.get<Principal>('/api/v1/auth/me')).id;
    const shift = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const round = ok(
      'open round',
      await ngheAn.post<AwardRoundView>('/api/v1/award-rounds', {
        name: `Bình chọn sản phẩm CNNT tiêu biểu xã 17338 năm ${year}`,
        year,
        level: 'commune',
        provinceCode: '40',
        localUnitCode: '17338',
        schedule: { entriesOpenOn: shift(-5), entriesCloseOn: shift(20), scoringClosesOn: shift(40) },
      }),
    );
    const path = `/api/v1/award-rounds/${round.id}`;
    const members = await Promise.all(
      jurors.map(async (j, i) => ({ userId: await idOf(j), displayName: `Giám khảo ${i + 1}` })),
    );
    const extra = [4, 5].map((n) => ({ userId: `council-${n}-${round.id}`, displayName: `Thành viên ${n}` }));
    ok(
      'council',
      await put(ngheAn, `${path}/council`, {
        members: [...members, ...extra],
        secretary: { userId: await idOf(ngheAn), displayName: 'Thư ký hội đồng' },
        jurorIds: members.map((m) => m.userId),
      }),
    );
    const form = pdfOf('form', 30 * 1024);
    const description = pdfOf('description', 600 * 1024);
    const photo = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
      pdfOf('photo', 50 * 1024).subarray(4),
    ]);
    const files = [
      ['registration-form', 'phieu-dang-ky.pdf', 'application/pdf', form],
      ['description', 'thuyet-minh.pdf', 'application/pdf', description],
      ['photo', 'anh.jpg', 'image/jpeg', photo],
    ] as const;
    const entry = ok(
      'enter',
      await ngheAn.post<AwardEntryView>(`${path}/entries`, {
        facility: {
          name: 'Cơ sở mây tre đan Nam Đàn',
          taxCode: taxCode(),
          provinceCode: '40',
          localUnitCode: '17338',
        },
        productGroup: 'handicraft',
        product: { kind: 'product', name: 'Làn mây đan' },
        dossier: files.map(([kind, fileName, mediaType, bytes]) => ({
          kind,
          fileName,
          mediaType,
          sizeBytes: bytes.length,
          sha256: sha256(bytes),
        })),
      }),
    );
    const PIECE = 512 * 1024;
    for (const [position, [, , , bytes]] of files.entries()) {
      for (let offset = 0; offset < bytes.length; offset += PIECE) {
        const stored = ok(
          `upload file ${position} at ${offset}`,
          await ngheAn.post<DossierFileView>(`${path}/entries/${entry.id}/dossier/${position}/content`, {
            offset,
            contentBase64: bytes.subarray(offset, offset + PIECE).toString('base64'),
          }),
        );
        expect(stored.receivedBytes).toBe(Math.min(bytes.length, offset + PIECE));
      }
    }
    ok('start scoring', await ngheAn.post(`${path}/start-scoring`, {}));
    const download = await fetch(`${gatewayUrl()}${path}/entries/${entry.id}/dossier/1`, {
      headers: { authorization: `Bearer ${jurors[0].token}` },
    });
    expect([download.status, download.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(sha256(description));
    for (const juror of jurors) {
      ok(
        'score',
        await put(juror, `${path}/entries/${entry.id}/sheet`, {
          scores: {
            market: 32,
            'economic-technical-social-environmental': 30,
            'cultural-aesthetic': 8,
            other: 7,
          },
        }),
      );
    }
    ok('close', await ngheAn.post(`${path}/close`, {}));
    const asked = await ngheAn.post<PublicationView>(`${path}/publish`, {});
    expect([asked.status, asked.body.state, asked.headers.get('location')]).toEqual([
      202,
      'pending',
      `${path}/publication`,
    ]);
    let job = asked.body;
    const deadline = Date.now() + 30_000;
    while (job.state === 'pending' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      job = ok('publication', await ngheAn.get<PublicationView>(`${path}/publication`));
    }
    expect(job).toMatchObject({ state: 'published', entries: 1, passed: 1 });
    expect(job.certificates.map((c) => c.number)).toEqual([`X-40-17338-${year}-0001`]);
    const verification = await anonymous.get<ResultVerificationView>(`${path}/result/verification`);
    expect(verification.body).toMatchObject({ matches: true, sha256: job.resultSha256 });
  });
});
