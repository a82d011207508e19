import { RuleViolationError } from '@kc/errors';
import { certificateLevelLabels, type CertificateLevel } from './certificate';

/** Councils sit at every level that certifies products, the commune's included. */
export type JudgingLevel = CertificateLevel;

/** How many members a council of each level has (Circular 26/2014/TT-BCT as amended). */
export const councilSizeLimits: Readonly<Record<JudgingLevel, { min: number; max: number }>> = {
  commune: { min: 5, max: 7 },
  provincial: { min: 7, max: 9 },
  regional: { min: 9, max: 11 },
  national: { min: 11, max: 13 },
};

/** The smallest jury that still has a majority without a casting vote. */
export const MIN_JURY_SIZE = 3;

export interface Council {
  level: JudgingLevel;
  memberIds: string[];
}

const firstDuplicate = (ids: readonly string[]): string | undefined =>
  ids.find((id, i) => ids.indexOf(id) !== i);

/** Refuses a council whose size is outside its level's range or that lists someone twice. */
export function checkCouncil(council: Council): Council {
  const { min, max } = councilSizeLimits[council.level];
  const size = council.memberIds.length;
  if (size < min || size > max) {
    throw new RuleViolationError(
      {
        vi: `Hội đồng bình chọn ${certificateLevelLabels[council.level]} có từ ${min} đến ${max} thành viên; danh sách có ${size}`,
        en: `A ${council.level} council has ${min} to ${max} members; the list has ${size}`,
      },
      'award-council.size-out-of-range',
      'memberIds',
    );
  }
  const duplicate = firstDuplicate(council.memberIds);
  if (duplicate !== undefined) {
    throw new RuleViolationError(
      {
        vi: `Thành viên ${duplicate} có tên hai lần trong hội đồng`,
        en: `Member ${duplicate} is listed twice in the council`,
      },
      'award-council.duplicate-member',
      'memberIds',
    );
  }
  return council;
}

/** Refuses a jury that is even, smaller than three, larger than its council or not drawn from it. */
export function checkJury(council: Council, jurorIds: string[]): string[] {
  const size = jurorIds.length;
  if (size < MIN_JURY_SIZE || size % 2 === 0) {
    throw new RuleViolationError(
      {
        vi: `Ban giám khảo phải có số thành viên lẻ, ít nhất ${MIN_JURY_SIZE}; danh sách có ${size}`,
        en: `A jury has an odd number of members, at least ${MIN_JURY_SIZE}; the list has ${size}`,
      },
      size % 2 === 0 ? 'award-jury.even-size' : 'award-jury.too-small',
      'jurorIds',
    );
  }
  if (size > council.memberIds.length) {
    throw new RuleViolationError(
      {
        vi: `Ban giám khảo (${size} người) không được đông hơn hội đồng (${council.memberIds.length} người)`,
        en: `The jury (${size}) cannot be larger than its council (${council.memberIds.length})`,
      },
      'award-jury.larger-than-council',
      'jurorIds',
    );
  }
  const outsider = jurorIds.find((id) => !council.memberIds.includes(id));
  if (outsider !== undefined) {
    throw new RuleViolationError(
      {
        vi: `Giám khảo ${outsider} không phải thành viên hội đồng bình chọn`,
        en: `Juror ${outsider} is not a member of the council`,
      },
      'award-jury.not-a-council-member',
      'jurorIds',
    );
  }
  const duplicate = firstDuplicate(jurorIds);
  if (duplicate !== undefined) {
    throw new RuleViolationError(
      { vi: `Giám khảo ${duplicate} có tên hai lần`, en: `Juror ${duplicate} is listed twice` },
      'award-jury.duplicate-juror',
      'jurorIds',
    );
  }
  return jurorIds;
}

/** A juror (or a council member who could substitute) declares a conflict of interest with an entry. */
export interface Recusal {
  entryCode: string;
  memberId: string;
}

/** The council secretary names a council member outside the jury to score one entry in a recused juror's place. */
export interface Substitution {
  entryCode: string;
  substituteId: string;
}

/** Who scores one entry: the jury minus the recused, plus the named substitutes. */
export interface EntryPanel {
  entryCode: string;
  jurorIds: string[];
  recusedIds: string[];
  substituteIds: string[];
}

export interface PanelInput {
  council: Council;
  /** The round's jury, as `checkJury` accepted it. */
  jurorIds: string[];
  entryCode: string;
  recusals: Recusal[];
  substitutions: Substitution[];
}

