import { fundingNormRoutes, planRoutes } from './plans.routes';
import {
  auditRoutes,
  clientRoutes,
  documentRoutes,
  identityRoutes,
  liveRoutes,
  referenceRoutes,
  userRoutes,
} from './gateway.routes';
import { programmeRoutes } from './programmes.routes';
import { projectFinanceRoutes, projectRoutes } from './projects.routes';
import {
  awardEntryRoutes,
  awardJuryRoutes,
  awardResultRoutes,
  awardRoundRoutes,
  awardScoringRoutes,
} from './awards.routes';
import { awardComplaintRoutes } from './award-complaints.routes';
import { artisanTitleRoutes } from './artisan-titles.routes';
import { awardCertificateRoutes } from './award-certificates.routes';
import { clusterRoutes } from './clusters.routes';
import { clusterReportRoutes } from './cluster-reports.routes';
import { clusterInspectionRoutes, clusterPetitionRoutes } from './cluster-petitions.routes';
import { clusterSupportRoutes } from './cluster-support.routes';
import {
  conferencePackRoutes,
  conferenceRoutes,
  fairFigureRoutes,
  watchlistRoutes,
} from './reporting.routes';
import { notificationRoutes, periodicReportRoutes, webhookRoutes } from './periodic-reports.routes';
import type { RouteDefinition } from './route';
import { tradeFairRoutes } from './trade-fairs.routes';

export * from './route';
export {
  auditRoutes,
  clientRoutes,
  documentRoutes,
  identityRoutes,
  liveRoutes,
  referenceRoutes,
  userRoutes,
} from './gateway.routes';
export {
  awardEntryRoutes,
  awardJuryRoutes,
  awardResultRoutes,
  awardRoundRoutes,
  awardScoringRoutes,
} from './awards.routes';
export { awardComplaintRoutes } from './award-complaints.routes';
export { artisanTitleRoutes } from './artisan-titles.routes';
export { awardCertificateRoutes } from './award-certificates.routes';
export { clusterRoutes } from './clusters.routes';
export { clusterReportRoutes } from './cluster-reports.routes';
export { clusterInspectionRoutes, clusterPetitionRoutes } from './cluster-petitions.routes';
export { clusterSupportRoutes } from './cluster-support.routes';
export {
  conferencePackRoutes,
  conferenceRoutes,
  fairFigureRoutes,
  watchlistRoutes,
} from './reporting.routes';
export { notificationRoutes, periodicReportRoutes, webhookRoutes } from './periodic-reports.routes';
export { fundingNormRoutes, planRoutes } from './plans.routes';
export { programmeRoutes } from './programmes.routes';
export { tradeFairRoutes } from './trade-fairs.routes';
export { projectFinanceRoutes, projectRoutes } from './projects.routes';

/** Every route declared in the table, for the gateway to mount and document. */
export const ROUTE_TABLE: readonly RouteDefinition[] = [
  // The gateway's own (the generic relay leaves them to their hand-written handlers).
  ...Object.values(identityRoutes),
  ...Object.values(clientRoutes),
  ...Object.values(userRoutes),
  ...Object.values(auditRoutes),
  ...Object.values(referenceRoutes),
  ...Object.values(documentRoutes),
  ...Object.values(liveRoutes),
  ...Object.values(clusterRoutes),
  ...Object.values(clusterReportRoutes),
  ...Object.values(clusterPetitionRoutes),
  ...Object.values(clusterInspectionRoutes),
  ...Object.values(clusterSupportRoutes),
  ...Object.values(awardRoundRoutes),
  ...Object.values(awardJuryRoutes),
  ...Object.values(awardEntryRoutes),
  ...Object.values(awardScoringRoutes),
  ...Object.values(awardResultRoutes),
  ...Object.values(awardComplaintRoutes),
  ...Object.values(artisanTitleRoutes),
  ...Object.values(awardCertificateRoutes),
  ...Object.values(conferenceRoutes),
  ...Object.values(conferencePackRoutes),
  ...Object.values(watchlistRoutes),
  ...Object.values(fairFigureRoutes),
  ...Object.values(periodicReportRoutes),
  ...Object.values(notificationRoutes),
  ...Object.values(webhookRoutes),
  ...Object.values(tradeFairRoutes),
  ...Object.values(programmeRoutes),
  ...Object.values(planRoutes),
  ...Object.values(fundingNormRoutes),
  ...Object.values(projectFinanceRoutes),
  ...Object.values(projectRoutes),
];
