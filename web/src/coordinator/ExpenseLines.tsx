import { type FormEvent, type ReactNode, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmInPlace } from '../forms/ConfirmInPlace';
import { FailureNotice, problemsFor } from '../forms/FailureNotice';
import { Field } from '../forms/Field';
import { ErrorFields, type Failure, formProblems, type Outcome, outcomeOf, renamed } from '../forms/failure';
import { graphql, type ResultOf } from '../graphql';
import { useFormat, useLocale, useMessages } from '../i18n';
import type { EnumValues } from '../labels';
import { Empty, LoadError, Loading } from '../ui/states';
import { expenseLineMessages, lineCategories } from './expenseMessages';

const LineFields = graphql(`
  fragment BookingExpenseLine on ExpenseLine @_unmask {
    id
    activityDate
    kind
    amountYen
    payer
    status
    source
    grantTaxCategory
    grantTaxCategoryName
    eligibility
    categoryOverrideReason
    note
    reverses {
      id
    }
  }
`);

const BookingExpensesQuery = graphql(
  `
    query BookingExpenses($id: ID!) {
      node(id: $id) {
        __typename
        ... on Request {
          id
          assignments {
            id
            storedId
            status
            volunteerName
            expenseLines {
              ...BookingExpenseLine
            }
          }
        }
      }
    }
  `,
  [LineFields],
);

