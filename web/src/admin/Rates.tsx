import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmInPlace } from '../forms/ConfirmInPlace';
import { problemsFor } from '../forms/FailureNotice';
import { Field, fieldId, NumberField } from '../forms/Field';
import { type Failure, formProblems, type Outcome, outcomeOf } from '../forms/failure';
import { maxLengthOf, rateScheduleFieldsSchema, ruleProblems } from '../forms/rules';
import { Section } from '../forms/Section';
import type { ResultOf, VariablesOf } from '../graphql';
import { useLocale, useMessages } from '../i18n';
import { useLocalName } from '../pickers/names';
import { Page } from '../ui/Page';
import { Empty, LoadError, Loading } from '../ui/states';
import {
  AdminAssociationsQuery,
  CreateRateScheduleMutation,
  DeleteRateScheduleMutation,
  RateSchedulesQuery,
  UpdateRateScheduleMutation,
} from './documents';
import { adminMessages } from './messages';

type Association = ResultOf<typeof AdminAssociationsQuery>['associations'][number];
type Schedule = ResultOf<typeof RateSchedulesQuery>['rateSchedules'][number];
type Rules = Schedule['rules'];
type ScheduleInput = VariablesOf<typeof CreateRateScheduleMutation>['input'];
type HonorariumKind = Rules['honorarium']['kind'];
type Rounding = NonNullable<Rules['honorarium']['rounding']>;
type TransportKind = Rules['transport']['kind'];
type PaidBy = Rules['payers']['honorarium']['paidBy'];
type Messages = (typeof adminMessages)['ja']['rates'];

const honorariumKinds: HonorariumKind[] = ['unpaid', 'flat_per_activity', 'per_job', 'first_block_then_hourly'];
const roundings: Rounding[] = ['up', 'down', 'nearest'];
const transportKinds: TransportKind[] = ['none', 'actual_fare'];
const paidByOptions: PaidBy[] = ['requester', 'association'];
const payerKinds = ['honorarium', 'translation', 'remote', 'transport', 'cancellation'] as const;
type PayerKind = (typeof payerKinds)[number];
/** The amounts each honorarium kind asks for; the API refuses the others. */
const honorariumFields = {
  unpaid: [],
  flat_per_activity: ['amountYen'],
  per_job: ['amountYen', 'limitMinutes'],
  first_block_then_hourly: ['firstBlockMinutes', 'firstBlockYen', 'perHourYen', 'roundingUnitMinutes'],
} as const satisfies Record<HonorariumKind, readonly string[]>;
const honorariumNumbers = [
  'amountYen',
  'limitMinutes',
  'firstBlockMinutes',
  'firstBlockYen',
  'perHourYen',
  'roundingUnitMinutes',
] as const;
const translationNumbers = [
  'perPageYen',
  'perManuscriptPageYen',
  'perWordYen',
  'manuscriptPageCharacters',
  'minimumYen',
] as const;
const tierNumbers = ['noticeHoursUnder', 'percentOfFee', 'fixedYen'] as const;

/** What the form holds: numbers as typed, so that nothing typed is lost or changed when the API refuses it. */
interface Draft {
  effectiveFrom: string;
  illustrative: boolean;
  note: string;
  honorarium: { kind: HonorariumKind; rounding: Rounding } & Record<(typeof honorariumNumbers)[number], string>;
  translation: Record<(typeof translationNumbers)[number], string>;
  remoteSessionYen: string;
  transport: { kind: TransportKind; capYen: string; receiptRequired: boolean };
  cancellation: Array<Record<(typeof tierNumbers)[number], string>>;
  payers: Record<PayerKind, { paidBy: PaidBy; personServedSharePercent: string; personServedCapYen: string }>;
}

const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

