import { createHash } from 'node:crypto';
import type { AwardEntryView, AwardRoundView, DossierFileView, Page } from '@kc/contracts';
import { business, central, officer } from '@kc/testing';
import { communeRound, entryBody, juror } from './support/award-givens';
import { useAwardsContext } from './support/awards-context';

const ROUNDS = '/api/v1/award-rounds';
const KiB = 1024;
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Bytes that begin as their type does (what the service reads), followed by `size` bytes made from `seed`. */
const pdf = (seed: string, size: number) => content(Buffer.from('%PDF-1.7\n'), seed, size);
const jpeg = (seed: string, size: number) => content(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), seed, size);
const png = (seed: string, size: number) =>
  content(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), seed, size);
function content(head: Buffer, seed: string, size: number): Buffer {
  const body = Buffer.alloc(size - head.length);
  for (let i = 0; i < body.length; i += 32)
    createHash('sha256').update(`${seed}:${i}`).digest().copy(body, i);
  return Buffer.concat([head, body]);
}
const declared = (kind: string, fileName: string, mediaType: string, bytes: Buffer) => ({
  kind,
  fileName,
  mediaType,
  sizeBytes: bytes.length,
  sha256: sha(bytes),
});

/**
 * The dossier's files themselves, against the real service and PostgreSQL: uploaded in pieces by the entry's
 * side, checked for type (from the bytes), size and SHA-256 before anything stays stored, and read back by the
 * entry's side and the jurors the entry is assigned to — nobody else.
 */
