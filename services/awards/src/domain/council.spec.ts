import { RuleViolationError } from '@kc/errors';
import {
  assertPanelFinalisable,
  checkCouncil,
  checkJury,
  councilSizeLimits,
  entryPanel,
  panelDefect,
  type Council,
  type JudgingLevel,
  type PanelInput,
} from './council';

const ruleOf = (act: () => unknown): string | undefined => {
  try {
    act();
  } catch (error) {
    if (error instanceof RuleViolationError) return `${error.code} @ ${error.field}`;
    throw error;
  }
  return undefined;
};

const members = (n: number): string[] => Array.from({ length: n }, (_, i) => `m${i + 1}`);

// A provincial council of nine; its jury is the first five members.
const council: Council = { level: 'provincial', memberIds: members(9) };
const jury = members(5);
const panelOf = (input: Partial<PanelInput>) =>
  entryPanel({ council, jurorIds: jury, entryCode: 'SP-01', recusals: [], substitutions: [], ...input });

describe('council size', () => {
  it.each<[JudgingLevel, number, number]>([
    ['commune', 5, 7],
    ['provincial', 7, 9],
    ['regional', 9, 11],
    ['national', 11, 13],
  ])('a %s council has %i to %i members', (level, min, max) => {
    expect(councilSizeLimits[level]).toEqual({ min, max });
    expect(ruleOf(() => checkCouncil({ level, memberIds: members(min) }))).toBeUndefined();
    expect(ruleOf(() => checkCouncil({ level, memberIds: members(max) }))).toBeUndefined();
    expect(ruleOf(() => checkCouncil({ level, memberIds: members(min - 1) }))).toBe(
      'award-council.size-out-of-range @ memberIds',
    );
    expect(ruleOf(() => checkCouncil({ level, memberIds: members(max + 1) }))).toBe(
      'award-council.size-out-of-range @ memberIds',
    );
  });

  it('says the rule in both languages, with the level in Vietnamese', () => {
    try {
      checkCouncil({ level: 'commune', memberIds: members(4) });
      throw new Error('accepted a commune council of four');
    } catch (error) {
      expect((error as RuleViolationError).messages).toEqual({
        vi: 'Hội đồng bình chọn cấp xã (cấp huyện trước 07/2025) có từ 5 đến 7 thành viên; danh sách có 4',
        en: 'A commune council has 5 to 7 members; the list has 4',
      });
    }
  });

  it('refuses a member listed twice', () => {
    const memberIds = [...members(6), 'm1'];
    expect(ruleOf(() => checkCouncil({ level: 'commune', memberIds }))).toBe(
      'award-council.duplicate-member @ memberIds',
    );
  });
});

describe('jury', () => {
  it('accepts an odd jury of three or more drawn from the council', () => {
    expect(checkJury(council, members(3))).toEqual(members(3));
    expect(checkJury(council, members(9))).toEqual(members(9));
  });

  it('refuses an even jury', () => {
    expect(ruleOf(() => checkJury(council, members(4)))).toBe('award-jury.even-size @ jurorIds');
  });

  it('refuses a jury of one', () => {
    expect(ruleOf(() => checkJury(council, members(1)))).toBe('award-jury.too-small @ jurorIds');
  });

  it('refuses a jury larger than its council', () => {
    const small: Council = { level: 'commune', memberIds: members(5) };
    expect(ruleOf(() => checkJury(small, members(7)))).toBe('award-jury.larger-than-council @ jurorIds');
  });

  it('refuses a juror from outside the council, or one listed twice', () => {
    expect(ruleOf(() => checkJury(council, ['m1', 'm2', 'x']))).toBe(
      'award-jury.not-a-council-member @ jurorIds',
    );
    expect(ruleOf(() => checkJury(council, ['m1', 'm2', 'm1']))).toBe(
      'award-jury.duplicate-juror @ jurorIds',
    );
  });
});

