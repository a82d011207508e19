import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { isCentral } from '@kc/auth';
import {
  boothAllocatedV1,
  registrationCancelledV2,
  registrationRequestedV1,
  registrationStateLabels,
  requestFingerprint,
  type CreateRegistrationRequest,
  type ListRegistrationsQuery,
  type Page,
  type Principal,
  type RegistrationState,
  type RegistrationView,
} from '@kc/contracts';
import { ConflictError, NotFoundError } from '@kc/errors';
import { OwnerClient, withReplicaCatchUp } from '@kc/http';
import { OutboxWriter, outboxEntry } from '@kc/messaging';
import { referenceProvinces, vietnamDate } from '@kc/reference-data';
import { assertNamedCertificatesHeld, holdsValidAward } from '../domain/award-certificate';
import {
  assertFacilityMayAttend,
  assertWindowOpen,
  assertWithinFacilityLimit,
} from '../domain/booth-registration';
import { assertMayCancel } from '../domain/cancellation';
import { BoothEntity } from '../infrastructure/persistence/booth.entity';
import { RegistrationEntity } from '../infrastructure/persistence/registration.entity';
import { allocateLiveHold, type HeldBooth } from '../infrastructure/persistence/booth-allocation.queries';
import { certificatesOf, lockFacilityAwards } from '../infrastructure/persistence/award-certificates.queries';
import type { FairEntity } from '../infrastructure/persistence/fair.entity';
import {
  bookingContext,
  insertRegistrationUnlessKeyUsed,
  isCertified,
  lockRegistration,
  markCancelled,
  type RegistrationRow,
} from '../infrastructure/persistence/registrations.queries';
import { AWARDS_OWNER, REPLICA_WAIT_MS, awardsIssuedAll } from './awards-owner';
import { BoothAllocation } from './booth-allocation';
import { assertMayRegister, mayManage, registrationListScope } from './registration-access';
import { fairNotFound, fairOrThrow } from './fair-lookup';
import { assertParticipantListOpen } from './participant-list.service';
import { inTransaction, pgCode, pgConstraint } from '@kc/persistence';
import { registrationFacts } from './registration-facts';

/** The same key means the same request only from the same caller with the same body. */
const requestHashOf = (principal: Principal, request: CreateRegistrationRequest) =>
  requestFingerprint(`${principal.kind}:${principal.id}`, request);

/** The certificate numbers the request's products name. */
const namedCertificates = (request: CreateRegistrationRequest) =>
  request.products.flatMap((p) => p.awardCertificateNumber ?? []);

/** Thrown inside the transaction to undo it when a concurrent request with the same key won the race. */
class KeyAlreadyUsed extends Error {}

export interface Registered {
  view: RegistrationView;
  /** True when the key had already been used for this request: nothing new was created. */
  replayed: boolean;
}

const notFound = (id: string) =>
  new NotFoundError(
    { vi: `Không có đăng ký ${id}`, en: `Registration ${id} does not exist` },
    'registration.not-found',
  );

const stateOf = (state: RegistrationState) => ({ state, stateLabel: registrationStateLabels[state] });

