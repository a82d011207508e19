import {
  projectStatusLabels,
  type AdjustmentView,
  type AppraisalView,
  type ProjectDetailView,
  type ProjectView,
} from '@kc/contracts';
import type { ProjectEntity } from '../infrastructure/persistence/project.entity';
import type {
  AdjustmentEntity,
  AppraisalEntity,
  ProjectBeneficiaryEntity,
} from '../infrastructure/persistence/project-records.entity';

export const toProjectView = (p: ProjectEntity): ProjectView => ({
  id: p.id,
  code: p.code,
  planId: p.planId,
  planYear: p.planYear,
  planLevel: p.planLevel,
  fundingSource: p.fundingSource,
  title: p.title,
  kind: p.kind,
  activityContents: p.activityContents,
  implementingUnit: p.implementingUnit,
  partners: p.partners,
  provinceCode: p.provinceCode,
  commune: p.commune,
  startDate: p.startDate,
  endDate: p.endDate,
  kcqgVnd: p.kcqgVnd,
  kcdpVnd: p.kcdpVnd,
  counterpartVnd: p.counterpartVnd,
  otherVnd: p.otherVnd,
  totalCostVnd: p.kcqgVnd + p.kcdpVnd + p.counterpartVnd + p.otherVnd,
  requestedSupportVnd: p.requestedSupportVnd,
  normCode: p.normCode,
  normUnits: p.normUnits,
  procurementMode: p.procurementMode,
  advanceCategory: p.advanceCategory,
  status: p.status,
  statusLabel: projectStatusLabels[p.status],
  appraisedSupportVnd: p.appraisedSupportVnd,
  allocatedSupportVnd: p.allocatedSupportVnd,
  contract:
    p.contractValueVnd === null
      ? null
      : {
          mode: p.contractMode ?? 'contract',
          number: p.contractNumber ?? '',
          signedOn: p.contractSignedOn ?? '',
          valueVnd: p.contractValueVnd,
          parties: p.contractParties ?? [],
        },
  advancedVnd: p.advancedVnd,
  paidVnd: p.paidVnd,
  lastProgressMonth: p.lastProgressMonth,
  lastProgressPercent: p.lastProgressPercent,
  acceptedOn: p.acceptedOn,
  liquidatedOn: p.liquidatedOn,
  finalValueVnd: p.finalValueVnd,
  settledVnd: p.settledVnd,
  settledOn: p.settledOn,
  settlementLate: p.settlementLate,
  stoppedOn: p.stoppedOn,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

const toAppraisalView = (a: AppraisalEntity): AppraisalView => ({
  id: a.id,
  level: a.level,
  reviewer: a.reviewer,
  criteria: a.criteria,
  result: a.result,
  appraisedSupportVnd: a.appraisedSupportVnd,
  remarks: a.remarks,
  appraisedOn: a.appraisedOn,
  recordedBy: a.recordedBy,
  recordedAt: a.createdAt.toISOString(),
});

const toAdjustmentView = (a: AdjustmentEntity): AdjustmentView => ({
  id: a.id,
  kind: a.kind,
  level: a.level,
  decisionNumber: a.decisionNumber,
  decidedOn: a.decidedOn,
  reason: a.reason,
  before: a.before,
  after: a.after,
  recordedBy: a.recordedBy,
  recordedAt: a.createdAt.toISOString(),
});

export const toProjectDetail = (
  project: ProjectEntity,
  beneficiaries: ProjectBeneficiaryEntity[],
  appraisals: AppraisalEntity[],
  adjustments: AdjustmentEntity[],
): ProjectDetailView => ({
  ...toProjectView(project),
  beneficiaries: beneficiaries.map((b) => ({
    taxCode: b.taxCode,
    name: b.name,
    legalForm: b.legalForm,
  })),
  appraisals: appraisals.map(toAppraisalView),
  adjustments: adjustments.map(toAdjustmentView),
});