describe('award dossier files', () => {
  const { as, db, enter, seatCouncil, move } = useAwardsContext('kc_it_awards_dossier');
  const facility = business('2900000501');
  const form = pdf('form', 40 * KiB);
  const description = pdf('description', 700 * KiB); // two pieces: 512 KiB and the rest
  const photo = jpeg('photo', 90 * KiB);
  const copy = png('copy', 20 * KiB);
  let round: AwardRoundView;
  let entry: AwardEntryView;
  const contentOf = (position: number, entryId = entry.id) =>
    `${ROUNDS}/${round.id}/entries/${entryId}/dossier/${position}/content`;
  const fileOf = (position: number, entryId = entry.id) =>
    `${ROUNDS}/${round.id}/entries/${entryId}/dossier/${position}`;
  const piece = (bytes: Buffer, offset: number) => ({ offset, contentBase64: bytes.toString('base64') });
  const chunksOf = async (entryId: string, position: number) =>
    (
      await db.rows<{ n: number; bytes: string }>(
        `SELECT count(*)::int AS n, coalesce(sum(octet_length(bytes)), 0)::text AS bytes
         FROM award_entry_file_chunk WHERE entry_id = $1 AND position = $2`,
        [entryId, position],
      )
    )[0];

  beforeAll(async () => {
    const opened = await as(central).post<AwardRoundView>(ROUNDS, communeRound({ localUnitCode: '17335' }));
    round = opened.body;
    await seatCouncil(round.id, { size: 5, jurySize: 3 });
    const body = entryBody('2900000501', {
      facility: {
        name: 'Cơ sở gốm Hưng Nguyên',
        taxCode: '2900000501',
        provinceCode: '40',
        localUnitCode: '17335',
      },
      dossier: [
        declared('registration-form', 'phiếu đăng ký.pdf', 'application/pdf', form),
        declared('description', 'thuyet-minh.pdf', 'application/pdf', description),
        declared('photo', 'anh-san-pham.jpg', 'image/jpeg', photo),
        declared('certificate-copy', 'gcn-ocop.png', 'image/png', copy),
      ],
    });
    entry = await enter(round.id, body, facility);
  });

  it('takes a small file in one piece: the service hashes it, the entry shows it uploaded', async () => {
    const reply = await as(facility).post<DossierFileView>(contentOf(0), piece(form, 0));
    expect([reply.status, reply.body]).toEqual([
      200,
      {
        roundId: round.id,
        entryId: entry.id,
        position: 0,
        kind: 'registration-form',
        fileName: 'phiếu đăng ký.pdf',
        mediaType: 'application/pdf',
        sizeBytes: form.length,
        sha256: sha(form),
        receivedBytes: form.length,
        uploaded: true,
      },
    ]);
    const listed = await as(facility).get<Page<AwardEntryView>>(`${ROUNDS}/${round.id}/entries`);
    expect(listed.body.items[0].dossier.map((f) => [f.fileName, f.receivedBytes, f.uploaded])).toEqual([
      ['phiếu đăng ký.pdf', form.length, true],
      ['thuyet-minh.pdf', 0, false],
      ['anh-san-pham.jpg', 0, false],
      ['gcn-ocop.png', 0, false],
    ]);
    // Sent again whole: the same bytes at the same place change nothing.
    const again = await as(facility).post<DossierFileView>(contentOf(0), piece(form, 0));
    expect([again.status, again.body.receivedBytes]).toEqual([200, form.length]);
    expect(await chunksOf(entry.id, 0)).toEqual({ n: 1, bytes: String(form.length) });
  });

  it('takes a larger file in pieces, each where the last ended, and refuses a piece out of place', async () => {
    const first = description.subarray(0, 512 * KiB);
    const rest = description.subarray(512 * KiB);
    const half = await as(officer('40')).post<DossierFileView>(contentOf(1), piece(first, 0));
    expect([half.status, half.body.receivedBytes, half.body.uploaded]).toEqual([200, 512 * KiB, false]);
    // Not yet whole: nobody may download it.
    const early = await as(facility).get(fileOf(1));
    expect([early.status, early.body.code]).toEqual([409, 'award-dossier.not-uploaded']);
    const skipped = await as(officer('40')).post(contentOf(1), piece(rest, 512 * KiB + 1));
    expect([skipped.status, skipped.body.code, skipped.body.errors?.[0]?.field]).toEqual([
      409,
      'award-dossier.offset',
      'body.offset',
    ]);
    const whole = await as(officer('40')).post<DossierFileView>(contentOf(1), piece(rest, 512 * KiB));
    expect([whole.status, whole.body.receivedBytes, whole.body.uploaded]).toEqual([
      200,
      description.length,
      true,
    ]);
    expect(await chunksOf(entry.id, 1)).toEqual({ n: 2, bytes: String(description.length) });
    const more = await as(officer('40')).post(contentOf(1), piece(form, description.length));
    expect([more.status, more.body.code]).toEqual([409, 'award-dossier.already-uploaded']);
  });

  it('refuses content that is not the declared type, naming the field and rule, and stores nothing', async () => {
    // The photo declared JPEG, sent as PNG bytes; then as bytes that are no image at all.
    for (const bytes of [png('not-a-jpeg', 10 * KiB), Buffer.from('GIF89a' + 'x'.repeat(100))]) {
      const reply = await as(facility).post(contentOf(2), piece(bytes, 0));
      expect([reply.status, reply.headers.get('content-type'), reply.body.code]).toEqual([
        422,
        'application/problem+json; charset=utf-8',
        'dossier.media-type',
      ]);
      expect(reply.body.errors).toEqual([
        expect.objectContaining({ field: 'body.contentBase64', rule: 'dossier.media-type' }),
      ]);
    }
    expect(await chunksOf(entry.id, 2)).toEqual({ n: 0, bytes: '0' });
  });

  it('refuses a piece that runs past the declared size, and one over 512 KiB, storing nothing', async () => {
    const longer = Buffer.concat([photo, Buffer.from([0])]);
    const reply = await as(facility).post(contentOf(2), piece(longer, 0));
    expect([reply.status, reply.body.code, reply.body.errors?.[0]?.field]).toEqual([
      422,
      'dossier.file-too-large',
      'body.contentBase64',
    ]);
    const huge = await as(facility).post(contentOf(1), piece(pdf('huge', 600 * KiB), 0));
    expect([huge.status, huge.body.errors?.[0]?.field]).toEqual([400, 'body.contentBase64']);
    expect(await chunksOf(entry.id, 2)).toEqual({ n: 0, bytes: '0' });
  });

  it('discards a whole file whose SHA-256 is not the declared one, and says which', async () => {
    const other = png('another-copy', copy.length);
    const reply = await as(facility).post(contentOf(3), piece(other, 0));
    expect([reply.status, reply.body.code, reply.body.errors?.[0]?.field]).toEqual([
      422,
      'dossier.checksum-mismatch',
      'dossier.3.sha256',
    ]);
    expect(await chunksOf(entry.id, 3)).toEqual({ n: 0, bytes: '0' });
    const [row] = await db.rows<{ received: string; uploaded: Date | null }>(
      `SELECT received_bytes::text AS received, uploaded_at AS uploaded FROM award_entry_file
       WHERE entry_id = $1 AND position = 3`,
      [entry.id],
    );
    expect(row).toEqual({ received: '0', uploaded: null });
    // The right bytes then go in.
    const right = await as(facility).post<DossierFileView>(contentOf(3), piece(copy, 0));
    expect([right.status, right.body.uploaded]).toEqual([200, true]);
  });

  it('refuses a dossier over 50 MB in all at entry, and uploads by another facility or province', async () => {
    const photos = Array.from({ length: 10 }, (_, i) => ({
      kind: 'photo',
      fileName: `anh-${i}.jpg`,
      mediaType: 'image/jpeg',
      sizeBytes: 5 * 1024 * KiB,
      sha256: sha(Buffer.from(`photo-${i}`)),
    }));
    const body = entryBody('2900000502', {
      facility: { name: 'Cơ sở khác', taxCode: '2900000502', provinceCode: '40', localUnitCode: '17335' },
    });
    const tooMuch = await as(officer('40')).post(`${ROUNDS}/${round.id}/entries`, {
      ...body,
      dossier: [...(body.dossier as object[]).slice(0, 2), ...photos],
    });
    expect([tooMuch.status, tooMuch.body.errors?.map((e) => [e.field, e.rule])]).toEqual([
      400,
      [['body.dossier', 'dossier.entry-too-large']],
    ]);
    for (const stranger of [business('2900000999'), officer('01')]) {
      const reply = await as(stranger).post(contentOf(2), piece(photo, 0));
      expect([reply.status, reply.body.code]).toEqual([404, 'award-entry.not-found']);
    }
    expect(await chunksOf(entry.id, 2)).toEqual({ n: 0, bytes: '0' });
  });

  describe('once scoring starts', () => {
    beforeAll(async () => {
      const reply = await as(facility).post<DossierFileView>(contentOf(2), piece(photo, 0));
      expect(reply.body.uploaded).toBe(true);
      await move(round.id, 'start-scoring');
    });

    it('takes no more bytes', async () => {
      const reply = await as(facility).post(contentOf(0), piece(form, 0));
      expect([reply.status, reply.body.code]).toEqual([409, 'award-round.not-entries-open']);
    });

    it('gives the file to the facility, its province, the agency and the jurors assigned: the exact bytes', async () => {
      for (const reader of [facility, officer('40'), central, juror(1), juror(3)]) {
        const response = await as(reader).fetch(fileOf(1));
        const bytes = Buffer.from(await response.arrayBuffer());
        expect([reader.name, response.status, response.headers.get('content-type')]).toEqual([
          reader.name,
          200,
          'application/pdf',
        ]);
        expect(sha(bytes)).toBe(sha(description));
        expect(response.headers.get('etag')).toBe(`"${sha(description)}"`);
      }
      const named = await as(facility).fetch(fileOf(0));
      expect(named.headers.get('content-disposition')).toBe(
        `attachment; filename="phieu dang ky.pdf"; filename*=UTF-8''${encodeURIComponent('phiếu đăng ký.pdf')}`,
      );
      const notModified = await as(juror(1)).fetch(fileOf(1), { 'if-none-match': `"${sha(description)}"` });
      expect(notModified.status).toBe(304);
    });

    it('hides it from a council member off the jury, a recused juror, another facility and another province', async () => {
      const recusal = await as(juror(2)).post(`${ROUNDS}/${round.id}/entries/${entry.id}/recusal`, {
        reason: 'Người thân làm việc tại cơ sở dự thi',
      });
      expect(recusal.status).toBe(201);
      for (const stranger of [juror(4), juror(2), business('2900000999'), officer('01')]) {
        const reply = await as(stranger).get(fileOf(1));
        expect([stranger.name, reply.status, reply.body.code]).toEqual([
          stranger.name,
          404,
          'award-entry.not-found',
        ]);
      }
    });
  });
});
