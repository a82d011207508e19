/** A registration row as the allocation statements return it (snake case, as stored). */
interface RegistrationRow {
  id: string;
  fair_id: string;
  facility_tax_code: string;
  facility_province_code: string;
}

/** What every registration event names first: the fair, the registration and the facility with its unit. */
export const registrationFacts = (registration: RegistrationRow) => ({
  fairId: registration.fair_id,
  registrationId: registration.id,
  facilityTaxCode: registration.facility_tax_code,
  provinceCode: registration.facility_province_code,
});