/** A new schedule starts from the latest one's rules (or from nothing), with its own date and note. */
function draftOf(schedule: Schedule | undefined, effectiveFrom: string): Draft {
  const rules = schedule?.rules;
  const honorarium = rules?.honorarium;
  return {
    effectiveFrom,
    illustrative: false,
    note: '',
    honorarium: {
      kind: honorarium?.kind ?? 'unpaid',
      rounding: honorarium?.rounding ?? 'up',
      ...(Object.fromEntries(honorariumNumbers.map((key) => [key, text(honorarium?.[key])])) as Record<
        (typeof honorariumNumbers)[number],
        string
      >),
    },
    translation: Object.fromEntries(
      translationNumbers.map((key) => [key, text(rules?.translation?.[key])]),
    ) as Draft['translation'],
    remoteSessionYen: text(rules?.remoteSessionYen),
    transport: {
      kind: rules?.transport.kind ?? 'none',
      capYen: text(rules?.transport.capYen),
      receiptRequired: rules?.transport.receiptRequired ?? false,
    },
    cancellation: (rules?.cancellation ?? []).map((tier) => ({
      noticeHoursUnder: text(tier.noticeHoursUnder),
      percentOfFee: text(tier.percentOfFee),
      fixedYen: text(tier.fixedYen),
    })),
    payers: Object.fromEntries(
      payerKinds.map((kind) => {
        const payer = rules?.payers[kind];
        return [
          kind,
          {
            paidBy: payer?.paidBy ?? 'requester',
            personServedSharePercent: text(payer?.personServedSharePercent),
            personServedCapYen: text(payer?.personServedCapYen),
          },
        ];
      }),
    ) as Draft['payers'],
  };
}

/** The draft as the API's input, or the fields whose text is not a whole number (the API's types cannot carry them). */
function inputOf(draft: Draft, wholeNumber: string) {
  const problems: Array<{ field: string; message: string }> = [];
  const number = (value: string, field: string): number | null => {
    if (value.trim() === '') return null;
    const parsed = Number(value);
    if (!Number.isInteger(parsed)) {
      problems.push({ field, message: wholeNumber });
      return null;
    }
    return parsed;
  };
  const { honorarium, translation, transport } = draft;
  const translationGiven = translationNumbers.some((key) => translation[key].trim() !== '');
  const input: ScheduleInput = {
    effectiveFrom: draft.effectiveFrom,
    illustrative: draft.illustrative,
    note: draft.note.trim() === '' ? null : draft.note,
    honorarium: {
      kind: honorarium.kind,
      ...Object.fromEntries(
        honorariumFields[honorarium.kind].map((key) => [key, number(honorarium[key], `rules.honorarium.${key}`)]),
      ),
      ...(honorarium.kind === 'first_block_then_hourly' ? { rounding: honorarium.rounding } : {}),
    },
    translation: translationGiven
      ? (Object.fromEntries(
          translationNumbers.map((key) => [key, number(translation[key], `rules.translation.${key}`)]),
        ) as ScheduleInput['translation'])
      : null,
    remoteSessionYen: number(draft.remoteSessionYen, 'rules.remoteSessionYen'),
    transport:
      transport.kind === 'none'
        ? { kind: 'none' }
        : {
            kind: 'actual_fare',
            capYen: number(transport.capYen, 'rules.transport.capYen'),
            receiptRequired: transport.receiptRequired,
          },
    cancellation: draft.cancellation.map((tier, index) => ({
      // An empty notice is sent as 0 so that the API names the field.
      noticeHoursUnder: number(tier.noticeHoursUnder, `rules.cancellation.${index}.noticeHoursUnder`) ?? 0,
      percentOfFee: number(tier.percentOfFee, `rules.cancellation.${index}.percentOfFee`),
      fixedYen: number(tier.fixedYen, `rules.cancellation.${index}.fixedYen`),
    })),
    payers: Object.fromEntries(
      payerKinds.map((kind) => {
        const payer = draft.payers[kind];
        return [
          kind,
          {
            paidBy: payer.paidBy,
            personServedSharePercent: number(
              payer.personServedSharePercent,
              `rules.payers.${kind}.personServedSharePercent`,
            ),
            personServedCapYen: number(payer.personServedCapYen, `rules.payers.${kind}.personServedCapYen`),
          },
        ];
      }),
    ) as ScheduleInput['payers'],
  };
  return { input, problems };
}

