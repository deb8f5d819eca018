import { Route, Switch } from 'wouter';
import { AcceptInvitation } from './AcceptInvitation';
import { ForgotPassword } from './ForgotPassword';
import { ResetPassword } from './ResetPassword';
import { SignIn } from './SignIn';

/** The pages of someone not signed in yet, loaded together as one small chunk. */
export default function AuthPages() {
  return (
    <Switch>
      <Route path="/sign-in" component={SignIn} />
      <Route path="/forgot-password" component={ForgotPassword} />
      <Route path="/reset-password" component={ResetPassword} />
      <Route path="/accept-invitation" component={AcceptInvitation} />
    </Switch>
  );
}