/**
 * The panel of one entry. A recused juror does not score it. Substitutes only fill places left by recusals (the
 * panel never outgrows the jury), so a recusal that leaves an even panel is answered by one substitute — or by
 * none if a second recusal already makes it odd again. Whether the panel may be finalised is `panelDefect`'s call.
 */
export function entryPanel({
  council,
  jurorIds,
  entryCode,
  recusals,
  substitutions,
}: PanelInput): EntryPanel {
  const recusedMembers = recusals.filter((r) => r.entryCode === entryCode).map((r) => r.memberId);
  const outsider = recusedMembers.find((id) => !council.memberIds.includes(id));
  if (outsider !== undefined) {
    throw new RuleViolationError(
      {
        vi: `${outsider} không phải thành viên hội đồng nên không có việc từ chối chấm sản phẩm ${entryCode}`,
        en: `${outsider} is not a council member, so has nothing to recuse from on entry ${entryCode}`,
      },
      'award-panel.recusal-not-a-council-member',
      'recusals',
    );
  }
  const recusedIds = jurorIds.filter((id) => recusedMembers.includes(id));
  const substituteIds = substitutions.filter((s) => s.entryCode === entryCode).map((s) => s.substituteId);
  substituteIds.forEach((id, i) => {
    const eligible =
      council.memberIds.includes(id) &&
      !jurorIds.includes(id) &&
      !recusedMembers.includes(id) &&
      substituteIds.indexOf(id) === i;
    if (!eligible) {
      throw new RuleViolationError(
        {
          vi: `Người thay thế ${id} cho sản phẩm ${entryCode} phải là thành viên hội đồng ngoài ban giám khảo, chưa được chọn và không có xung đột lợi ích với sản phẩm`,
          en: `Substitute ${id} for entry ${entryCode} must be a council member outside the jury, not already named and without a conflict of interest with the entry`,
        },
        'award-panel.ineligible-substitute',
        'substitutions',
      );
    }
  });
  if (substituteIds.length > recusedIds.length) {
    throw new RuleViolationError(
      {
        vi: `Sản phẩm ${entryCode} có ${recusedIds.length} giám khảo từ chối chấm nhưng ${substituteIds.length} người thay thế: chỉ được thay thế người đã từ chối`,
        en: `Entry ${entryCode} has ${recusedIds.length} recused juror(s) but ${substituteIds.length} substitute(s): a substitute only fills a recused juror's place`,
      },
      'award-panel.too-many-substitutes',
      'substitutions',
    );
  }
  return {
    entryCode,
    jurorIds: [...jurorIds.filter((id) => !recusedIds.includes(id)), ...substituteIds],
    recusedIds,
    substituteIds,
  };
}

/** Why an entry's panel cannot be finalised, or null when it can: it must stay odd and at least three. */
export function panelDefect(panel: Pick<EntryPanel, 'entryCode' | 'jurorIds'>): RuleViolationError | null {
  const size = panel.jurorIds.length;
  if (size > 0 && size % 2 === 0) {
    return new RuleViolationError(
      {
        vi: `Sản phẩm ${panel.entryCode} chỉ còn ${size} giám khảo chấm (số chẵn): thư ký hội đồng phải bổ sung một thành viên hội đồng thay người từ chối chấm trước khi chốt kết quả`,
        en: `Entry ${panel.entryCode} is left with ${size} jurors (even): the council secretary must add a council member in a recused juror's place before its result is finalised`,
      },
      'award-panel.even-size',
      'substitutions',
    );
  }
  if (size < MIN_JURY_SIZE) {
    return new RuleViolationError(
      {
        vi: `Sản phẩm ${panel.entryCode} chỉ còn ${size} giám khảo chấm, cần ít nhất ${MIN_JURY_SIZE}: thư ký hội đồng phải bổ sung người thay thế`,
        en: `Entry ${panel.entryCode} is left with ${size} juror(s), at least ${MIN_JURY_SIZE} are needed: the council secretary must add substitutes`,
      },
      'award-panel.too-small',
      'substitutions',
    );
  }
  return null;
}

/** Throws the panel's defect, if any: an entry with such a panel has no result yet. */
export function assertPanelFinalisable(panel: Pick<EntryPanel, 'entryCode' | 'jurorIds'>): void {
  const defect = panelDefect(panel);
  if (defect) throw defect;
}
