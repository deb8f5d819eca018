import { useMutation } from 'urql';
import { ActionButton } from '../forms/ActionButton';
import { problemsFor } from '../forms/FailureNotice';
import { Field } from '../forms/Field';
import { ErrorFields, type Failure, outcomeOf } from '../forms/failure';
import { graphql } from '../graphql';
import { useFormat } from '../i18n';

const LiftDeclineMutation = graphql(
  `
    mutation LiftDecline($organizationId: ID!, $volunteerId: ID!, $direction: BanDirection!) {
      liftBan(organizationId: $organizationId, volunteerId: $volunteerId, direction: $direction) {
        __typename
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

type Ban = {
  organizationId: string;
  volunteerId: string;
  direction: 'organization_declines_volunteer' | 'volunteer_declines_organization';
};

/** Takes back one side's "do not send again": what came of it, as a button shows it. */
export function useLiftDecline(): (ban: Ban) => Promise<Failure | null> {
  const [, lift] = useMutation(LiftDeclineMutation);
  return async (ban) => {
    const { organizationId, volunteerId, direction } = ban;
    const outcome = outcomeOf(await lift({ organizationId, volunteerId, direction }), (result) => result.liftBan);
    return outcome.ok ? null : outcome.failure;
  };
}

/** One side's "do not send again": whom it names, since when, why (if the reader may read it), and its undoing. */
export interface DeclinedEntry {
  key: string;
  name: string;
  createdAt: string;
  reason?: string | null;
  lift: () => Promise<Failure | null>;
}

/**
 * The list of a declined page, the organization's volunteers and the volunteer's organizations
 * alike: each with its date and a button that takes it back.
 */
export function DeclinedList({
  declined,
  since,
  lift,
}: {
  declined: DeclinedEntry[];
  since: (date: string) => string;
  lift: string;
}) {
  const format = useFormat();
  return (
    <ul className="declined">
      {declined.map((entry) => (
        <li key={entry.key}>
          <strong>{entry.name}</strong> <span className="hint">{since(format.dateTime(entry.createdAt))}</span>
          {entry.reason ? <p>{entry.reason}</p> : null}
          <ActionButton className="secondary" run={entry.lift}>
            {lift}
            <span className="visually-hidden"> {entry.name}</span>
          </ActionButton>
        </li>
      ))}
    </ul>
  );
}

/** Why someone is declined, which only the coordinators read. */
export function DeclineReasonField({
  reason,
  onChange,
  failure,
  label,
  hint,
}: {
  reason: string;
  onChange: (reason: string) => void;
  failure: Failure | null;
  label: string;
  hint: string;
}) {
  return (
    <Field name="reason" label={label} hint={hint} errors={problemsFor(failure, 'reason')}>
      {(control) => (
        <textarea
          {...control}
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
