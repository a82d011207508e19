import { activityContents, findActivityContent, isActivityContentCode } from './activity-contents';

describe('activity contents', () => {
  it('lists the nine contents with codes 1 to 9 and names in both languages', () => {
    expect(activityContents.map((content) => content.code)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const content of activityContents) {
      expect(content.nameVi).toBe(content.nameVi.normalize('NFC'));
      expect(content.nameVi.length).toBeGreaterThan(0);
      expect(content.nameEn.length).toBeGreaterThan(0);
    }
  });

  it('finds content 3 (demonstration models) and nothing for code 10', () => {
    expect(findActivityContent(3)?.nameEn).toMatch(/Demonstration models/);
    expect(findActivityContent(10)).toBeUndefined();
    expect(isActivityContentCode(9)).toBe(true);
    expect(isActivityContentCode(0)).toBe(false);
  });
});