@Injectable()
export class RegistrationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly allocation: BoothAllocation,
    @Inject(AWARDS_OWNER) private readonly awardsOwner: OwnerClient,
    @Inject(REPLICA_WAIT_MS) private readonly replicaWaitMs: number,
  ) {}

  /**
   * Holds booths for the facility, or puts the request on the waiting list when none it may use are free; at
   * a lottery fair, collects the request for the draw. A request with an already used key answers with the
   * registration the key made.
   */
  async register(
    principal: Principal,
    fairId: string,
    idempotencyKey: string,
    request: CreateRegistrationRequest,
  ): Promise<Registered> {
    const requestHash = requestHashOf(principal, request);
    const { fair, keyUsedBy, facilityHasLive } = await bookingContext(
      this.dataSource.manager,
      fairId,
      idempotencyKey,
      request.facility.taxCode,
    );
    if (!fair) throw fairNotFound(fairId);
    if (keyUsedBy) return this.replay(fairId, keyUsedBy, requestHash);

    assertMayRegister(principal, request.facility);
    assertWindowOpen({ opensAt: fair.registrationOpensAt, closesAt: fair.registrationClosesAt }, new Date());
    assertWithinFacilityLimit(request.boothCount, fair.facilityBoothLimit);
    assertFacilityMayAttend(fair, request.facility.provinceCode, referenceProvinces);
    if (facilityHasLive) throw this.alreadyRegistered(request.facility.taxCode);

    // A named number is judged on the copy of awards' certificates: "unknown" may only mean the copy lags.
    return withReplicaCatchUp({
      owner: this.awardsOwner,
      waitMs: this.replicaWaitMs,
      lagCodes: ['registration.certificate-unknown'],
      attempt: () => this.book(principal, fair, idempotencyKey, request, requestHash),
      ownerAllows: () => awardsIssuedAll(this.awardsOwner, namedCertificates(request)),
    });
  }

  /**
   * Judges the facility's award priority, then holds booths, waitlists or collects the request for the draw —
   * in one transaction.
   */
  private async book(
    principal: Principal,
    fair: FairEntity,
    idempotencyKey: string,
    request: CreateRegistrationRequest,
    requestHash: string,
  ): Promise<Registered> {
    const fairId = fair.id;
    const id = randomUUID();
    const facility = request.facility;
    const lottery = fair.allocationMethod === 'lottery';
    let registered: { registration: RegistrationEntity; booths: HeldBooth[] };
    try {
      registered = await inTransaction(this.dataSource, async (manager) => {
        const awardCertified = await this.judgeAwardPriority(manager, request, fair.startDate);
        const wanted = {
          id,
          fair_id: fairId,
          facility_tax_code: facility.taxCode,
          facility_province_code: facility.provinceCode,
          booth_count: request.boothCount,
          booth_kind: request.boothKind,
        };
        // Whatever has lapsed is returned, and the waiting list served, before this request takes anything.
        if (!lottery) await this.allocation.catchUp(manager, fair);
        // A lottery request takes nothing now: the draw at the close of the window decides.
        const hold = lottery ? null : await this.allocation.tryHold(manager, fair, wanted);
        const registration = await insertRegistrationUnlessKeyUsed(manager, {
          id,
          fairId,
          idempotencyKey,
          requestHash,
          facility,
          products: request.products,
          boothCount: request.boothCount,
          boothKind: request.boothKind,
          state: lottery ? 'requested' : hold ? 'held' : 'waitlisted',
          chargedTo: hold?.chargedTo ?? null,
          holdExpiresAt: hold?.expiresAt ?? null,
          awardCertified,
        });
        if (!registration) throw new KeyAlreadyUsed();
        if (lottery) {
          await this.recordRequested(manager, { ...wanted, award_certified: awardCertified });
        } else if (hold) {
          await this.allocation.recordHold(manager, wanted, hold, false);
        } else {
          await this.allocation.recordWaitlisted(manager, {
            ...wanted,
            position: registration.waitlistPosition!,
          });
        }
        return { registration, booths: hold?.booths ?? [] };
      });
    } catch (error) {
      if (error instanceof KeyAlreadyUsed) {
        return this.replay(fairId, (await this.byKey(fairId, idempotencyKey))!, requestHash);
      }
      if (pgCode(error) === '23505' && pgConstraint(error) === 'fair_registration_one_live_per_facility') {
        throw this.alreadyRegistered(facility.taxCode);
      }
      throw error;
    }
    // Built from what the transaction wrote; shown only to a caller who may see it, as GET would.
    return { view: this.visibleView(principal, registered.registration, registered.booths), replayed: false };
  }

  /**
   * Award priority read off the copy of awards' certificates, under the facility's lock (see
   * award-certificates.queries.ts) so that a withdrawal is either seen here or judges this request again. The
   * copy is read as it is: a favour it does not grant yet is granted when the lagging issue event arrives, since
   * that event judges the facility's waiting requests again — only refusals wait for the copy to catch up.
   */
  private async judgeAwardPriority(
    manager: EntityManager,
    request: CreateRegistrationRequest,
    fairStartDate: string,
  ): Promise<boolean> {
    const { taxCode } = request.facility;
    await lockFacilityAwards(manager, taxCode);
    const certificates = await certificatesOf(manager, taxCode, namedCertificates(request));
    assertNamedCertificatesHeld(request.products, taxCode, new Map(certificates.map((c) => [c.number, c])));
    const own = certificates.filter((c) => c.holderTaxCode === taxCode);
    return holdsValidAward(own, fairStartDate, vietnamDate(new Date()));
  }

  /** Turns a live hold into an allocation. A lapsed hold cannot be confirmed: its booths go back at once. */
  async confirm(principal: Principal, fairId: string, id: string): Promise<RegistrationView> {
    const outcome = await inTransaction(this.dataSource, async (manager) => {
      const registration = await this.lockVisible(manager, principal, fairId, id);
      if (registration.state !== 'held') return { state: registration.state };
      // The hold counts only while hold_expires_at > now(), checked by the allocating statement itself.
      const allocated = await allocateLiveHold(manager, id);
      if (!allocated) {
        await this.allocation.expire(manager, registration);
        await this.allocation.promote(manager, await fairOrThrow(manager, fairId));
        return { state: 'lapsed' as const };
      }
      const codes = allocated.booths.map((b) => b.code).sort();
      const rentVnd = allocated.booths.reduce((sum, b) => sum + b.rentVnd, 0);
      await this.outbox.appendAll(manager, [
        outboxEntry(boothAllocatedV1, {
          aggregateId: fairId,
          provinceCode: registration.facility_province_code,
          payload: {
            fairId,
            registrationId: id,
            facilityTaxCode: registration.facility_tax_code,
            provinceCode: registration.facility_province_code,
            boothCodes: codes,
            rentVnd,
          },
        }),
        this.outbox.auditEvent({
          action: 'fair-registration.allocate',
          resourceType: 'fair-registration',
          resourceId: id,
          provinceCode: registration.facility_province_code,
          summary: `Xác nhận gian hàng ${codes.join(', ')} cho cơ sở ${registration.facility_tax_code}`,
        }),
      ]);
      return { state: 'allocated' as const, ...allocated };
    });
    if (outcome.state === 'lapsed') {
      throw new ConflictError(
        {
          vi: 'Thời hạn giữ chỗ đã hết trước khi được xác nhận; các gian hàng đã được trả lại',
          en: 'The hold expired before it was confirmed; its booths were released',
        },
        'registration.hold-expired',
      );
    }
    // Confirming again what is already allocated answers as the first confirmation did.
    if (outcome.state === 'allocated') {
      return 'registration' in outcome
        ? registrationView(outcome.registration, outcome.booths, new Date())
        : this.get(principal, fairId, id);
    }
    throw new ConflictError(
      {
        vi: `Đăng ký đang ở trạng thái "${registrationStateLabels[outcome.state]}", không phải đang giữ chỗ: không có gì để xác nhận`,
        en: `The registration is ${outcome.state}, not held: nothing to confirm`,
      },
      'registration.not-held',
    );
  }

  /**
   * Cancels a live registration; its booths go to the waiting list first. A certified one only by the agency
   * (assertMayCancel): its certification then no longer counts.
   */
  async cancel(principal: Principal, fairId: string, id: string, reason: string): Promise<RegistrationView> {
    const fair = await fairOrThrow(this.dataSource.manager, fairId);
    await inTransaction(this.dataSource, async (manager) => {
      const registration = await this.lockVisible(manager, principal, fairId, id);
      const certified = await isCertified(manager, id);
      assertMayCancel({ state: registration.state, certified }, isCentral(principal));
      if (registration.state === 'allocated') await assertParticipantListOpen(manager, fairId);
      const freed = await this.allocation.freeBooths(manager, registration);
      await markCancelled(manager, id, reason);
      await this.outbox.append(manager, registrationCancelledV2, {
        aggregateId: fairId,
        provinceCode: registration.facility_province_code,
        payload: {
          fairId,
          registrationId: id,
          facilityTaxCode: registration.facility_tax_code,
          provinceCode: registration.facility_province_code,
          previousState: registration.state as 'requested' | 'held' | 'allocated' | 'waitlisted',
          freedBoothCodes: freed,
          reason,
          wasCertified: certified,
        },
      });
      await this.outbox.audit(manager, {
        action: 'fair-registration.cancel',
        resourceType: 'fair-registration',
        resourceId: id,
        provinceCode: registration.facility_province_code,
        summary:
          `Hủy đăng ký của cơ sở ${registration.facility_tax_code}` +
          (certified ? ' (đã được xác nhận: thu hồi hỗ trợ)' : '') +
          (freed.length ? `, trả lại gian hàng ${freed.join(', ')}` : '') +
          `. Lý do: ${reason}`,
      });
      await this.allocation.promote(manager, fair);
    });
    return this.get(principal, fairId, id);
  }

  /** Another facility's or province's registration answers exactly like a missing one. */
  async get(principal: Principal, fairId: string, id: string): Promise<RegistrationView> {
    const registration = await this.dataSource.getRepository(RegistrationEntity).findOneBy({ id, fairId });
    if (!registration || !mayManage(principal, registration)) throw notFound(id);
    const [view] = await this.toViews([registration]);
    return view;
  }

  async list(
    principal: Principal,
    fairId: string,
    query: ListRegistrationsQuery,
  ): Promise<Page<RegistrationView>> {
    await fairOrThrow(this.dataSource.manager, fairId);
    const scope = registrationListScope(principal, query.provinceCode, query.unitAsOf);
    const [items, total] = await this.dataSource.getRepository(RegistrationEntity).findAndCount({
      where: {
        fairId,
        state: query.state,
        facilityProvinceCode: scope.provinceCodes && In(scope.provinceCodes),
        facilityTaxCode: scope.facilityTaxCode,
      },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: (query.page - 1) * query.limit,
      take: query.limit,
    });
    return { items: await this.toViews(items), page: query.page, limit: query.limit, total };
  }

  /** Views of registrations the caller has already been let see. */
  async toViews(registrations: RegistrationEntity[]): Promise<RegistrationView[]> {
    const booths = await this.dataSource
      .getRepository(BoothEntity)
      .find({ where: { registrationId: In(registrations.map((r) => r.id)) }, order: { code: 'ASC' } });
    const now = new Date();
    const boothsOf = (r: RegistrationEntity) => booths.filter((b) => b.registrationId === r.id);
    return registrations.map((r) => registrationView(r, boothsOf(r), now));
  }

  private visibleView(principal: Principal, registration: RegistrationEntity, booths: HeldBooth[]) {
    if (!mayManage(principal, registration)) throw notFound(registration.id);
    return registrationView(registration, booths, new Date());
  }

  /** The registration a key made, once a concurrent request with that key has committed it. */
  private byKey(fairId: string, idempotencyKey: string) {
    return this.dataSource
      .getRepository(RegistrationEntity)
      .findOne({ select: { id: true, requestHash: true }, where: { fairId, idempotencyKey } });
  }

  /**
   * The platform's one Idempotency-Key policy (`isFinalAnswer`, @kc/contracts): only a created registration (2xx)
   * is kept under its key — a refusal writes no row, so the same key can be sent again.
   */
  private async replay(
    fairId: string,
    previous: { id: string; requestHash: string },
    requestHash: string,
  ): Promise<Registered> {
    if (previous.requestHash !== requestHash) {
      throw new ConflictError(
        {
          vi: 'Idempotency-Key này đã được dùng cho một yêu cầu đăng ký khác',
          en: 'This Idempotency-Key was already used for a different registration request',
        },
        'idempotency.key-reused',
        'header.idempotency-key',
      );
    }
    const registration = await this.dataSource
      .getRepository(RegistrationEntity)
      .findOneByOrFail({ id: previous.id, fairId });
    const [view] = await this.toViews([registration]);
    return { view, replayed: true };
  }

  private alreadyRegistered(taxCode: string): ConflictError {
    return new ConflictError(
      {
        vi: `Cơ sở ${taxCode} đã đăng ký hội chợ này; hủy đăng ký đó để đăng ký lại`,
        en: `Facility ${taxCode} already has a registration for this fair; cancel it to register again`,
      },
      'registration.facility-already-registered',
      'facility.taxCode',
    );
  }

  private async lockVisible(
    manager: EntityManager,
    principal: Principal,
    fairId: string,
    id: string,
  ): Promise<RegistrationRow> {
    const registration = await lockRegistration(manager, fairId, id);
    // A registration's fair exists (foreign key); without one, the fair may be what is missing.
    if (!registration) await fairOrThrow(manager, fairId);
    const visible =
      registration &&
      mayManage(principal, {
        facilityTaxCode: registration.facility_tax_code,
        facilityProvinceCode: registration.facility_province_code,
      });
    if (!visible) throw notFound(id);
    return registration;
  }

  private async recordRequested(
    manager: EntityManager,
    registration: Pick<
      RegistrationRow,
      'id' | 'fair_id' | 'facility_tax_code' | 'facility_province_code' | 'booth_count' | 'booth_kind'
    > & { award_certified: boolean },
  ): Promise<void> {
    await this.outbox.append(manager, registrationRequestedV1, {
      aggregateId: registration.fair_id,
      provinceCode: registration.facility_province_code,
      payload: {
        ...registrationFacts(registration),
        boothCount: registration.booth_count,
        boothKind: registration.booth_kind,
        awardCertified: registration.award_certified,
      },
    });
    await this.outbox.audit(manager, {
      action: 'fair-registration.request',
      resourceType: 'fair-registration',
      resourceId: registration.id,
      provinceCode: registration.facility_province_code,
      summary:
        `Ghi nhận yêu cầu ${registration.booth_count} gian của cơ sở ${registration.facility_tax_code} ` +
        `để bốc thăm khi hết hạn đăng ký` +
        (registration.award_certified ? ' (có sản phẩm đạt giải còn hiệu lực)' : ''),
    });
  }
}

