import type { Db } from '@tsunagu/db';
import type { Clock } from '@tsunagu/domain';
import { createInvitationService } from './invitations';
import { createOwnAccountService } from './own-account';
import { createPasswordResetService } from './password-reset';
import { type Credentials, checkCredentials } from './sign-in';
import { createVolunteerApplicationService } from './volunteer-applications';

/** Accounts as use cases: sign-in, invitations, password resets and volunteer applications. */
export function createAccountService(dependencies: { db: Db; clock: Clock }) {
  const invitations = createInvitationService(dependencies);
  const passwordResets = createPasswordResetService(dependencies);
  const volunteerApplications = createVolunteerApplicationService(dependencies);
  const ownAccount = createOwnAccountService(dependencies);
  return {
    signIn: (input: Credentials, clientAddress: string | null) => checkCredentials(dependencies, input, clientAddress),
    invite: invitations.invite,
    acceptInvitation: invitations.accept,
    requestPasswordReset: passwordResets.request,
    resetPassword: passwordResets.reset,
    applyAsVolunteer: volunteerApplications.apply,
    decideVolunteerApplication: volunteerApplications.decide,
    updateOwnAccount: ownAccount.update,
  };
}
