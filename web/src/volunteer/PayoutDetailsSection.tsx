import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { problemsFor } from '../forms/FailureNotice';
import { Field, FieldSet } from '../forms/Field';
import { ErrorFields, type Failure, formProblems, outcomeOf } from '../forms/failure';
import { individualNumberSchema, payoutAccountSchema, ruleProblems } from '../forms/rules';
import { Section } from '../forms/Section';
import { graphql, type ResultOf } from '../graphql';
import { useLocale, useMessages } from '../i18n';
import { moneyMessages } from '../money';
import { payoutDetailsMessages } from '../payouts/messages';

const PayoutDetailsFields = graphql(`
  fragment PayoutDetailsFields on PayoutDetails @_unmask {
    declinesPayment
    account {
      bankCode
      bankKana
      branchCode
      branchKana
      accountType
      accountNumber
      holderKana
    }
    hasIndividualNumber
    calendarYearYen
    needsIndividualNumber
  }
`);

const MyPayoutDetailsQuery = graphql(
  `
    query MyPayoutDetails {
      myPayoutDetails {
        __typename
        ... on QueryMyPayoutDetailsSuccess {
          data {
            ...PayoutDetailsFields
          }
        }
      }
    }
  `,
  [PayoutDetailsFields],
);

const BanksQuery = graphql(`
  query Banks($search: String!) {
    banks(search: $search) {
      code
      name
      kana
    }
  }
`);

const BranchesQuery = graphql(`
  query BankBranches($bankCode: String!, $search: String!) {
    bankBranches(bankCode: $bankCode, search: $search) {
      code
      name
      kana
    }
  }
`);

