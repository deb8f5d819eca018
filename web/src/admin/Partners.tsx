import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { FailureNotice, problemsFor } from '../forms/FailureNotice';
import { Field } from '../forms/Field';
import { type Failure, formProblems, outcomeOf } from '../forms/failure';
import { partnershipProposalSchema, ruleProblems } from '../forms/rules';
import type { ResultOf } from '../graphql';
import { useFormat, useLocale, useMessages } from '../i18n';
import { useLocalName } from '../pickers/names';
import { plainIdOf } from '../requests/ids';
import { Page } from '../ui/Page';
import { Empty, LoadError, Loading } from '../ui/states';
import { AdminPartnershipsQuery, partnershipMutations } from './documents';
import { adminMessages } from './messages';

type Association = ResultOf<typeof AdminPartnershipsQuery>['associations'][number];
type Step = keyof typeof partnershipMutations;
interface Named {
  id: string;
  nameJa: string;
  nameEn: string;
}
/** One row: the other association, when it was proposed or accepted, and what the admin may do. */
interface Row {
  other: Named;
  proposedAt: string;
  acceptedAt: string | null;
  steps: Step[];
}

/** Each partnership step for one association, with what came of it. */
function usePartnershipSteps(associationId: string) {
  const t = useMessages(adminMessages);
  const { locale } = useLocale();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [{ fetching: proposing }, propose] = useMutation(partnershipMutations.propose);
  const [{ fetching: accepting }, accept] = useMutation(partnershipMutations.accept);
  const [{ fetching: declining }, decline] = useMutation(partnershipMutations.decline);
  const [{ fetching: ending }, end] = useMutation(partnershipMutations.end);

  async function run(step: Step, partnerId: string): Promise<boolean> {
    const variables = { associationId, partnerId };
    // A proposal is checked by the API's rules before it is sent: no partner chosen is said at once.
    const unsendable =
      step === 'propose'
        ? formProblems(ruleProblems(partnershipProposalSchema, { partnerId: plainIdOf(partnerId) }, locale, []), locale)
        : null;
    if (unsendable) {
      setFailure(unsendable);
      setNotice(null);
      return false;
    }
    const outcome =
      step === 'propose'
        ? outcomeOf(await propose(variables), (data) => data.proposeAssociationPartnership)
        : step === 'accept'
          ? outcomeOf(await accept(variables), (data) => data.acceptAssociationPartnership)
          : step === 'decline'
            ? outcomeOf(await decline(variables), (data) => data.declineAssociationPartnership)
            : outcomeOf(await end(variables), (data) => data.endAssociationPartnership);
    setFailure(outcome.ok ? null : outcome.failure);
    setNotice(outcome.ok ? t.partners.done[step] : null);
    return outcome.ok;
  }

  return { run, failure, notice, busy: proposing || accepting || declining || ending };
}

