import { ChangeFeed, type DataChanged } from './change-feed';

describe('ChangeFeed', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-12-06T08:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('sends the first change at once and merges a burst into one notice per interval', () => {
    const feed = new ChangeFeed(250);
    const heard: DataChanged[] = [];
    feed.subscribe((change) => heard.push(change));

    feed.changed('reporting');
    jest.advanceTimersByTime(0);
    expect(heard).toEqual([{ services: ['reporting'], at: '2026-12-06T08:00:00.000Z' }]);

    for (let i = 0; i < 50; i++) feed.changed(i % 2 ? 'projects' : 'reporting');
    jest.advanceTimersByTime(249);
    expect(heard).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(heard[1]).toEqual({ services: ['projects', 'reporting'], at: '2026-12-06T08:00:00.250Z' });

    jest.advanceTimersByTime(10_000);
    expect(heard).toHaveLength(2);
  });

  it('stops telling a page that left', () => {
    const feed = new ChangeFeed(250);
    const heard: string[] = [];
    const leave = feed.subscribe((change) => heard.push(...change.services));
    feed.subscribe(() => undefined);
    expect(feed.subscribers).toBe(2);
    leave();
    feed.changed('trade-fairs');
    jest.advanceTimersByTime(0);
    expect(heard).toEqual([]);
    expect(feed.subscribers).toBe(1);
  });
});