/** One line per part of the rules, in words. */
function describe(rules: Rules, r: Messages): string[] {
  const yen = (amount: number | null | undefined) => r.yen(amount ?? 0);
  const { honorarium, translation, transport } = rules;
  const pay =
    honorarium.kind === 'flat_per_activity'
      ? r.flat(yen(honorarium.amountYen))
      : honorarium.kind === 'per_job'
        ? r.perJob(yen(honorarium.amountYen), honorarium.limitMinutes ?? 0)
        : honorarium.kind === 'first_block_then_hourly'
          ? r.firstBlock(honorarium.firstBlockMinutes ?? 0, yen(honorarium.firstBlockYen), yen(honorarium.perHourYen))
          : r.kinds.unpaid;
  const lines = [r.describeHonorarium(pay)];
  if (translation) {
    const parts = [
      translation.perPageYen !== null ? r.perPage(yen(translation.perPageYen)) : null,
      translation.perManuscriptPageYen !== null
        ? r.perManuscriptPage(yen(translation.perManuscriptPageYen), translation.manuscriptPageCharacters)
        : null,
      translation.perWordYen !== null ? r.perWord(yen(translation.perWordYen)) : null,
      translation.minimumYen > 0 ? r.minimum(yen(translation.minimumYen)) : null,
    ].filter((part): part is string => part !== null);
    if (parts.length > 0) lines.push(r.describeTranslation(parts));
  }
  if (rules.remoteSessionYen !== null) lines.push(r.remote(yen(rules.remoteSessionYen)));
  lines.push(
    transport.kind === 'none'
      ? r.transportNone
      : r.transportActual(transport.capYen !== null ? yen(transport.capYen) : null, transport.receiptRequired === true),
  );
  lines.push(
    r.describeCancellation(
      rules.cancellation.map((tier) =>
        r.tier(tier.noticeHoursUnder, tier.percentOfFee !== null ? r.percent(tier.percentOfFee) : yen(tier.fixedYen)),
      ),
    ),
  );
  lines.push(
    r.describePayers(
      payerKinds.map((kind) => {
        const payer = rules.payers[kind];
        return r.payer(r.payerKinds[kind], r.paidByOptions[payer.paidBy], payer.personServedSharePercent);
      }),
    ),
  );
  return lines;
}

interface ScheduleFormProps {
  id: string;
  title: string;
  initial: Draft;
  save(input: ScheduleInput): Promise<Failure | null>;
  cancel(): void;
}

const noteLimit = maxLengthOf(rateScheduleFieldsSchema.shape.note);

