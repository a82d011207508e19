export * from './event-definition';
export * from './catalog';
export { planCreatedV1 } from './plans/plan-created/v1/schema';
export { projectRegisteredV1 } from './projects/project-registered/v1/schema';
export { projectApprovedV1 } from './projects/project-approved/v1/schema';
export { clusterRegisteredV1 } from './clusters/cluster-registered/v1/schema';
export { fairCreatedV1 } from './trade-fairs/fair-created/v1/schema';
export { awardRoundOpenedV1 } from './awards/round-opened/v1/schema';
export { auditRecordAppendedV1 } from './audit/record-appended/v1/schema';
