import { z } from 'zod';
import { bilingual } from '../validation';
import { emailSchema } from './applications';

/*
 * What an invitation must be, checked by the API and, before sending, by the admin's invitation
 * form, so that the two cannot disagree.
 */

export const invitedRoles = ['requester', 'volunteer', 'coordinator', 'admin'] as const;

export const invitationSchema = z
  .object({
    email: emailSchema,
    role: z.enum(invitedRoles),
    associationId: z.uuid(bilingual({ en: 'Choose an association.', ja: '協会を選んでください。' })),
    organizationId: z.uuid(bilingual({ en: 'Choose an organization.', ja: '団体を選んでください。' })).optional(),
    locale: z.enum(['ja', 'en']).default('ja'),
  })
  .superRefine((invitation, ctx) => {
    if (invitation.role === 'requester' && !invitation.organizationId) {
      ctx.addIssue({
        code: 'custom',
        path: ['organizationId'],
        message: bilingual({
          en: 'Choose the organization the person will work for.',
          ja: 'この方が所属する団体を選んでください。',
        }),
      });
    }
    if (invitation.role !== 'requester' && invitation.organizationId) {
      ctx.addIssue({
        code: 'custom',
        path: ['organizationId'],
        message: bilingual({
          en: 'Only requesting staff belong to an organization.',
          ja: '団体に所属できるのは依頼担当者だけです。',
        }),
      });
    }
  });

export type InvitationInput = z.input<typeof invitationSchema>;

/** A partnership an admin proposes: the association whose volunteers theirs may call on. */
export const partnershipProposalSchema = z.object({
  partnerId: z.uuid(
    bilingual({
      en: 'Choose the association to propose a partnership to.',
      ja: '連携を申し入れる協会を選んでください。',
    }),
  ),
});
