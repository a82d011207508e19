import { ConflictError } from '@kc/errors';
import { assertState, assertTransition, type RoundState } from './round-state';

const states: RoundState[] = ['entries-open', 'scoring', 'closed', 'published'];

describe('award round states', () => {
  it('moves one step forward at a time: entries → scoring → closed → published', () => {
    expect(() => assertTransition('entries-open', 'scoring')).not.toThrow();
    expect(() => assertTransition('scoring', 'closed')).not.toThrow();
    expect(() => assertTransition('closed', 'published')).not.toThrow();
  });

  it('refuses skipping a step, going back or staying, naming the next step in both languages', () => {
    const allowed = new Set(['entries-open>scoring', 'scoring>closed', 'closed>published']);
    for (const from of states) {
      for (const to of states) {
        if (allowed.has(`${from}>${to}`)) continue;
        expect(() => assertTransition(from, to)).toThrow(ConflictError);
      }
    }
    expect(() => assertTransition('entries-open', 'published')).toThrow(
      expect.objectContaining({
        code: 'award-round.illegal-transition',
        messages: {
          vi: 'Vòng bình chọn đang ở trạng thái “Đang nhận hồ sơ dự thi”, không chuyển sang “Đã công bố kết quả” được: bước tiếp theo là “Đang chấm điểm”',
          en: 'The round is entries-open; it cannot move to published: its next step is scoring',
        },
      }),
    );
    expect(() => assertTransition('published', 'scoring')).toThrow(
      expect.objectContaining({
        messages: expect.objectContaining({ en: 'The round is published; it cannot move to scoring' }),
      }),
    );
  });

  it('refuses work that needs another state with a code naming the state required', () => {
    expect(() => assertState('scoring', 'scoring', { vi: 'chấm điểm', en: 'score an entry' })).not.toThrow();
    expect(() => assertState('closed', 'scoring', { vi: 'chấm điểm', en: 'score an entry' })).toThrow(
      expect.objectContaining({
        code: 'award-round.not-scoring',
        messages: {
          vi: 'Chỉ chấm điểm khi vòng bình chọn ở trạng thái “Đang chấm điểm”; hiện là “Đã kết thúc chấm điểm”',
          en: 'One may score an entry only while the round is scoring; it is closed',
        },
      }),
    );
  });
});
