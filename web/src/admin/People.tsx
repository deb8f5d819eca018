import { useMutation, useQuery } from 'urql';
import { ConfirmInPlace } from '../forms/ConfirmInPlace';
import { ErrorFields, outcomeOf } from '../forms/failure';
import { graphql } from '../graphql';
import { useMessages } from '../i18n';
import { enumLabels } from '../labels';
import { Page } from '../ui/Page';
import { Empty, LoadError, Loading } from '../ui/states';
import { adminMessages } from './messages';

const PeopleQuery = graphql(`
  query ErasablePeople {
    volunteers(first: 100) {
      nodes {
        id
        fullName
        status
      }
    }
  }
`);

const ErasePersonMutation = graphql(
  `
    mutation ErasePerson($personId: ID!) {
      erasePerson(personId: $personId) {
        __typename
        ... on MutationErasePersonSuccess {
          data {
            pseudonym
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/**
 * Erasure on a person's request (APPI): each volunteer of the admin's associations, with a button
 * that asks once more in place. What must stay (expense lines, the pledge, the audit log) stays
 * under a pseudonym; a booking still to come is refused in the reader's language.
 */
export function PeoplePage() {
  const t = useMessages(adminMessages);
  const labels = useMessages(enumLabels);
  const [{ data, fetching, error }, refresh] = useQuery({ query: PeopleQuery, requestPolicy: 'cache-and-network' });
  const [, erase] = useMutation(ErasePersonMutation);
  const people = data?.volunteers.nodes ?? [];
  return (
    <Page title={t.people.title}>
      <p className="hint">{t.people.intro}</p>
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {data && people.length === 0 ? <Empty>{t.people.none}</Empty> : null}
      {people.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.people.name}</th>
              <th scope="col">{t.people.status}</th>
              <th scope="col">
                <span className="visually-hidden">{t.people.erase}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => (
              <tr key={person.id}>
                <td>{person.fullName}</td>
                <td>{labels.volunteerStatus[person.status]}</td>
                <td>
                  <ConfirmInPlace
                    action={t.people.erase}
                    question={t.people.confirm(person.fullName)}
                    yes={t.people.yes}
                    keep={t.people.keep}
                    run={async () => {
                      const outcome = outcomeOf(await erase({ personId: person.id }), (result) => result.erasePerson);
                      if (!outcome.ok) return outcome.failure;
                      refresh({ requestPolicy: 'network-only' });
                      return null;
                    }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Page>
  );
}