function PartnershipList({
  title,
  hint,
  rows,
  busy,
  run,
}: {
  title: string;
  hint?: string;
  rows: Row[];
  busy: boolean;
  run: (step: Step, partnerId: string) => Promise<boolean>;
}) {
  const t = useMessages(adminMessages);
  const localName = useLocalName();
  const format = useFormat();
  const label: Record<Step, string> = {
    propose: t.partners.propose,
    accept: t.partners.accept,
    decline: t.partners.decline,
    end: t.partners.end,
  };
  return (
    <>
      <h3>{title}</h3>
      {hint ? <p className="hint">{hint}</p> : null}
      {rows.length === 0 ? (
        <p className="empty">{t.partners.none}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.partners.association}</th>
                <th scope="col">{t.partners.when}</th>
                <th scope="col">{t.actions}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.other.id}>
                  <th scope="row">{localName(row.other)}</th>
                  <td>
                    {row.acceptedAt
                      ? t.partners.since(format.dateTime(row.acceptedAt))
                      : t.partners.proposedOn(format.dateTime(row.proposedAt))}
                  </td>
                  <td className="row-actions">
                    {row.steps.map((step) => (
                      <button
                        key={step}
                        type="button"
                        className={step === 'accept' ? 'small' : 'secondary small'}
                        disabled={busy}
                        onClick={() => run(step, row.other.id)}
                      >
                        {step === 'end' && !row.acceptedAt ? t.partners.withdraw : label[step]}
                        <span className="visually-hidden"> ({localName(row.other)})</span>
                      </button>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function ProposeForm({
  association,
  others,
  busy,
  failure,
  run,
}: {
  association: Association;
  others: Named[];
  busy: boolean;
  failure: Failure | null;
  run: (step: Step, partnerId: string) => Promise<boolean>;
}) {
  const t = useMessages(adminMessages);
  const localName = useLocalName();
  const [partnerId, setPartnerId] = useState('');
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await run('propose', partnerId)) setPartnerId('');
  }
  const fieldId = `partner-${association.id}`;
  return (
    <form className="form" onSubmit={submit} noValidate>
      <h3>{t.partners.proposeTitle}</h3>
      <p className="hint">{t.partners.proposeIntro}</p>
      <Field name={fieldId} label={t.partners.partner} errors={problemsFor(failure, 'partnerId')} required>
        {(control) => (
          <select {...control} value={partnerId} onChange={(event) => setPartnerId(event.target.value)}>
            <option value="">{t.partners.choosePartner}</option>
            {others.map((other) => (
              <option key={other.id} value={other.id}>
                {localName(other)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {t.partners.propose}
        </button>
      </div>
    </form>
  );
}

function AssociationPartnerships({ association, all }: { association: Association; all: Named[] }) {
  const t = useMessages(adminMessages);
  const localName = useLocalName();
  const { run, failure, notice, busy } = usePartnershipSteps(association.id);
  const proposed = association.partnerships ?? [];
  const received = association.partneredBy ?? [];
  const rows = {
    ours: proposed
      .filter((row) => row.status === 'accepted')
      .map((row) => ({ other: row.partner, proposedAt: row.proposedAt, acceptedAt: row.acceptedAt, steps: ['end'] })),
    sent: proposed
      .filter((row) => row.status === 'proposed')
      .map((row) => ({ other: row.partner, proposedAt: row.proposedAt, acceptedAt: null, steps: ['end'] })),
    theirs: received
      .filter((row) => row.status === 'accepted')
      .map((row) => ({
        other: row.association,
        proposedAt: row.proposedAt,
        acceptedAt: row.acceptedAt,
        steps: ['end'],
      })),
    received: received
      .filter((row) => row.status === 'proposed')
      .map((row) => ({
        other: row.association,
        proposedAt: row.proposedAt,
        acceptedAt: null,
        steps: ['accept', 'decline'],
      })),
  } satisfies Record<string, Row[]>;
  const asked = new Set(proposed.map((row) => row.partner.id));
  const others = all.filter((other) => other.id !== association.id && !asked.has(other.id));
  const list = { busy, run };
  return (
    <section className="card" aria-labelledby={`partners-${association.id}`}>
      <h2 id={`partners-${association.id}`}>{t.partners.of(localName(association))}</h2>
      <FailureNotice failure={failure} labels={{ partnerId: t.partners.partner }} />
      {notice ? (
        <p className="notice notice-ok" role="status">
          {notice}
        </p>
      ) : null}
      <PartnershipList title={t.partners.received} rows={rows.received} {...list} />
      <PartnershipList title={t.partners.ours} hint={t.partners.oursHint} rows={rows.ours} {...list} />
      <PartnershipList title={t.partners.theirs} rows={rows.theirs} {...list} />
      <PartnershipList title={t.partners.sent} rows={rows.sent} {...list} />
      <ProposeForm association={association} others={others} busy={busy} failure={failure} run={run} />
    </section>
  );
}

/** The admins' partnerships page: partners both ways, proposals sent and received, and a new proposal. */
export function PartnersPage() {
  const t = useMessages(adminMessages);
  const [{ data, fetching, error }, refresh] = useQuery({ query: AdminPartnershipsQuery });
  const all = data?.associations ?? [];
  // `staff` is null for the associations the viewer does not administer.
  const mine = all.filter((association) => association.staff !== null);
  return (
    <Page title={t.partners.title}>
      <p className="hint">{t.partners.intro}</p>
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {data && mine.length === 0 ? <Empty>{t.noAdminAssociations}</Empty> : null}
      {mine.map((association) => (
        <AssociationPartnerships key={association.id} association={association} all={all} />
      ))}
    </Page>
  );
}
