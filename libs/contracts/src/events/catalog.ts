import type { EventDefinition } from './event-definition';
import { periodicReportSubmittedV1 } from './reporting/periodic-report-submitted/v1/schema';
import { periodicReportReturnedV1 } from './reporting/periodic-report-returned/v1/schema';
import { periodicReportApprovedV1 } from './reporting/periodic-report-approved/v1/schema';
import { planCreatedV1 } from './plans/plan-created/v1/schema';
import { planCeilingSetV1 } from './plans/plan-ceiling-set/v1/schema';
import { registrationSubmittedV1 } from './plans/registration-submitted/v1/schema';
import { assignmentDecidedV1 } from './plans/assignment-decided/v1/schema';
import { programmeCreatedV1 } from './plans/programme-created/v1/schema';
import { projectRegisteredV2 } from './projects/project-registered/v2/schema';
import { projectStatusChangedV1 } from './projects/project-status-changed/v1/schema';
import { projectAppraisedV1 } from './projects/project-appraised/v1/schema';
import { projectContractedV1 } from './projects/project-contracted/v1/schema';
import { progressReportedV1 } from './projects/progress-reported/v1/schema';
import { disbursementRecordedV1 } from './projects/disbursement-recorded/v1/schema';
import { projectSettledV1 } from './projects/project-settled/v1/schema';
import { projectAdjustedV1 } from './projects/project-adjusted/v1/schema';
import { projectStoppedV1 } from './projects/project-stopped/v1/schema';
import { clusterRegisteredV1 } from './clusters/cluster-registered/v1/schema';
import { clusterRecordedV1 } from './clusters/cluster-recorded/v1/schema';
import { clusterReportApprovedV1 } from './clusters/report-approved/v1/schema';
import { fairCreatedV1 } from './trade-fairs/fair-created/v1/schema';
import { boothAddedV1 } from './trade-fairs/booth-added/v1/schema';
import { quotaSetV1 } from './trade-fairs/quota-set/v1/schema';
import { registrationWindowScheduledV1 } from './trade-fairs/registration-window-scheduled/v1/schema';
import { boothHeldV1 } from './trade-fairs/booth-held/v1/schema';
import { boothAllocatedV1 } from './trade-fairs/booth-allocated/v1/schema';
import { registrationWaitlistedV1 } from './trade-fairs/registration-waitlisted/v1/schema';
import { registrationCancelledV1 } from './trade-fairs/registration-cancelled/v1/schema';
import { registrationCertifiedV1 } from './trade-fairs/registration-certified/v1/schema';
import { registrationCheckedInV1 } from './trade-fairs/registration-checked-in/v1/schema';
import { participantListCertifiedV1 } from './trade-fairs/participant-list-certified/v1/schema';
import { holdExpiredV1 } from './trade-fairs/hold-expired/v1/schema';
import { fairCreatedV2 } from './trade-fairs/fair-created/v2/schema';
import { registrationRequestedV1 } from './trade-fairs/registration-requested/v1/schema';
import { lotteryDrawnV1 } from './trade-fairs/lottery-drawn/v1/schema';
import { registrationCancelledV2 } from './trade-fairs/registration-cancelled/v2/schema';
import { awardRoundOpenedV1 } from './awards/round-opened/v1/schema';
import { awardCertificateIssuedV1 } from './awards/certificate-issued/v1/schema';
import { awardCertificateWithdrawnV1 } from './awards/certificate-withdrawn/v1/schema';
import { awardEntrySubmittedV1 } from './awards/entry-submitted/v1/schema';
import { awardRoundResultPublishedV1 } from './awards/round-result-published/v1/schema';
import { artisanTitleConferredV1 } from './awards/artisan-title-conferred/v1/schema';
import { auditRecordAppendedV1 } from './audit/record-appended/v1/schema';

/** Every event version the platform knows. A consumer accepts only what is listed here. */
export const EVENT_CATALOG: readonly EventDefinition[] = [
  planCreatedV1,
  planCeilingSetV1,
  registrationSubmittedV1,
  assignmentDecidedV1,
  programmeCreatedV1,
  projectRegisteredV2,
  projectStatusChangedV1,
  projectAppraisedV1,
  projectContractedV1,
  progressReportedV1,
  disbursementRecordedV1,
  projectSettledV1,
  projectAdjustedV1,
  projectStoppedV1,
  clusterRegisteredV1,
  clusterRecordedV1,
  clusterReportApprovedV1,
  fairCreatedV1,
  boothAddedV1,
  quotaSetV1,
  registrationWindowScheduledV1,
  boothHeldV1,
  boothAllocatedV1,
  registrationWaitlistedV1,
  registrationCancelledV1,
  registrationCertifiedV1,
  participantListCertifiedV1,
  registrationCheckedInV1,
  holdExpiredV1,
  fairCreatedV2,
  registrationRequestedV1,
  lotteryDrawnV1,
  registrationCancelledV2,
  awardRoundOpenedV1,
  awardCertificateIssuedV1,
  awardCertificateWithdrawnV1,
  awardEntrySubmittedV1,
  awardRoundResultPublishedV1,
  artisanTitleConferredV1,
  auditRecordAppendedV1,
  periodicReportSubmittedV1,
  periodicReportReturnedV1,
  periodicReportApprovedV1,
];

const byKey = new Map(EVENT_CATALOG.map((d) => [`${d.type}@${d.version}`, d]));

export function findEventDefinition(type: string, version: number): EventDefinition | undefined {
  return byKey.get(`${type}@${version}`);
}

export function isKnownEventType(type: string): boolean {
  return EVENT_CATALOG.some((d) => d.type === type);
}
