import { todayInVietnam } from './vietnam-clock';

describe('Vietnam clock', () => {
  it('starts the day at midnight in Hà Nội, seven hours before midnight UTC', () => {
    expect(todayInVietnam(new Date('2025-06-30T16:59:59Z'))).toBe('2025-06-30');
    expect(todayInVietnam(new Date('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
  });
});
