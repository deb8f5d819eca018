import { type BankChoice, findBanks, findBranches } from '@tsunagu/services';
import { builder } from '../builder';

/*
 * The bank code data (zengin-code), searched for a volunteer picking their bank and branch: the
 * data is the server's (5 MB), and the account is checked against it again when saved.
 */

const BankChoiceRef = builder.objectRef<BankChoice>('BankChoice').implement({
  description: 'A bank or a branch: its code, its name and its kana name, as the bank code data has them.',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    kana: t.exposeString('kana'),
  }),
});

const search = {
  required: true,
  description: 'A name, its kana (either width, or hiragana) or the code’s first digits.',
} as const;

builder.queryField('banks', (t) =>
  t.field({
    type: [BankChoiceRef],
    description: 'Signed-in people: at most 30 banks that match, those whose code starts with it first.',
    authScopes: { signedIn: true },
    args: { search: t.arg.string(search) },
    resolve: (_root, args) => findBanks(args.search),
  }),
);

builder.queryField('bankBranches', (t) =>
  t.field({
    type: [BankChoiceRef],
    description: 'Signed-in people: at most 30 branches of the bank that match; none for an unknown bank.',
    authScopes: { signedIn: true },
    args: { bankCode: t.arg.string({ required: true }), search: t.arg.string(search) },
    resolve: (_root, args) => findBranches(args.bankCode, args.search),
  }),
);
