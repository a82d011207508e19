import {
  CLUSTER_SUPPORT_CONTENT,
  projectStatusLabel,
  type ClusterSupportProjectView,
  type ClusterSupportView,
} from '@kc/contracts';
import { ConflictError, RuleViolationError, type DomainError } from '@kc/errors';
import { successorOf } from '@kc/reference-data';
import type {
  LinkedProjectRow,
  SupportProjectRow,
} from '../../infrastructure/persistence/support/support-projects';

/** The unit holding a province code's territory today (a unit merged on 2025-07-01 reads as its successor). */
function unitToday(code: string): string {
  try {
    return successorOf(code);
  } catch {
    return code; // a unit created by the 2025 reform is its own successor
  }
}

interface ClusterSide {
  id: string;
  code: string;
  provinceCode: string;
}

/**
 * Why a project may not be linked to a cluster as support received, or null when it may: known here (its
 * registration received from the projects events), of activity content 7, of the cluster's province (the same
 * unit today), and linked to no other cluster.
 */
export function linkRefusal(
  cluster: ClusterSide,
  projectId: string,
  project: SupportProjectRow | null,
  linkedTo: { clusterId: string; clusterCode: string } | null,
): DomainError | null {
  if (!project || !project.registered) {
    return new RuleViolationError(
      {
        vi:
          `Dịch vụ cụm công nghiệp chưa nhận được đề án ${projectId} từ dịch vụ đề án; nếu đề án vừa được đăng ký, ` +
          `sự kiện có thể đang trên đường đến — hãy thử lại sau ít phút`,
        en:
          `The clusters service has not received project ${projectId} from the projects service yet; if it was ` +
          `registered just now its event may be on its way — try again in a few minutes`,
      },
      'cluster-support.project-not-received',
      'projectId',
    );
  }
  const code = project.code ?? projectId;
  if (!(project.activityContents ?? []).includes(CLUSTER_SUPPORT_CONTENT)) {
    return new RuleViolationError(
      {
        vi:
          `Đề án ${code} không thuộc nội dung 7 (hỗ trợ cụm liên kết, quy hoạch và hạ tầng cụm công nghiệp, di dời và ` +
          `xử lý ô nhiễm); nội dung của đề án: ${(project.activityContents ?? []).join(', ')}`,
        en:
          `Project ${code} is not of activity content 7 (linkage clusters, cluster planning and infrastructure, ` +
          `relocation and pollution treatment); its contents: ${(project.activityContents ?? []).join(', ')}`,
      },
      'cluster-support.not-content-7',
      'projectId',
    );
  }
  if (!project.provinceCode || unitToday(project.provinceCode) !== unitToday(cluster.provinceCode)) {
    return new RuleViolationError(
      {
        vi: `Đề án ${code} thuộc tỉnh ${project.provinceCode}, không thuộc tỉnh ${cluster.provinceCode} của cụm ${cluster.code}`,
        en: `Project ${code} belongs to province ${project.provinceCode}, not to the cluster ${cluster.code}'s province ${cluster.provinceCode}`,
      },
      'cluster-support.other-province',
      'projectId',
    );
  }
  if (linkedTo && linkedTo.clusterId !== cluster.id) return linkedElsewhere(code, linkedTo.clusterCode);
  return null;
}

export const linkedElsewhere = (projectCode: string, clusterCode: string | null) =>
  new ConflictError(
    {
      vi: `Đề án ${projectCode} đã được gắn với cụm công nghiệp khác${clusterCode ? ` (${clusterCode})` : ''}; một đề án chỉ hỗ trợ một cụm`,
      en: `Project ${projectCode} is already linked to another cluster${clusterCode ? ` (${clusterCode})` : ''}; a project supports one cluster`,
    },
    'cluster-support.linked-elsewhere',
    'projectId',
  );

export function supportProjectView(row: LinkedProjectRow): ClusterSupportProjectView {
  const status = row.status ?? 'registered';
  return {
    projectId: row.projectId,
    code: row.code ?? '',
    title: row.title ?? '',
    provinceCode: row.provinceCode ?? '',
    planYear: row.planYear ?? 0,
    fundingSource: row.fundingSource ?? 'KCQG',
    activityContents: row.activityContents ?? [],
    status,
    statusLabel: projectStatusLabel(status),
    kcqgVnd: row.kcqgVnd ?? 0,
    kcdpVnd: row.kcdpVnd ?? 0,
    requestedSupportVnd: row.requestedSupportVnd ?? 0,
    appraisedSupportVnd: row.appraisedSupportVnd,
    allocatedVnd: row.allocatedVnd,
    advancedVnd: row.advancedVnd,
    paidVnd: row.paidVnd,
    settledVnd: row.settledVnd,
    settledOn: row.settledOn,
    stoppedOn: row.stoppedOn,
    releasedVnd: row.releasedVnd,
    linkedBy: row.linkedBy,
    linkedAt: row.linkedAt.toISOString(),
  };
}

/** The linked projects and their exact sums (integers: no rounding anywhere; a null amount adds nothing). */
export function supportView(rows: readonly LinkedProjectRow[]): ClusterSupportView {
  const projects = rows.map(supportProjectView);
  const sum = (pick: (p: ClusterSupportProjectView) => number | null) =>
    projects.reduce((total, p) => total + (pick(p) ?? 0), 0);
  return {
    projects,
    totals: {
      projects: projects.length,
      kcqgVnd: sum((p) => p.kcqgVnd),
      kcdpVnd: sum((p) => p.kcdpVnd),
      appraisedSupportVnd: sum((p) => p.appraisedSupportVnd),
      allocatedVnd: sum((p) => p.allocatedVnd),
      paidVnd: sum((p) => p.paidVnd),
      settledVnd: sum((p) => p.settledVnd),
      releasedVnd: sum((p) => p.releasedVnd),
    },
  };
}
