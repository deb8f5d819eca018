import { z } from 'zod';
import { bilingual } from '../validation';

/*
 * Why a request is cancelled or a booking ended, as the person who does it says: a short list
 * (counted in the coordinators' report) and a note in their own words. The API and the web's
 * dialogs check with these same schemas. Pure: no database here.
 */

/** Why a requester or a coordinator cancels a request, or a coordinator releases a booking. */
export const cancellationReasons = [
  'no_longer_needed',
  'date_changed',
  'found_another_interpreter',
  'client_did_not_come',
  'other',
] as const;
export type CancellationReason = (typeof cancellationReasons)[number];

/** Why a booked volunteer withdraws: their own list, since their reasons are not the requester's. */
export const withdrawalReasons = ['illness', 'schedule_conflict', 'family', 'transport', 'other'] as const;
export type WithdrawalReason = (typeof withdrawalReasons)[number];

/** Who cancelled a request: the filing organization's staff or a coordinator of the association. */
export const cancellationParties = ['requester', 'coordinator'] as const;
export type CancellationParty = (typeof cancellationParties)[number];

/** The most characters of a reason's note. */
export const reasonNoteLimit = 500;

/** An empty note is no note. */
const noteSchema = z
  .string()
  .trim()
  .max(reasonNoteLimit)
  .nullish()
  .transform((note) => note || null);

/** A reason from a list and a note, which "other" needs to say anything. */
function statedReason<const Values extends readonly [string, ...string[]]>(values: Values) {
  return z
    .object({
      reason: z.enum(values, { error: bilingual({ en: 'Choose a reason.', ja: '理由を選んでください。' }) }),
      note: noteSchema,
    })
    .refine((stated) => stated.reason !== 'other' || (stated.note ?? '').length > 0, {
      path: ['note'],
      message: bilingual({ en: 'Say why, in a few words.', ja: '理由を簡単に入力してください。' }),
    });
}

export const cancellationSchema = statedReason(cancellationReasons);
export const withdrawalSchema = statedReason(withdrawalReasons);

export type Cancellation = z.infer<typeof cancellationSchema>;
export type Withdrawal = z.infer<typeof withdrawalSchema>;
