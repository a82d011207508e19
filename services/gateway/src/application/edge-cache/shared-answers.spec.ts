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
    answerNext: (response: UpstreamResponse) => waiting.shift()!(response),
  };
}

describe('SharedAnswers', () => {
  it('asks the service once for a request until its data changes, then once again', async () => {
    const answers = new SharedAnswers(1_000_000);
    const fairs = service();
    const first = answers.answer('trade-fairs', '/fairs', fairs.fetch('/fairs'));
    fairs.answerNext(answer('v1'));
    expect((await first).body).toBe('v1');
    expect((await answers.answer('trade-fairs', '/fairs', fairs.fetch('/fairs'))).body).toBe('v1');
    expect(fairs.asked).toHaveLength(1);

    answers.changed('trade-fairs');
    const afterChange = answers.answer('trade-fairs', '/fairs', fairs.fetch('/fairs'));
    fairs.answerNext(answer('v2'));
    expect((await afterChange).body).toBe('v2');
    expect(fairs.asked).toHaveLength(2);
  });

  it('keeps each service apart: a change of one leaves the answers of the others', async () => {
    const answers = new SharedAnswers(1_000_000);
    const reporting = service();
    const pending = answers.answer('reporting', '/national', reporting.fetch('/national'));
    reporting.answerNext(answer('figures'));
    await pending;
    answers.changed('trade-fairs');
    expect(answers.answer('reporting', '/national', reporting.fetch('/national'))).toEqual(answer('figures'));
    expect(reporting.asked).toHaveLength(1);
  });

  it('lets requests that come while the answer is being fetched wait for that one fetch', async () => {
    const answers = new SharedAnswers(1_000_000);
    const reporting = service();
    const hall = Array.from({ length: 50 }, () =>
      answers.answer('reporting', '/national', reporting.fetch('/national')),
    );
    reporting.answerNext(answer('figures'));
    expect(new Set((await Promise.all(hall)).map((a) => a.body))).toEqual(new Set(['figures']));
    expect(reporting.asked).toHaveLength(1);
  });

  it('never keeps for later an answer fetched while a change came in', async () => {
    const answers = new SharedAnswers(1_000_000);
    const fairs = service();
    const before = answers.answer('trade-fairs', '/fairs', fairs.fetch('/fairs'));
    answers.changed('trade-fairs');
    fairs.answerNext(answer('maybe from before the change'));
    await before;
    const after = answers.answer('trade-fairs', '/fairs', fairs.fetch('/fairs'));
    fairs.answerNext(answer('after'));
    expect((await after).body).toBe('after');
    expect(fairs.asked).toHaveLength(2);
  });

  it('keeps nothing but a 200', async () => {
    const answers = new SharedAnswers(1_000_000);
    const fairs = service();
    const missing = answers.answer('trade-fairs', '/fairs/x', fairs.fetch('/fairs/x'));
    fairs.answerNext(answer('{"status":404}', 404));
    expect((await missing).status).toBe(404);
    const again = answers.answer('trade-fairs', '/fairs/x', fairs.fetch('/fairs/x'));
    fairs.answerNext(answer('found'));
    expect((await again).body).toBe('found');
  });

  it('gives nothing it kept after forgetAll, even a fetch that was under way', async () => {
    const answers = new SharedAnswers(1_000_000);
    const fairs = service();
    const kept = answers.answer('trade-fairs', '/fairs', fairs.fetch('/fairs'));
    fairs.answerNext(answer('kept'));
    await kept;
    const underWay = answers.answer('trade-fairs', '/fairs?page=2', fairs.fetch('/fairs?page=2'));
    answers.forgetAll();
    fairs.answerNext(answer('page 2 from before'));
    await underWay;

    const fresh = answers.answer('trade-fairs', '/fairs', fairs.fetch('/fairs'));
    fairs.answerNext(answer('fresh'));
    expect((await fresh).body).toBe('fresh');
    const page2 = answers.answer('trade-fairs', '/fairs?page=2', fairs.fetch('/fairs?page=2'));
    fairs.answerNext(answer('page 2 fresh'));
    expect((await page2).body).toBe('page 2 fresh');
  });

  it('drops the least recently used answers beyond its size', async () => {
    const answers = new SharedAnswers(200);
    const fairs = service();
    for (const page of [1, 2, 3]) {
      const pending = answers.answer('trade-fairs', `/fairs?page=${page}`, fairs.fetch(`${page}`));
      fairs.answerNext(answer('x'.repeat(80)));
      await pending;
    }
    const first = answers.answer('trade-fairs', '/fairs?page=1', fairs.fetch('1 again'));
    fairs.answerNext(answer('x'.repeat(80)));
    await first;
    expect(fairs.asked).toEqual(['1', '2', '3', '1 again']);
  });
});
