import { Route, Switch } from 'wouter';
import { routes } from '../links';
import { AcceptInvitation } from './AcceptInvitation';
import { ForgotPassword } from './ForgotPassword';
import { ResetPassword } from './ResetPassword';
import { SignIn } from './SignIn';
import { OrganizationSignUp, SignUpReceived, VolunteerSignUp } from './SignUp';

/** The pages of someone not signed in yet, loaded together as one small chunk. */
export default function AuthPages() {
  return (
    <Switch>
      <Route path="/sign-in" component={SignIn} />
      <Route path="/forgot-password" component={ForgotPassword} />
      <Route path="/reset-password" component={ResetPassword} />
      <Route path="/accept-invitation" component={AcceptInvitation} />
      <Route path={routes.volunteerSignUp} component={VolunteerSignUp} />
      <Route path={routes.organizationSignUp} component={OrganizationSignUp} />
      <Route path={routes.signUpReceived} component={SignUpReceived} />
    </Switch>
  );
}