const SavePayoutDetailsMutation = graphql(
  `
    mutation SavePayoutDetails($declinesPayment: Boolean!, $account: PayoutAccountInput) {
      savePayoutDetails(declinesPayment: $declinesPayment, account: $account) {
        __typename
        ... on MutationSavePayoutDetailsSuccess {
          data {
            ...PayoutDetailsFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [PayoutDetailsFields, ErrorFields],
);

const SaveIndividualNumberMutation = graphql(
  `
    mutation SaveIndividualNumber($individualNumber: String!) {
      saveIndividualNumber(individualNumber: $individualNumber) {
        __typename
        ... on MutationSaveIndividualNumberSuccess {
          data {
            ...PayoutDetailsFields
          }
        }
        ...ErrorFields
      }
    }
  `,
  [PayoutDetailsFields, ErrorFields],
);

type Choice = { code: string; name: string; kana: string };

/** A search box and the choices it finds, as a select: the bank code data is the server's. */
function CodePicker({
  name,
  searchLabel,
  searchHint,
  label,
  placeholder,
  value,
  current,
  choices,
  search,
  onSearch,
  onChange,
  errors,
  disabled = false,
}: {
  name: string;
  searchLabel: string;
  searchHint?: string;
  label: string;
  placeholder: string;
  value: string;
  /** The saved choice, shown even when the search does not find it. */
  current: Choice | null;
  choices: readonly Choice[];
  search: string;
  onSearch(text: string): void;
  onChange(code: string): void;
  errors: ReturnType<typeof problemsFor>;
  disabled?: boolean;
}) {
  const shown = current && !choices.some((choice) => choice.code === current.code) ? [current, ...choices] : choices;
  return (
    <div className="code-picker">
      <Field name={`${name}-search`} label={searchLabel} hint={searchHint}>
        {(control) => (
          <input
            {...control}
            type="search"
            value={search}
            disabled={disabled}
            onChange={(event) => onSearch(event.target.value)}
          />
        )}
      </Field>
      <Field name={name} label={label} errors={errors} required>
        {(control) => (
          <select {...control} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)}>
            <option value="">{placeholder}</option>
            {shown.map((choice) => (
              <option key={choice.code} value={choice.code}>
                {[choice.code, choice.name, `（${choice.kana}）`].filter(Boolean).join(' ')}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}

type Details = ResultOf<typeof PayoutDetailsFields>;

function AccountForm({ details }: { details: Details }) {
  const t = useMessages(payoutDetailsMessages);
  const { locale } = useLocale();
  const [, save] = useMutation(SavePayoutDetailsMutation);
  const saved = details.account;
  const [form, setForm] = useState({
    declinesPayment: details.declinesPayment,
    bankCode: saved?.bankCode ?? '',
    branchCode: saved?.branchCode ?? '',
    accountType: saved?.accountType ?? 'ordinary',
    accountNumber: saved?.accountNumber ?? '',
    holderKana: saved?.holderKana ?? '',
  });
  const [bankSearch, setBankSearch] = useState('');
  const [branchSearch, setBranchSearch] = useState('');
  const set = <Key extends keyof typeof form>(key: Key, value: (typeof form)[Key]) =>
    setForm((previous) => ({ ...previous, [key]: value }));
  const [{ data: banks }] = useQuery({
    query: BanksQuery,
    variables: { search: bankSearch },
    pause: bankSearch.trim() === '',
  });
  const [{ data: branches }] = useQuery({
    query: BranchesQuery,
    variables: { bankCode: form.bankCode, search: branchSearch },
    pause: form.bankCode === '',
  });

  async function submit(): Promise<Failure | null> {
    if (form.declinesPayment) {
      const outcome = outcomeOf(await save({ declinesPayment: true, account: null }), (data) => data.savePayoutDetails);
      return outcome.ok ? null : outcome.failure;
    }
    const { declinesPayment: _declines, ...account } = form;
    const unsendable = formProblems(ruleProblems(payoutAccountSchema, account, locale, ['input', 'account']), locale);
    if (unsendable) return unsendable;
    const outcome = outcomeOf(await save({ declinesPayment: false, account }), (data) => data.savePayoutDetails);
    return outcome.ok ? null : outcome.failure;
  }

  const labels = {
    'account.bankCode': t.bank,
    'account.branchCode': t.branch,
    'account.accountType': t.accountType,
    'account.accountNumber': t.accountNumber,
    'account.holderKana': t.holderKana,
  };
  return (
    <Section id="payout-details" title={t.title} intro={t.intro} labels={labels} save={submit} savedLabel={t.saved}>
      {(failure) => (
        <>
          <FieldSet name="declinesPayment" legend={t.declineLegend} hint={t.declinesHint}>
            <div className="choices">
              <label className="choice">
                <input
                  type="radio"
                  name="declinesPayment"
                  checked={!form.declinesPayment}
                  onChange={() => set('declinesPayment', false)}
                />
                {t.paid}
              </label>
              <label className="choice">
                <input
                  type="radio"
                  name="declinesPayment"
                  checked={form.declinesPayment}
                  onChange={() => set('declinesPayment', true)}
                />
                {t.declines}
              </label>
            </div>
          </FieldSet>
          {form.declinesPayment ? null : (
            <>
              <CodePicker
                name="account.bankCode"
                searchLabel={t.bankSearch}
                searchHint={t.bankSearchHint}
                label={t.bank}
                placeholder={t.chooseBank}
                value={form.bankCode}
                current={saved ? { code: saved.bankCode, name: '', kana: saved.bankKana } : null}
                choices={banks?.banks ?? []}
                search={bankSearch}
                onSearch={setBankSearch}
                onChange={(code) => {
                  set('bankCode', code);
                  set('branchCode', '');
                }}
                errors={problemsFor(failure, 'account.bankCode')}
              />
              <CodePicker
                name="account.branchCode"
                searchLabel={t.branchSearch}
                label={t.branch}
                placeholder={form.bankCode === '' ? t.chooseBankFirst : t.chooseBranch}
                value={form.branchCode}
                current={
                  saved && saved.bankCode === form.bankCode
                    ? { code: saved.branchCode, name: '', kana: saved.branchKana }
                    : null
                }
                choices={branches?.bankBranches ?? []}
                search={branchSearch}
                onSearch={setBranchSearch}
                onChange={(code) => set('branchCode', code)}
                errors={problemsFor(failure, 'account.branchCode')}
                disabled={form.bankCode === ''}
              />
              <FieldSet
                name="account.accountType"
                legend={t.accountType}
                errors={problemsFor(failure, 'account.accountType')}
              >
                <div className="choices">
                  {(['ordinary', 'current'] as const).map((type) => (
                    <label key={type} className="choice">
                      <input
                        type="radio"
                        name="accountType"
                        checked={form.accountType === type}
                        onChange={() => set('accountType', type)}
                      />
                      {t.accountTypes[type]}
                    </label>
                  ))}
                </div>
              </FieldSet>
              <Field
                name="account.accountNumber"
                label={t.accountNumber}
                errors={problemsFor(failure, 'account.accountNumber')}
                required
              >
                {(control) => (
                  <input
                    {...control}
                    inputMode="numeric"
                    autoComplete="off"
                    value={form.accountNumber}
                    onChange={(event) => set('accountNumber', event.target.value)}
                  />
                )}
              </Field>
              <Field
                name="account.holderKana"
                label={t.holderKana}
                hint={t.holderKanaHint}
                errors={problemsFor(failure, 'account.holderKana')}
                required
              >
                {(control) => (
                  <input
                    {...control}
                    autoComplete="off"
                    value={form.holderKana}
                    onChange={(event) => set('holderKana', event.target.value)}
                  />
                )}
              </Field>
            </>
          )}
        </>
      )}
    </Section>
  );
}

/** Asked only when this calendar year's payments pass ¥50,000: the payment statement needs it. */
function IndividualNumberForm({ details }: { details: Details }) {
  const t = useMessages(payoutDetailsMessages);
  const m = useMessages(moneyMessages);
  const { locale } = useLocale();
  const [, save] = useMutation(SaveIndividualNumberMutation);
  const [individualNumber, setIndividualNumber] = useState('');

  async function submit(): Promise<Failure | null> {
    const unsendable = formProblems(
      ruleProblems(individualNumberSchema, individualNumber, locale, ['individualNumber']),
      locale,
    );
    if (unsendable) return unsendable;
    const outcome = outcomeOf(await save({ individualNumber }), (data) => data.saveIndividualNumber);
    if (outcome.ok) setIndividualNumber('');
    return outcome.ok ? null : outcome.failure;
  }

  return (
    <Section
      id="individual-number"
      title={t.numberTitle}
      intro={t.numberIntro(m.yen(details.calendarYearYen))}
      labels={{ individualNumber: t.individualNumber }}
      save={submit}
      submitLabel={t.saveNumber}
    >
      {(failure) => (
        <>
          {details.hasIndividualNumber ? <p className="notice">{t.numberOnFile}</p> : null}
          <Field
            name="individualNumber"
            label={t.individualNumber}
            errors={problemsFor(failure, 'individualNumber')}
            required
          >
            {(control) => (
              <input
                {...control}
                inputMode="numeric"
                autoComplete="off"
                value={individualNumber}
                onChange={(event) => setIndividualNumber(event.target.value)}
              />
            )}
          </Field>
        </>
      )}
    </Section>
  );
}

/** The volunteer's bank account (or that they decline payment), and their individual number when asked. */
export function PayoutDetailsSection() {
  const [{ data }] = useQuery({ query: MyPayoutDetailsQuery });
  const answer = data?.myPayoutDetails;
  if (answer?.__typename !== 'QueryMyPayoutDetailsSuccess') return null;
  const details = answer.data;
  return (
    <>
      <AccountForm details={details} />
      {details.needsIndividualNumber && !details.declinesPayment ? <IndividualNumberForm details={details} /> : null}
    </>
  );
}
