import { awardProductGroupLabels, type AwardEntryView } from '@kc/contracts';
import { In, type EntityManager } from 'typeorm';
import {
  AwardEntryFileEntity,
  type AwardEntryEntity,
} from '../infrastructure/persistence/award-entry.entity';

/** The views of `entries`, in their order, each with its dossier files. */
export async function entryViews(
  manager: EntityManager,
  entries: AwardEntryEntity[],
): Promise<AwardEntryView[]> {
  const files =
    entries.length === 0
      ? []
      : await manager.getRepository(AwardEntryFileEntity).find({
          where: { entryId: In(entries.map((e) => e.id)) },
          order: { position: 'ASC' },
        });
  return entries.map((e) => ({
    id: e.id,
    roundId: e.roundId,
    code: e.code,
    facility: {
      name: e.facilityName,
      taxCode: e.facilityTaxCode,
      provinceCode: e.provinceCode,
      localUnitCode: e.localUnitCode,
    },
    productGroup: e.productGroup,
    productGroupLabel: awardProductGroupLabels[e.productGroup],
    product: { kind: e.productKind, name: e.productName, items: e.productItems },
    lowerCertificateNumber: e.lowerCertificateNumber,
    dossier: files
      .filter((f) => f.entryId === e.id)
      .map((f) => ({
        kind: f.kind,
        fileName: f.fileName,
        mediaType: f.mediaType,
        sizeBytes: f.sizeBytes,
        sha256: f.sha256,
        receivedBytes: f.receivedBytes,
        uploaded: f.uploadedAt !== null,
      })),
    submittedOn: e.submittedOn,
    submittedBy: e.submittedBy,
  }));
}