/** The whole schedule in one form: the API checks it as a whole and names each field it refuses. */
function ScheduleForm({ id, title, initial, save, cancel }: ScheduleFormProps) {
  const t = useMessages(adminMessages);
  const r = t.rates;
  const { locale } = useLocale();
  const [draft, setDraft] = useState(initial);

  async function submit(): Promise<Failure | null> {
    const { input, problems } = inputOf(draft, t.wholeNumber);
    // The schedule's own fields by the API's rules (an empty date cannot even be sent), with the numbers'.
    const fieldProblems = ruleProblems(rateScheduleFieldsSchema, input, locale);
    return formProblems([...fieldProblems, ...problems], locale) ?? save(input);
  }

  const labels: Record<string, string> = {
    effectiveFrom: r.effectiveFrom,
    note: r.note,
    'rules.remoteSessionYen': r.remoteSessionYen,
    'rules.cancellation': r.cancellation,
    'rules.transport.capYen': `${r.transport}: ${r.capYen}`,
    ...Object.fromEntries(honorariumNumbers.map((key) => [`rules.honorarium.${key}`, `${r.honorarium}: ${r[key]}`])),
    ...Object.fromEntries(translationNumbers.map((key) => [`rules.translation.${key}`, `${r.translation}: ${r[key]}`])),
    ...Object.fromEntries(
      draft.cancellation.flatMap((_, index) =>
        tierNumbers.map((key) => [`rules.cancellation.${index}.${key}`, `${r.cancellation} ${index + 1}: ${r[key]}`]),
      ),
    ),
    ...Object.fromEntries(
      payerKinds.flatMap((kind) =>
        (['personServedSharePercent', 'personServedCapYen'] as const).map((key) => [
          `rules.payers.${kind}.${key}`,
          `${r.payers} (${r.payerKinds[kind]}): ${r[key]}`,
        ]),
      ),
    ),
  };

  const numberField = (
    failure: Failure | null,
    name: string,
    label: string,
    value: string,
    change: (value: string) => void,
  ) => (
    <NumberField
      key={name}
      name={name}
      label={label}
      errors={problemsFor(failure, name)}
      value={value}
      onChange={change}
    />
  );
  const setHonorarium = (changes: Partial<Draft['honorarium']>) =>
    setDraft((previous) => ({ ...previous, honorarium: { ...previous.honorarium, ...changes } }));
  const setTier = (index: number, changes: Partial<Draft['cancellation'][number]>) =>
    setDraft((previous) => ({
      ...previous,
      cancellation: previous.cancellation.map((tier, at) => (at === index ? { ...tier, ...changes } : tier)),
    }));
  const setPayer = (kind: PayerKind, changes: Partial<Draft['payers'][PayerKind]>) =>
    setDraft((previous) => ({
      ...previous,
      payers: { ...previous.payers, [kind]: { ...previous.payers[kind], ...changes } },
    }));

  return (
    <Section id={id} title={title} labels={labels} save={submit} submitLabel={r.save} savedLabel={r.saved}>
      {(failure) => (
        <>
          <div className="row">
            <Field name="effectiveFrom" label={r.effectiveFrom} errors={problemsFor(failure, 'effectiveFrom')} required>
              {(control) => (
                <input
                  {...control}
                  type="date"
                  value={draft.effectiveFrom}
                  onChange={(event) => setDraft((previous) => ({ ...previous, effectiveFrom: event.target.value }))}
                />
              )}
            </Field>
            <Field
              name="note"
              label={r.note}
              errors={problemsFor(failure, 'note')}
              counter={{ value: draft.note, max: noteLimit }}
            >
              {(control) => (
                <input
                  {...control}
                  value={draft.note}
                  onChange={(event) => setDraft((previous) => ({ ...previous, note: event.target.value }))}
                />
              )}
            </Field>
          </div>
          <div className="check">
            <input
              id={`${id}-illustrative`}
              type="checkbox"
              checked={draft.illustrative}
              onChange={(event) => setDraft((previous) => ({ ...previous, illustrative: event.target.checked }))}
            />
            <label htmlFor={`${id}-illustrative`}>{r.illustrative}</label>
          </div>
          <fieldset className="group">
            <legend>{r.honorarium}</legend>
            <div className="row">
              <Field name="rules.honorarium.kind" label={r.kind} errors={problemsFor(failure, 'rules.honorarium.kind')}>
                {(control) => (
                  <select
                    {...control}
                    value={draft.honorarium.kind}
                    onChange={(event) => setHonorarium({ kind: event.target.value as HonorariumKind })}
                  >
                    {honorariumKinds.map((kind) => (
                      <option key={kind} value={kind}>
                        {r.kinds[kind]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {honorariumFields[draft.honorarium.kind].map((key) =>
                numberField(failure, `rules.honorarium.${key}`, r[key], draft.honorarium[key], (value) =>
                  setHonorarium({ [key]: value }),
                ),
              )}
              {draft.honorarium.kind === 'first_block_then_hourly' ? (
                <Field
                  name="rules.honorarium.rounding"
                  label={r.rounding}
                  errors={problemsFor(failure, 'rules.honorarium.rounding')}
                >
                  {(control) => (
                    <select
                      {...control}
                      value={draft.honorarium.rounding}
                      onChange={(event) => setHonorarium({ rounding: event.target.value as Rounding })}
                    >
                      {roundings.map((rounding) => (
                        <option key={rounding} value={rounding}>
                          {r.roundings[rounding]}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              ) : null}
            </div>
          </fieldset>
          <fieldset className="group">
            <legend>{r.translation}</legend>
            <p className="hint">{r.translationHint}</p>
            <div className="row">
              {translationNumbers.map((key) =>
                numberField(failure, `rules.translation.${key}`, r[key], draft.translation[key], (value) =>
                  setDraft((previous) => ({ ...previous, translation: { ...previous.translation, [key]: value } })),
                ),
              )}
            </div>
          </fieldset>
          {numberField(failure, 'rules.remoteSessionYen', r.remoteSessionYen, draft.remoteSessionYen, (value) =>
            setDraft((previous) => ({ ...previous, remoteSessionYen: value })),
          )}
          <fieldset className="group">
            <legend>{r.transport}</legend>
            <div className="row">
              <Field name="rules.transport.kind" label={r.kind} errors={problemsFor(failure, 'rules.transport.kind')}>
                {(control) => (
                  <select
                    {...control}
                    value={draft.transport.kind}
                    onChange={(event) =>
                      setDraft((previous) => ({
                        ...previous,
                        transport: { ...previous.transport, kind: event.target.value as TransportKind },
                      }))
                    }
                  >
                    {transportKinds.map((kind) => (
                      <option key={kind} value={kind}>
                        {r.transportKinds[kind]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {draft.transport.kind === 'actual_fare'
                ? numberField(failure, 'rules.transport.capYen', r.capYen, draft.transport.capYen, (value) =>
                    setDraft((previous) => ({ ...previous, transport: { ...previous.transport, capYen: value } })),
                  )
                : null}
            </div>
            {draft.transport.kind === 'actual_fare' ? (
              <div className="check">
                <input
                  id={`${id}-receipt`}
                  type="checkbox"
                  checked={draft.transport.receiptRequired}
                  onChange={(event) =>
                    setDraft((previous) => ({
                      ...previous,
                      transport: { ...previous.transport, receiptRequired: event.target.checked },
                    }))
                  }
                />
                <label htmlFor={`${id}-receipt`}>{r.receiptRequired}</label>
              </div>
            ) : null}
          </fieldset>
          <fieldset className="group" id={fieldId('rules.cancellation')} tabIndex={-1}>
            <legend>{r.cancellation}</legend>
            <p className="hint">{r.cancellationHint}</p>
            {problemsFor(failure, 'rules.cancellation').map((problem) => (
              <p key={problem.message} className="field-error" lang={problem.lang}>
                {problem.message}
              </p>
            ))}
            {draft.cancellation.map((tier, index) => (
              // Tiers have no identity of their own but their place in the list, as the API's paths do.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <div className="row" key={index}>
                {tierNumbers.map((key) =>
                  numberField(failure, `rules.cancellation.${index}.${key}`, r[key], tier[key], (value) =>
                    setTier(index, { [key]: value }),
                  ),
                )}
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    setDraft((previous) => ({
                      ...previous,
                      cancellation: previous.cancellation.filter((_, at) => at !== index),
                    }))
                  }
                >
                  {r.removeTier(index + 1)}
                </button>
              </div>
            ))}
            <button
              type="button"
              className="secondary"
              onClick={() =>
                setDraft((previous) => ({
                  ...previous,
                  cancellation: [...previous.cancellation, { noticeHoursUnder: '', percentOfFee: '', fixedYen: '' }],
                }))
              }
            >
              {r.addTier}
            </button>
          </fieldset>
          <fieldset className="group">
            <legend>{r.payers}</legend>
            {payerKinds.map((kind) => (
              <div className="row" key={kind}>
                <Field
                  name={`rules.payers.${kind}.paidBy`}
                  label={`${r.payerKinds[kind]}: ${r.paidBy}`}
                  errors={problemsFor(failure, `rules.payers.${kind}.paidBy`)}
                >
                  {(control) => (
                    <select
                      {...control}
                      value={draft.payers[kind].paidBy}
                      onChange={(event) => setPayer(kind, { paidBy: event.target.value as PaidBy })}
                    >
                      {paidByOptions.map((option) => (
                        <option key={option} value={option}>
                          {r.paidByOptions[option]}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                {(['personServedSharePercent', 'personServedCapYen'] as const).map((key) =>
                  numberField(
                    failure,
                    `rules.payers.${kind}.${key}`,
                    `${r.payerKinds[kind]}: ${r[key]}`,
                    draft.payers[kind][key],
                    (value) => setPayer(kind, { [key]: value }),
                  ),
                )}
              </div>
            ))}
          </fieldset>
          <button type="button" className="secondary" onClick={cancel}>
            {r.cancel}
          </button>
        </>
      )}
    </Section>
  );
}

function DeleteSchedule({ schedule, remove }: { schedule: Schedule; remove(): Promise<Failure | null> }) {
  const r = useMessages(adminMessages).rates;
  return (
    <ConfirmInPlace
      action={r.delete}
      question={r.confirmDelete(schedule.effectiveFrom)}
      yes={r.yesDelete}
      keep={r.keep}
      run={remove}
    />
  );
}

type Editing = { kind: 'new' } | { kind: 'edit'; schedule: Schedule } | null;

/** One association's schedules, latest first, with the form to add or change one. */
function AssociationRates({ association }: { association: Association }) {
  const t = useMessages(adminMessages);
  const r = t.rates;
  const localName = useLocalName();
  const [{ data, fetching, error }, refresh] = useQuery({
    query: RateSchedulesQuery,
    variables: { associationId: association.id },
  });
  const [, create] = useMutation(CreateRateScheduleMutation);
  const [, update] = useMutation(UpdateRateScheduleMutation);
  const [, remove] = useMutation(DeleteRateScheduleMutation);
  const [editing, setEditing] = useState<Editing>(null);
  // What was last saved or deleted, said aloud; after a deletion it takes the focus, as its row is gone.
  const [notice, setNotice] = useState<{ text: string; focus: boolean } | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (notice?.focus) noticeRef.current?.focus();
  }, [notice]);
  const schedules = data?.rateSchedules ?? [];
  const reload = () => refresh({ requestPolicy: 'network-only' });

  function settled(outcome: Outcome<unknown>): Failure | null {
    if (!outcome.ok) return outcome.failure;
    setEditing(null);
    setNotice({ text: r.saved, focus: false });
    reload();
    return null;
  }

  const headingId = `rates-${association.id}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{r.of(localName(association))}</h2>
      <p className="hint">{r.intro}</p>
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <LoadError error={error} retry={reload} /> : null}
      {data && schedules.length === 0 ? <Empty>{r.none}</Empty> : null}
      {notice ? (
        <p className="notice notice-ok" role="status" ref={noticeRef} tabIndex={-1}>
          {notice.text}
        </p>
      ) : null}
      {schedules.length > 0 ? (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{r.effectiveFrom}</th>
                <th scope="col">{r.summary}</th>
                <th scope="col">{r.actions}</th>
              </tr>
            </thead>
            <tbody>
              {schedules.map((schedule) => (
                <tr key={schedule.id}>
                  <th scope="row">
                    {schedule.effectiveFrom}
                    {schedule.illustrative ? (
                      <>
                        {' '}
                        <span className="badge">{r.illustrativeBadge}</span>
                      </>
                    ) : null}
                  </th>
                  <td>
                    <ul>
                      {describe(schedule.rules, r).map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                      {schedule.note ? <li>{schedule.note}</li> : null}
                    </ul>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => {
                        setNotice(null);
                        setEditing({ kind: 'edit', schedule });
                      }}
                    >
                      {r.edit}
                    </button>
                    <DeleteSchedule
                      schedule={schedule}
                      remove={async () => {
                        const outcome = outcomeOf(
                          await remove({ rateScheduleId: schedule.id }),
                          (answer) => answer.deleteRateSchedule,
                        );
                        if (!outcome.ok) return outcome.failure;
                        setEditing(null);
                        setNotice({ text: r.deleted(schedule.effectiveFrom), focus: true });
                        reload();
                        return null;
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {editing === null ? (
        <button
          type="button"
          onClick={() => {
            setNotice(null);
            setEditing({ kind: 'new' });
          }}
        >
          {r.add}
        </button>
      ) : editing.kind === 'new' ? (
        <ScheduleForm
          id={`new-rates-${association.id}`}
          title={r.add}
          initial={draftOf(schedules[0], '')}
          save={async (input) =>
            settled(
              outcomeOf(await create({ associationId: association.id, input }), (answer) => answer.createRateSchedule),
            )
          }
          cancel={() => setEditing(null)}
        />
      ) : (
        <ScheduleForm
          key={editing.schedule.id}
          id={`edit-rates-${editing.schedule.id}`}
          title={r.editTitle(editing.schedule.effectiveFrom)}
          initial={{
            ...draftOf(editing.schedule, editing.schedule.effectiveFrom),
            illustrative: editing.schedule.illustrative,
            note: editing.schedule.note ?? '',
          }}
          save={async (input) =>
            settled(
              outcomeOf(
                await update({ rateScheduleId: editing.schedule.id, input }),
                (answer) => answer.updateRateSchedule,
              ),
            )
          }
          cancel={() => setEditing(null)}
        />
      )}
    </section>
  );
}

/** Admins: the rates each of their associations pays, from a date on. */
export function RatesPage() {
  const t = useMessages(adminMessages);
  const [{ data, fetching, error }, refresh] = useQuery({ query: AdminAssociationsQuery });
  // `staff` is null where the viewer is not an admin.
  const mine = (data?.associations ?? []).filter((association) => association.staff);
  return (
    <Page title={t.rates.title}>
      {fetching && !data ? <Loading /> : null}
      {error && !data ? <LoadError error={error} retry={() => refresh({ requestPolicy: 'network-only' })} /> : null}
      {data && mine.length === 0 ? <Empty>{t.noAdminAssociations}</Empty> : null}
      {mine.map((association) => (
        <AssociationRates key={association.id} association={association} />
      ))}
    </Page>
  );
}