const CreateLineMutation = graphql(
  `
    mutation CreateExpenseLine($input: ExpenseLineInput!) {
      createExpenseLine(input: $input) {
        __typename
        ... on MutationCreateExpenseLineSuccess {
          data {
            id
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const EditLineMutation = graphql(
  `
    mutation EditExpenseLine($lineId: ID!, $changes: ExpenseLineChangesInput!) {
      editExpenseLine(lineId: $lineId, changes: $changes) {
        __typename
        ... on MutationEditExpenseLineSuccess {
          data {
            ...BookingExpenseLine
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields, LineFields],
);

const ReverseLineMutation = graphql(
  `
    mutation ReverseExpenseLine($lineId: ID!, $reason: String!) {
      reverseExpenseLine(lineId: $lineId, reason: $reason) {
        __typename
        ... on MutationReverseExpenseLineSuccess {
          data {
            id
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const OverrideCategoryMutation = graphql(
  `
    mutation OverrideExpenseLineCategory($lineId: ID!, $category: String!, $reason: String!) {
      overrideExpenseLineCategory(lineId: $lineId, category: $category, reason: $reason) {
        __typename
        ... on MutationOverrideExpenseLineCategorySuccess {
          data {
            ...BookingExpenseLine
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields, LineFields],
);

const DeleteLineMutation = graphql(
  `
    mutation DeleteExpenseLine($lineId: ID!) {
      deleteExpenseLine(lineId: $lineId) {
        __typename
        ... on MutationDeleteExpenseLineSuccess {
          data
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

type Line = ResultOf<typeof LineFields>;
type Payer = EnumValues<'ExpensePayer'>;
type Kind = EnumValues<'ExpenseKind'>;
const payers: readonly Payer[] = ['requester', 'association', 'person_served'];
const kinds: readonly Kind[] = [
  'honorarium',
  'transport',
  'remote_fee',
  'translation_fee',
  'cancellation_fee',
  'equipment',
  'other',
];

/** Whole yen as typed, or a problem in the page's language (GraphQL's Int cannot carry "12.5" or ""). */
function yenOf(typed: string): number | null {
  const value = Number(typed);
  return typed.trim() !== '' && Number.isInteger(value) ? value : null;
}

type Problem = { field: string; message: string };

/**
 * One small form: its fields named per line so that several open forms keep their own ids, and its one way to
 * submit — check what the form can check itself, send, show every problem beside its field, close on success.
 */
function useLineForm(prefix: string, fields: readonly string[], onDone: (said: string | null) => void) {
  const { locale } = useLocale();
  const [failure, setFailure] = useState<Failure | null>(null);
  const name = (field: string) => `${prefix}.${field}`;
  const errorsOf = (field: string) => problemsFor(failure, name(field));
  const show = (problem: Failure | null) =>
    setFailure(problem && renamed(problem, Object.fromEntries(fields.map((field) => [field, name(field)]))));
  const submitting =
    (check: () => Problem[], send: () => Promise<Outcome<unknown>>, said: string) => async (event: FormEvent) => {
      event.preventDefault();
      const problems = formProblems(check(), locale);
      if (problems) {
        show(problems);
        return;
      }
      const outcome = await send();
      show(outcome.ok ? null : outcome.failure);
      if (outcome.ok) onDone(said);
    };
  return { failure, name, errorsOf, submitting, cancel: () => onDone(null) };
}

/** What a new line and an edited one share: the amount, who pays, and the note. */
function useAmountPayerNote(initial: { amount: string; payer: Payer; note: string }) {
  const t = useMessages(expenseLineMessages);
  const [amount, setAmount] = useState(initial.amount);
  const [payer, setPayer] = useState<Payer>(initial.payer);
  const [note, setNote] = useState(initial.note);
  return {
    amount,
    payer,
    note,
    setAmount,
    setPayer,
    setNote,
    problems: (): Problem[] => (yenOf(amount) === null ? [{ field: 'amountYen', message: t.wholeYen }] : []),
    /** Sent only once `problems` found none, so the amount is whole yen by then. */
    values: () => ({ amountYen: yenOf(amount) ?? 0, payer, note: note.trim() || null }),
  };
}

function AmountPayerNote({
  form,
  values,
}: {
  form: ReturnType<typeof useLineForm>;
  values: ReturnType<typeof useAmountPayerNote>;
}) {
  const t = useMessages(expenseLineMessages);
  return (
    <>
      <Field
        name={form.name('amountYen')}
        label={t.amount}
        hint={t.amountHint}
        errors={form.errorsOf('amountYen')}
        required
      >
        {(control) => (
          <input
            {...control}
            type="number"
            inputMode="numeric"
            value={values.amount}
            onChange={(event) => values.setAmount(event.target.value)}
          />
        )}
      </Field>
      <Field name={form.name('payer')} label={t.payer} errors={form.errorsOf('payer')} required>
        {(control) => (
          <select {...control} value={values.payer} onChange={(event) => values.setPayer(event.target.value as Payer)}>
            {payers.map((one) => (
              <option key={one} value={one}>
                {t.payerLabels[one]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name={form.name('note')} label={t.note} hint={t.noteHint} errors={form.errorsOf('note')}>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={1000}
            value={values.note}
            onChange={(event) => values.setNote(event.target.value)}
          />
        )}
      </Field>
    </>
  );
}

function FormFrame({
  form,
  title,
  titleId,
  labels,
  submit,
  submitLabel,
  busy,
  children,
}: {
  form: ReturnType<typeof useLineForm>;
  title: string;
  titleId: string;
  labels: Record<string, string>;
  submit(event: FormEvent): void;
  submitLabel: string;
  busy: boolean;
  children: ReactNode;
}) {
  const t = useMessages(expenseLineMessages);
  return (
    <section className="line-form" aria-labelledby={titleId}>
      <h4 id={titleId}>{title}</h4>
      <form className="form" onSubmit={submit} noValidate>
        <FailureNotice failure={form.failure} labels={labels} />
        {children}
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {submitLabel}
          </button>{' '}
          <button type="button" className="secondary" onClick={form.cancel}>
            {t.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}

function NewLineForm({
  assignmentId,
  volunteerName,
  onDone,
}: {
  assignmentId: string;
  volunteerName: string;
  onDone(said: string | null): void;
}) {
  const t = useMessages(expenseLineMessages);
  const form = useLineForm(`new-${assignmentId}`, ['kind', 'amountYen', 'payer', 'note'], onDone);
  const [kind, setKind] = useState<Kind>('equipment');
  const values = useAmountPayerNote({ amount: '', payer: 'requester', note: '' });
  const [{ fetching }, create] = useMutation(CreateLineMutation);
  const submit = form.submitting(
    values.problems,
    async () =>
      outcomeOf(
        await create({ input: { assignmentId, kind, ...values.values() } }),
        (result) => result.createExpenseLine,
      ),
    t.added,
  );

  return (
    <FormFrame
      form={form}
      title={t.addLineTitle(volunteerName)}
      titleId={`new-line-${assignmentId}`}
      labels={{ [form.name('kind')]: t.kind, [form.name('amountYen')]: t.amount, [form.name('note')]: t.note }}
      submit={submit}
      submitLabel={t.saveLine}
      busy={fetching}
    >
      <Field name={form.name('kind')} label={t.kind} errors={form.errorsOf('kind')} required>
        {(control) => (
          <select {...control} value={kind} onChange={(event) => setKind(event.target.value as Kind)}>
            {kinds.map((one) => (
              <option key={one} value={one}>
                {t.kindLabels[one]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <AmountPayerNote form={form} values={values} />
    </FormFrame>
  );
}

function EditLineForm({ line, onDone }: { line: Line; onDone(said: string | null): void }) {
  const t = useMessages(expenseLineMessages);
  const form = useLineForm(`edit-${line.id}`, ['amountYen', 'payer', 'note'], onDone);
  const values = useAmountPayerNote({ amount: String(line.amountYen), payer: line.payer, note: line.note ?? '' });
  const [{ fetching }, edit] = useMutation(EditLineMutation);
  const submit = form.submitting(
    values.problems,
    async () =>
      outcomeOf(await edit({ lineId: line.id, changes: values.values() }), (result) => result.editExpenseLine),
    t.saved,
  );

  return (
    <FormFrame
      form={form}
      title={t.editTitle}
      titleId={`edit-line-${line.id}`}
      labels={{ [form.name('amountYen')]: t.amount, [form.name('note')]: t.note }}
      submit={submit}
      submitLabel={t.save}
      busy={fetching}
    >
      <AmountPayerNote form={form} values={values} />
    </FormFrame>
  );
}

function ReasonField({
  form,
  reason,
  onReason,
}: {
  form: ReturnType<typeof useLineForm>;
  reason: string;
  onReason(value: string): void;
}) {
  const t = useMessages(expenseLineMessages);
  return (
    <Field name={form.name('reason')} label={t.reason} hint={t.noteHint} errors={form.errorsOf('reason')} required>
      {(control) => (
        <textarea
          {...control}
          rows={2}
          maxLength={1000}
          value={reason}
          onChange={(event) => onReason(event.target.value)}
        />
      )}
    </Field>
  );
}

function ReverseLineForm({ line, onDone }: { line: Line; onDone(said: string | null): void }) {
  const t = useMessages(expenseLineMessages);
  const form = useLineForm(`reverse-${line.id}`, ['reason'], onDone);
  const [reason, setReason] = useState('');
  const [{ fetching }, reverse] = useMutation(ReverseLineMutation);
  const submit = form.submitting(
    () => (reason.trim() ? [] : [{ field: 'reason', message: t.sayWhy }]),
    async () => outcomeOf(await reverse({ lineId: line.id, reason }), (result) => result.reverseExpenseLine),
    t.reversedDone,
  );

  return (
    <FormFrame
      form={form}
      title={t.reverseTitle}
      titleId={`reverse-line-${line.id}`}
      labels={{ [form.name('reason')]: t.reason }}
      submit={submit}
      submitLabel={t.reverseLine}
      busy={fetching}
    >
      <p className="hint">{t.reverseHint}</p>
      <ReasonField form={form} reason={reason} onReason={setReason} />
    </FormFrame>
  );
}

function CategoryForm({ line, onDone }: { line: Line; onDone(said: string | null): void }) {
  const t = useMessages(expenseLineMessages);
  const form = useLineForm(`category-${line.id}`, ['category', 'reason'], onDone);
  const [category, setCategory] = useState(line.grantTaxCategory);
  const [reason, setReason] = useState('');
  const [{ fetching }, override] = useMutation(OverrideCategoryMutation);
  const submit = form.submitting(
    // The same category would change nothing, and the API would say nothing either.
    () => [
      ...(category === line.grantTaxCategory ? [{ field: 'category', message: t.sameCategory }] : []),
      ...(reason.trim() ? [] : [{ field: 'reason', message: t.sayWhy }]),
    ],
    async () =>
      outcomeOf(await override({ lineId: line.id, category, reason }), (result) => result.overrideExpenseLineCategory),
    t.saved,
  );

  return (
    <FormFrame
      form={form}
      title={t.categoryTitle}
      titleId={`category-line-${line.id}`}
      labels={{ [form.name('category')]: t.category, [form.name('reason')]: t.reason }}
      submit={submit}
      submitLabel={t.saveCategory}
      busy={fetching}
    >
      <p className="hint">{t.categoryHint}</p>
      <Field name={form.name('category')} label={t.category} errors={form.errorsOf('category')} required>
        {(control) => (
          <select {...control} value={category} onChange={(event) => setCategory(event.target.value)}>
            {lineCategories.map((one) => (
              <option key={one} value={one}>
                {t.categoryLabels[one]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ReasonField form={form} reason={reason} onReason={setReason} />
    </FormFrame>
  );
}

type Step = 'edit' | 'reverse' | 'category';

/** Only what the API would accept is offered: drafts and submitted lines are edited, approved ones reversed. */
function stepsFor(line: Line, reversed: boolean): { steps: Step[]; deletable: boolean } {
  const isReversal = line.source === 'reversal';
  const steps: Step[] = [];
  if (!isReversal && (line.status === 'draft' || line.status === 'submitted')) steps.push('edit');
  if (!isReversal && !reversed && (line.status === 'approved' || line.status === 'paid')) steps.push('reverse');
  if (!isReversal && !reversed && line.payer !== 'person_served') steps.push('category');
  return { steps, deletable: line.status === 'draft' };
}

function LineRow({
  line,
  reversed,
  open,
  onOpen,
  onChanged,
}: {
  line: Line;
  reversed: boolean;
  open: Step | null;
  onOpen(step: Step | null): void;
  onChanged(said: string): void;
}) {
  const t = useMessages(expenseLineMessages);
  const format = useFormat();
  const [, remove] = useMutation(DeleteLineMutation);
  const { steps, deletable } = stepsFor(line, reversed);
  const what = `${t.kindLabels[line.kind]} ${t.yen(line.amountYen)}`;
  const labels: Record<Step, string> = { edit: t.edit, reverse: t.reverse, category: t.changeCategory };
  const done = (said: string | null) => {
    onOpen(null);
    if (said) onChanged(said);
  };
  return (
    <>
      <tr className={open ? 'selected' : undefined}>
        <td>{format.day(line.activityDate)}</td>
        <th scope="row">
          {t.kindLabels[line.kind]}
          {line.source === 'reversal' ? <span className="hint"> ({t.reversal})</span> : null}
        </th>
        <td>{t.payerLabels[line.payer]}</td>
        <td>
          {line.grantTaxCategory} {line.grantTaxCategoryName}
          {line.categoryOverrideReason ? (
            <span className="hint"> {t.overridden(line.categoryOverrideReason)}</span>
          ) : null}
        </td>
        <td>
          {t.statusLabels[line.status]}
          {reversed ? <span className="hint"> ({t.reversed})</span> : null}
        </td>
        <td className="number">{t.yen(line.amountYen)}</td>
        <td>{line.note ?? ''}</td>
        <td>
          <div className="card-actions">
            {steps.map((step) => (
              <button
                key={step}
                type="button"
                className="secondary"
                aria-expanded={open === step}
                onClick={() => onOpen(open === step ? null : step)}
              >
                {labels[step]}
                <span className="visually-hidden"> {what}</span>
              </button>
            ))}
            {deletable ? (
              <ConfirmInPlace
                action={t.remove}
                question={t.removeConfirm(what)}
                yes={t.remove}
                keep={t.keep}
                run={async () => {
                  const outcome = outcomeOf(await remove({ lineId: line.id }), (result) => result.deleteExpenseLine);
                  if (!outcome.ok) return outcome.failure;
                  onChanged(t.removed);
                  return null;
                }}
              />
            ) : null}
          </div>
        </td>
      </tr>
      {open ? (
        <tr>
          <td colSpan={8}>
            {open === 'edit' ? <EditLineForm line={line} onDone={done} /> : null}
            {open === 'reverse' ? <ReverseLineForm line={line} onDone={done} /> : null}
            {open === 'category' ? <CategoryForm line={line} onDone={done} /> : null}
          </td>
        </tr>
      ) : null}
    </>
  );
}

type Booking = Extract<
  NonNullable<ResultOf<typeof BookingExpensesQuery>['node']>,
  { __typename: 'Request' }
>['assignments'][number];

function BookingLines({ booking, onChanged }: { booking: Booking; onChanged(said: string): void }) {
  const t = useMessages(expenseLineMessages);
  const [open, setOpen] = useState<{ lineId: string; step: Step } | null>(null);
  const [adding, setAdding] = useState(false);
  const lines = booking.expenseLines ?? [];
  const reversedIds = new Set(lines.flatMap((line) => (line.reverses ? [line.reverses.id] : [])));
  const titleId = `expenses-of-${booking.id}`;
  return (
    <section className="booking-expenses" aria-labelledby={titleId}>
      <h3 id={titleId}>{booking.volunteerName}</h3>
      {lines.length === 0 ? <Empty>{t.noLines}</Empty> : null}
      {lines.length > 0 ? (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.activityDate}</th>
                <th scope="col">{t.kind}</th>
                <th scope="col">{t.payer}</th>
                <th scope="col">{t.category}</th>
                <th scope="col">{t.status}</th>
                <th scope="col" className="number">
                  {t.amount}
                </th>
                <th scope="col">{t.note}</th>
                <th scope="col">{t.actions}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <LineRow
                  key={line.id}
                  line={line}
                  reversed={reversedIds.has(line.id)}
                  open={open?.lineId === line.id ? open.step : null}
                  onOpen={(step) => setOpen(step ? { lineId: line.id, step } : null)}
                  onChanged={onChanged}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {adding ? (
        <NewLineForm
          assignmentId={booking.storedId}
          volunteerName={booking.volunteerName}
          onDone={(said) => {
            setAdding(false);
            if (said) onChanged(said);
          }}
        />
      ) : (
        <button type="button" className="secondary" onClick={() => setAdding(true)}>
          {t.addLine}
          <span className="visually-hidden"> {booking.volunteerName}</span>
        </button>
      )}
    </section>
  );
}

/** Bookings that can carry expenses: the ones that stand or took place (a late cancellation too has its fee). */
const carriesExpenses = (booking: Booking) => booking.status !== 'released' || (booking.expenseLines ?? []).length > 0;

/** Coordinators: a request's expense lines per booking — enter one by hand, correct, reverse, delete, recategorize. */
export function ExpenseLines({ requestId }: { requestId: string }) {
  const t = useMessages(expenseLineMessages);
  const [said, setSaid] = useState<string | null>(null);
  const [{ data, fetching, error }, refresh] = useQuery({
    query: BookingExpensesQuery,
    variables: { id: requestId },
    requestPolicy: 'cache-and-network',
  });
  const request = data?.node?.__typename === 'Request' ? data.node : null;
  const bookings = (request?.assignments ?? []).filter(carriesExpenses);
  const changed = (message: string) => {
    setSaid(message);
    refresh({ requestPolicy: 'network-only' });
  };
  return (
    <section className="card" aria-labelledby="expense-lines-title">
      <h2 id="expense-lines-title">{t.title}</h2>
      <p className="hint">{t.intro}</p>
      {said ? <p role="status">{said}</p> : null}
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {request && bookings.length === 0 ? <Empty>{t.noBookings}</Empty> : null}
      {bookings.map((booking) => (
        <BookingLines key={booking.id} booking={booking} onChanged={changed} />
      ))}
    </section>
  );
}