describe('entry panel', () => {
  it('is the whole jury when nobody recuses', () => {
    const panel = panelOf({});
    expect(panel.jurorIds).toEqual(jury);
    expect(panelDefect(panel)).toBeNull();
  });

  it('leaves out a recused juror, and an even panel cannot be finalised', () => {
    const panel = panelOf({ recusals: [{ entryCode: 'SP-01', memberId: 'm2' }] });
    expect(panel.jurorIds).toEqual(['m1', 'm3', 'm4', 'm5']);
    expect(panel.recusedIds).toEqual(['m2']);
    expect(ruleOf(() => assertPanelFinalisable(panel))).toBe('award-panel.even-size @ substitutions');
  });

  it('is finalisable again once the secretary adds a substitute from the council', () => {
    const panel = panelOf({
      recusals: [{ entryCode: 'SP-01', memberId: 'm2' }],
      substitutions: [{ entryCode: 'SP-01', substituteId: 'm7' }],
    });
    expect(panel.jurorIds).toEqual(['m1', 'm3', 'm4', 'm5', 'm7']);
    expect(panel.substituteIds).toEqual(['m7']);
    expect(panelDefect(panel)).toBeNull();
  });

  it('needs no substitute when two recusals leave an odd panel of three', () => {
    const panel = panelOf({
      recusals: [
        { entryCode: 'SP-01', memberId: 'm2' },
        { entryCode: 'SP-01', memberId: 'm4' },
      ],
    });
    expect(panel.jurorIds).toEqual(['m1', 'm3', 'm5']);
    expect(panelDefect(panel)).toBeNull();
  });

  it('refuses to finalise a panel of one', () => {
    const panel = entryPanel({
      council,
      jurorIds: members(3),
      entryCode: 'SP-01',
      recusals: [
        { entryCode: 'SP-01', memberId: 'm1' },
        { entryCode: 'SP-01', memberId: 'm2' },
      ],
      substitutions: [],
    });
    expect(panel.jurorIds).toEqual(['m3']);
    expect(ruleOf(() => assertPanelFinalisable(panel))).toBe('award-panel.too-small @ substitutions');
  });

  it('ignores recusals from other entries', () => {
    expect(panelOf({ recusals: [{ entryCode: 'SP-02', memberId: 'm2' }] }).jurorIds).toEqual(jury);
  });

  it('refuses a recusal by someone outside the council', () => {
    expect(ruleOf(() => panelOf({ recusals: [{ entryCode: 'SP-01', memberId: 'x' }] }))).toBe(
      'award-panel.recusal-not-a-council-member @ recusals',
    );
  });

  it.each([
    ['a juror already on the panel', 'm3'],
    ['someone outside the council', 'x'],
    ['a member with a conflict of interest on the entry', 'm8'],
  ])('refuses as a substitute %s', (_, substituteId) => {
    const input = {
      recusals: [
        { entryCode: 'SP-01', memberId: 'm2' },
        { entryCode: 'SP-01', memberId: 'm8' },
      ],
      substitutions: [{ entryCode: 'SP-01', substituteId }],
    };
    expect(ruleOf(() => panelOf(input))).toBe('award-panel.ineligible-substitute @ substitutions');
  });

  it('refuses the same substitute twice', () => {
    const input = {
      recusals: [
        { entryCode: 'SP-01', memberId: 'm1' },
        { entryCode: 'SP-01', memberId: 'm2' },
      ],
      substitutions: [
        { entryCode: 'SP-01', substituteId: 'm6' },
        { entryCode: 'SP-01', substituteId: 'm6' },
      ],
    };
    expect(ruleOf(() => panelOf(input))).toBe('award-panel.ineligible-substitute @ substitutions');
  });

  it('refuses more substitutes than recusals: the panel never outgrows the jury', () => {
    const input = {
      recusals: [{ entryCode: 'SP-01', memberId: 'm2' }],
      substitutions: [
        { entryCode: 'SP-01', substituteId: 'm6' },
        { entryCode: 'SP-01', substituteId: 'm7' },
      ],
    };
    expect(ruleOf(() => panelOf(input))).toBe('award-panel.too-many-substitutes @ substitutions');
  });
});
