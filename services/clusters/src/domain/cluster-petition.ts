import { ConflictError, type Bilingual } from '@kc/errors';
import type { IsoDate, WorkingDayCalendar } from '@kc/reference-data';

/**
 * The agency answers a petition within this many working days after the day it is received. No legal text
 * sets a period for petitions about clusters; 15 working days is the platform's service standard, the same
 * span the award rules give a complaint window, counted on the working-day calendar (weekends and public
 * holidays skipped, the calendar's version recorded with the petition).
 */
export const PETITION_RESPONSE_WORKING_DAYS = 15;

export type PetitionStatus = 'received' | 'in-progress' | 'answered' | 'closed';

export function responseDueOn(receivedOn: IsoDate, calendar: WorkingDayCalendar): IsoDate {
  return calendar.addWorkingDays(receivedOn, PETITION_RESPONSE_WORKING_DAYS);
}

type PetitionStep = 'start' | 'answer' | 'close';

const allowedFrom: Record<PetitionStep, readonly PetitionStatus[]> = {
  start: ['received'],
  answer: ['received', 'in-progress'],
  close: ['received', 'in-progress', 'answered'],
};

const stepNames: Record<PetitionStep, Bilingual> = {
  start: { vi: 'bắt đầu xử lý', en: 'take in hand' },
  answer: { vi: 'trả lời', en: 'answer' },
  close: { vi: 'đóng', en: 'close' },
};

/** Received → in progress → answered, or closed from any open state; a closed petition stays closed. */
export function assertPetitionStep(status: PetitionStatus, step: PetitionStep): void {
  if (allowedFrom[step].includes(status)) return;
  throw new ConflictError(
    {
      vi: `Không thể ${stepNames[step].vi} kiến nghị đang ở trạng thái "${status}"`,
      en: `Cannot ${stepNames[step].en} a petition that is ${status}`,
    },
    'cluster-petition.illegal-transition',
    'status',
  );
}

/** Open (not answered nor closed) and today is past the due day. */
export const petitionOverdue = (status: PetitionStatus, dueOn: IsoDate, today: IsoDate): boolean =>
  (status === 'received' || status === 'in-progress') && today > dueOn;
