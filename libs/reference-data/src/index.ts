export { dayBefore, isIsoDate, nextDay, vietnamDate, type IsoDate } from './iso-date';
export { isRegionCode, regions, type Region, type RegionCode } from './regions';
export {
  COVERAGE_START,
  provincialUnitRecords,
  REORGANISATION_2025_DATE,
  type ProvincialUnitKind,
  type ProvincialUnitRecord,
  type UnitAttributeChange,
} from './provinces.data';
export { REORGANISATION_2025, reorganisations, type Reorganisation } from './lineage.data';
export {
  currentUnitFor,
  findProvince,
  findProvinceUpTo,
  isValidProvinceCode,
  predecessorsOf,
  predecessorUnitsOf,
  provincesAsOf,
  provincesOfRegion,
  regionOf,
  searchProvinces,
  successorOf,
  unitInForce,
  unitInForceDuring,
  type ProvincialUnit,
} from './province-lookup';
export {
  activityContents,
  findActivityContent,
  isActivityContentCode,
  type ActivityContent,
  type ActivityContentCode,
} from './activity-contents';
export { referenceProvinces } from './province-directory';
export { foldDiacritics } from './text';
export { unitReadings, unitsCoveredBy, type UnitReading } from './unit-coverage';
export {
  checkSupport,
  governingNorm,
  normAppliesTo,
  normInForce,
  type FundingNorm,
  type NormCheck,
  type SupportClaim,
} from './funding-norm';
export * from './working-days';