/** A registration as its view shows it, with its booths (in code order). */
function registrationView(
  r: RegistrationEntity,
  booths: Pick<BoothEntity, 'code' | 'hall' | 'kind' | 'rentVnd'>[],
  now: Date,
): RegistrationView {
  // A lapsed hold no longer holds anything, even before the sweeper records it.
  const lapsed = r.state === 'held' && r.holdExpiresAt !== null && r.holdExpiresAt <= now;
  return {
    id: r.id,
    fairId: r.fairId,
    facility: {
      taxCode: r.facilityTaxCode,
      name: r.facilityName,
      provinceCode: r.facilityProvinceCode,
      legalForm: r.facilityLegalForm,
    },
    products: r.products,
    boothCount: r.boothCount,
    boothKind: r.boothKind,
    ...stateOf(lapsed ? 'expired' : r.state),
    awardCertified: r.awardCertified,
    holdExpiresAt: lapsed ? null : (r.holdExpiresAt?.toISOString() ?? null),
    booths: lapsed
      ? []
      : booths.map((b) => ({ code: b.code, hall: b.hall, kind: b.kind, rentVnd: b.rentVnd })),
    waitlistPosition: r.waitlistPosition,
    cancelReason: r.cancelReason,
    certification: r.certifiedAt
      ? {
          certifiedAt: r.certifiedAt.toISOString(),
          rentVnd: r.certifiedRentVnd!,
          supportVnd: r.certifiedSupportVnd!,
        }
      : null,
    checkedInAt: r.checkedInAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
