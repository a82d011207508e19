import type { UpstreamResponse } from '../../infrastructure/upstream/upstream-client';
import { SharedAnswers } from './shared-answers';

const answer = (body: string, status = 200): UpstreamResponse => ({
  status,
  contentType: 'application/json',
  location: null,
  retryAfter: null,
  body,
});

/** A service stand-in that counts what it is asked and answers when the test says so. */
function service() {
  const asked: string[] = [];
  const waiting: Array<(response: UpstreamResponse) => void> = [];
  return {
    asked,
    fetch: (request: string) => () => {
      asked.push(request);
      return new Promise<UpstreamResponse>((resolve) => waiting.push(resolve));
    },
    /** Answers the oldest request still waiting, and lets the promise chains run. */
    answerNext: async (response: UpstreamResponse) => {
      waiting.shift()!(response);
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

type Service = ReturnType<typeof service>;

/** Fetches and keeps the answer to `request`. */
async function keep(answers: SharedAnswers, s: Service, name: string, request: string, body: string) {
  const pending = answers.answer(name, request, s.fetch(request));
  await s.answerNext(answer(body));
  return (await pending).body;
}

describe('SharedAnswers', () => {
  it('asks the service once for a request while its data stands', async () => {
    const answers = new SharedAnswers(1_000_000);
    const fairs = service();
    expect(await keep(answers, fairs, 'trade-fairs', '/fairs', 'v1')).toBe('v1');
    expect((await answers.answer('trade-fairs', '/fairs', fairs.fetch('/fairs'))).body).toBe('v1');
    expect(fairs.asked).toHaveLength(1);
  });

  it('after a change, has a whole hall wait for one fetch that began after it', async () => {
    const answers = new SharedAnswers(1_000_000);
    const reporting = service();
    await keep(answers, reporting, 'reporting', '/national', 'before');

    answers.changed('reporting');
    answers.changed('reporting');
    const hall = Array.from({ length: 50 }, () =>
      answers.answer('reporting', '/national', reporting.fetch('/national')),
    );
    await reporting.answerNext(answer('after'));
    expect(new Set((await Promise.all(hall)).map((a) => a.body))).toEqual(new Set(['after']));
    expect(reporting.asked).toHaveLength(2);
    expect(
      (await answers.answer('reporting', '/national', reporting.fetch('/national'))).kept?.bytes.toString(),
    ).toBe('after');
  });

  it('after a change, gives nothing from before: a writer reads its write', async () => {
    const answers = new SharedAnswers(1_000_000);
    const fairs = service();
    await keep(answers, fairs, 'trade-fairs', '/fairs', 'before');

    answers.changed('trade-fairs');
    const read = answers.answer('trade-fairs', '/fairs', fairs.fetch('/fairs'));
    await fairs.answerNext(answer('with the write'));
    expect((await read).body).toBe('with the write');
  });

  it('waits out a fetch begun before a change, then asks again: never twice at once', async () => {
    const answers = new SharedAnswers(1_000_000);
    const fairs = service();
    const early = answers.answer('trade-fairs', '/fairs', fairs.fetch('/fairs'));
    answers.changed('trade-fairs');
    const late = answers.answer('trade-fairs', '/fairs', fairs.fetch('/fairs'));
    expect(fairs.asked).toHaveLength(1);

    await fairs.answerNext(answer('maybe from before the write'));
    expect((await early).body).toBe('maybe from before the write');
    expect(fairs.asked).toHaveLength(2);
    await fairs.answerNext(answer('with the write'));
    expect((await late).body).toBe('with the write');
    expect((await answers.answer('trade-fairs', '/fairs', fairs.fetch('/fairs'))).body).toBe(
      'with the write',
    );
  });

  it('lets requests that come while nothing is kept wait for one fetch', async () => {
    const answers = new SharedAnswers(1_000_000);
    const reporting = service();
    const hall = Array.from({ length: 50 }, () =>
      answers.answer('reporting', '/national', reporting.fetch('/national')),
    );
    await reporting.answerNext(answer('figures'));
    expect(new Set((await Promise.all(hall)).map((a) => a.body))).toEqual(new Set(['figures']));
    expect(reporting.asked).toHaveLength(1);
  });

  it('keeps each service apart: a change of one leaves the answers of the others', async () => {
    const answers = new SharedAnswers(1_000_000);
    const reporting = service();
    await keep(answers, reporting, 'reporting', '/national', 'figures');
    answers.changed('trade-fairs');
    expect((await answers.answer('reporting', '/national', reporting.fetch('/national'))).body).toBe(
      'figures',
    );
    expect(reporting.asked).toHaveLength(1);
  });

  it('keeps nothing but a 200', async () => {
    const answers = new SharedAnswers(1_000_000);
    const fairs = service();
    const missing = answers.answer('trade-fairs', '/fairs/x', fairs.fetch('/fairs/x'));
    await fairs.answerNext(answer('{"status":404}', 404));
    expect((await missing).status).toBe(404);
    const again = answers.answer('trade-fairs', '/fairs/x', fairs.fetch('/fairs/x'));
    await fairs.answerNext(answer('found'));
    expect((await again).body).toBe('found');
  });

  it('gives nothing from before forgetAll, not even a fetch that was under way', async () => {
    const answers = new SharedAnswers(1_000_000);
    const fairs = service();
    await keep(answers, fairs, 'trade-fairs', '/fairs', 'kept');
    const underWay = answers.answer('trade-fairs', '/fairs?page=2', fairs.fetch('/fairs?page=2'));
    answers.forgetAll();
    await fairs.answerNext(answer('page 2 from before'));
    await underWay;

    expect(await keep(answers, fairs, 'trade-fairs', '/fairs', 'fresh')).toBe('fresh');
    expect(await keep(answers, fairs, 'trade-fairs', '/fairs?page=2', 'page 2 fresh')).toBe('page 2 fresh');
  });

  it('drops the least recently used answers beyond its size', async () => {
    // Room for two of these answers (about 350 bytes each with their keys), not three.
    const answers = new SharedAnswers(800);
    const fairs = service();
    for (const page of [1, 2, 3])
      await keep(answers, fairs, 'trade-fairs', `/fairs?page=${page}`, 'x'.repeat(100));
    await keep(answers, fairs, 'trade-fairs', '/fairs?page=1', 'x'.repeat(100));
    expect(fairs.asked).toEqual(['/fairs?page=1', '/fairs?page=2', '/fairs?page=3', '/fairs?page=1']);
  });
});
