import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { fixedClock } from '@tsunagu/domain';
import { schema as graphqlSchema } from '@tsunagu/graphql';
import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLScalarType,
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { globalId, startTestApi, type TestApi } from '../support/api';
import { insertAvailableVolunteer, insertDispatchWorld } from '../support/dispatch-world';
import { insertAssignment, insertRequest, insertStaffMember } from '../support/fixtures';
import { inlineDispatcher } from '../support/inline-dispatcher';

/**
 * Every query and mutation of the schema, read from the schema itself (a field added tomorrow is
 * fuzzed without anyone writing a case for it), called by each role with hostile values for each
 * argument and input field: NUL and other control characters, huge strings, out-of-range numbers,
 * IDs that are malformed or of nothing, impossible dates, crafted cursors, empty lists and nulls.
 * No answer may be an HTTP 5xx or a masked error, and a mutation that answers with an error writes
 * nothing.
 */

type Role = 'anonymous' | 'requester' | 'volunteer' | 'coordinator' | 'admin';
const roles: Role[] = ['anonymous', 'requester', 'volunteer', 'coordinator', 'admin'];
/** Cases per root field and role; with about a hundred root fields, a few thousand in all. */
const casesPerRole = 4;
/** A seed of its own for each field and role, the same on every run. */
function seedOf(text: string): number {
  let hash = 20270115;
  for (const character of text) hash = (Math.imul(hash, 31) + (character.codePointAt(0) ?? 0)) | 0;
  return hash;
}

const clock = fixedClock('2027-01-15T09:00');
let testDb: TestDatabase;
let api: TestApi;
let users: Record<Exclude<Role, 'anonymous'>, string>;
let sessions: Record<Role, string | undefined>;

async function signInEveryone(): Promise<void> {
  sessions = {
    anonymous: undefined,
    requester: await api.sessionFor(users.requester),
    volunteer: await api.sessionFor(users.volunteer),
    coordinator: await api.sessionFor(users.coordinator),
    admin: await api.sessionFor(users.admin),
  };
}

/** Global IDs of rows that exist, so that most cases get past "not found". */
let knownIds: Array<{ type: string; id: string }> = [];
let knownRows: { assignment: string };
let tables: string[] = [];

/**
 * A world of its own for each root field (an association with its coordinator and admin, an
 * organization with its requesting staff, a volunteer with an offer and a past booking, another
 * who is free), so that what one field's cases did (a booking made, a request cancelled) leaves
 * the next field's intact.
 */
async function freshWorld(): Promise<void> {
  const { db } = testDb.database;
  const world = await insertDispatchWorld(db);
  const admin = await insertStaffMember(db, world.associationId, 'admin');
  const lan = await insertAvailableVolunteer(db, world.associationId, 'Lan');
  // Free, and offered nothing: a coordinator may offer her the open request or book her for it.
  const minh = await insertAvailableVolunteer(db, world.associationId, 'Minh');
  const open = await insertRequest(db, world.associationId, world.organizationId);
  const past = await insertRequest(db, world.associationId, world.organizationId, {
    status: 'filled',
    startsAt: new Date('2027-01-12T10:00:00+09:00'),
    endsAt: new Date('2027-01-12T12:00:00+09:00'),
  });
  const booking = await insertAssignment(db, past, lan.volunteer.id);
  const [rates] = await db
    .select({ id: schema.rateSchedules.id })
    .from(schema.rateSchedules)
    .where(eq(schema.rateSchedules.associationId, world.associationId));
  const [offer] = await db
    .insert(schema.offers)
    .values({
      requestId: open.id,
      volunteerId: lan.volunteer.id,
      wave: 1,
      deadline: new Date('2027-01-20T09:00:00+09:00'),
    })
    .returning();
  users = {
    requester: world.requesterUser.id,
    volunteer: lan.user.id,
    coordinator: world.coordinator.userId ?? '',
    admin: admin.id,
  };
  knownIds = (
    [
      ['Association', world.associationId],
      ['Organization', world.organizationId],
      ['Request', open.id],
      ['Request', past.id],
      ['Assignment', booking.id],
      ['Offer', offer?.id ?? ''],
      ['Volunteer', lan.volunteer.id],
      ['Volunteer', minh.volunteer.id],
      ['User', lan.user.id],
      ['User', world.requesterUser.id],
      ['RateSchedule', rates?.id ?? ''],
    ] as const
  ).map(([type, rowId]) => ({ type, id: globalId(type, rowId) }));
  knownRows = { assignment: booking.id };
  await signInEveryone();
}

beforeAll(async () => {
  testDb = await openTestDatabase();
  const { db } = testDb.database;
  api = await startTestApi(testDb.database, { clock, dispatcher: inlineDispatcher(db, clock) });
  const rows = await db.execute(
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  tables = rowsOf<{ name: string }>(rows)
    .map((row) => row.name)
    // Written on purpose whatever the answer: sessions (the fuzzer signs its roles in again after
    // each mutation that went through), sign-in attempts (throttling counts the failed ones).
    .filter((name) => name !== 'sessions' && name !== 'login_attempts')
    .sort();
}, 120_000);
afterAll(async () => {
  await api?.close();
  await testDb?.dispose();
});

function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

/** Every row of every table, as one text per table: what "nothing was written" compares. */
async function snapshot(): Promise<Record<string, string>> {
  const columns = tables.map(
    (name) => `(select coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from "${name}" t) as "${name}"`,
  );
  const [row] = rowsOf<Record<string, string>>(
    await testDb.database.db.execute(sql.raw(`select ${columns.join(', ')}`)),
  );
  return row ?? {};
}

/**
 * The next transaction ID: no row is written without one, so while it stands still the last
 * snapshot still holds, and most cases need no new one.
 */
async function nextTransactionId(): Promise<string> {
  const [row] = rowsOf<{ xmax: string }>(
    await testDb.database.db.execute(sql`select pg_snapshot_xmax(pg_current_snapshot())::text as xmax`),
  );
  return row?.xmax ?? '';
}

/** How many answers came from resolvers (HTTP 200), against those refused while reading the variables. */
const reached = { resolvers: 0, all: 0 };

let lastSnapshot: { xmax: string; tables: Record<string, string> } | null = null;

async function currentSnapshot(): Promise<Record<string, string>> {
  const xmax = await nextTransactionId();
  if (lastSnapshot?.xmax !== xmax) lastSnapshot = { xmax, tables: await snapshot() };
  return lastSnapshot.tables;
}

// ---- values, by input type: mostly plausible, so that a case gets past the other fields' checks
// to where the one hostile value in it can do harm ----

const hostileText = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '窓口\u0007一郎',
  '\u001b[31m',
  '\u007f',
  '\ud800',
  'x'.repeat(20_000),
  '市'.repeat(10_001),
  "' or 1=1 --",
  '%',
  '🙂',
);

/** What a form would send for a text field of this name. */
function plausibleText(name: string): fc.Arbitrary<string> {
  if (/email/i.test(name)) return fc.uuid().map((id) => `${id.slice(0, 8)}@example.jp`);
  if (/password/i.test(name)) return fc.constant('correct horse battery');
  if (/languageCode$/i.test(name)) return fc.constantFrom('vi', 'ja', 'zh');
  if (/prefectureCode$/i.test(name)) return fc.constant('27');
  if (/(GovernmentCode|Code)$/.test(name)) return fc.constantFrom('272035', '271004');
  if (/category/i.test(name)) return fc.constantFrom('1', '3', 'N');
  if (/locale/i.test(name)) return fc.constantFrom('ja', 'en');
  if (/token/i.test(name)) return fc.uuid();
  if (/assignmentId/.test(name)) return fc.constant(null).map(() => knownRows.assignment);
  return fc.constantFrom('窓口 一郎', 'Nguyen Van A', '豊中市役所', 'line\nbreak\ttab', 'テスト');
}

const hostileId = fc.oneof(
  fc.constantFrom('', '%%%', 'null', 'x'.repeat(5_000), Buffer.from('Request:1').toString('base64'), '\u0000'),
  fc.uuid().map((id) => globalId('Request', id)),
  fc.uuid().map((id) => globalId('ExpenseLine', id)),
  fc.uuid().map((id) => globalId('Query', id)),
  fc.uuid(),
  fc.constant(Buffer.from('Request:\u0000').toString('base64')),
);

/** Most of the known-id cases a mutation runs for each role, first ones first. */
const knownIdCasesPerRole = 4;

/** The mutation's ID arguments set to rows that exist, each combination of the fitting ones. */
function knownIdCases(field: GraphQLField<unknown, unknown>): Array<Record<string, string>> {
  let cases: Array<Record<string, string>> = [{}];
  for (const arg of field.args) {
    if (!isNonNullType(arg.type) || getNullableType(arg.type).toString() !== 'ID') continue;
    const types = (arg.extensions?.relayGlobalIDFor as Array<{ typename: string }> | null | undefined)?.map(
      (entry) => entry.typename,
    );
    const fitting = knownIds.filter(({ type }) => !types || types.includes(type)).map(({ id }) => id);
    cases = cases.flatMap((partial) => fitting.map((id) => ({ ...partial, [arg.name]: id })));
  }
  return cases.length === 1 && Object.keys(cases[0] ?? {}).length === 0 ? [] : cases.slice(0, knownIdCasesPerRole);
}

/** A global ID of a row that exists, of a type the argument takes when it says. */
function plausibleId(types: string[] | undefined): fc.Arbitrary<string> {
  return fc.constant(null).chain(() => {
    const fitting = knownIds.filter(({ type }) => !types || types.includes(type)).map(({ id }) => id);
    return fc.constantFrom(...(fitting.length > 0 ? fitting : knownIds.map(({ id }) => id)));
  });
}

const cursor = fc.oneof(
  fc.constantFrom('garbage', '', '\u0000', 'x'.repeat(5_000)),
  fc
    .constantFrom(
      'GPC:S:\u0000',
      'GPC:J:["not a date","not a uuid"]',
      'GPC:D:99999999999999999',
      'GPC:N:1e400',
      'GPC:J:[[[[[[]]]]]]',
      'GPC:J:{"a":1}',
    )
    .map((raw) => Buffer.from(raw).toString('base64')),
  fc.string({ maxLength: 30 }).map((raw) => Buffer.from(`GPC:${raw}`).toString('base64')),
);

const hostileInt = fc.constantFrom(0, -1, 13, 1999, 2101, 1_000_000, 2_147_483_647, -2_147_483_648);
function plausibleInt(name: string): fc.Arbitrary<number> {
  if (/fiscalYear/i.test(name)) return fc.constantFrom(2025, 2026);
  if (/month/i.test(name)) return fc.integer({ min: 1, max: 12 });
  if (/satisfaction/i.test(name)) return fc.integer({ min: 1, max: 5 });
  if (/yen/i.test(name)) return fc.constantFrom(0, 440, 3500);
  return fc.integer({ min: 1, max: 10 });
}
const hostileFloat = fc.constantFrom(-1, 1e308, -1e308, 5e-324);
const hostileDate = fc.constantFrom('2027-02-30', '0000-01-01', '9999-12-31', '', '2027-13-01', '+275760-09-13');
const plausibleDate = fc.constantFrom('2027-01-20', '2026-04-01', '2027-01-12');
const hostileDateTime = fc.constantFrom(
  '2027-02-30T10:00:00+09:00',
  '+275760-09-13T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '2027-01-20T10:00:00',
  'yesterday',
);
function plausibleDateTime(name: string): fc.Arbitrary<string> {
  return /end/i.test(name)
    ? fc.constantFrom('2027-01-20T12:00:00+09:00', '2027-01-12T12:00:00+09:00')
    : fc.constantFrom('2027-01-20T10:00:00+09:00', '2027-01-12T10:00:00+09:00');
}

/** Mostly the plausible value, now and then the hostile one. */
function either<T>(plausible: fc.Arbitrary<T>, hostile: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: plausible, weight: 5 }, { arbitrary: hostile, weight: 1 });
}

function leafFor(type: GraphQLScalarType, name: string, extensions: Record<string, unknown>): fc.Arbitrary<unknown> {
  switch (type.name) {
    case 'ID': {
      const types = (extensions.relayGlobalIDFor as Array<{ typename: string }> | null | undefined)?.map(
        (entry) => entry.typename,
      );
      return either(plausibleId(types), hostileId);
    }
    case 'Int':
      return either(plausibleInt(name), hostileInt);
    case 'Float':
      return either(fc.constantFrom(0, 0.5, 34.7, 135.5), hostileFloat);
    case 'Boolean':
      return fc.boolean();
    case 'Date':
      return either(plausibleDate, hostileDate);
    case 'DateTime':
      return either(plausibleDateTime(name), hostileDateTime);
    default:
      return name === 'after' || name === 'before' ? cursor : either(plausibleText(name), hostileText);
  }
}

/** A value for an argument or input field; a nullable one is sometimes null (deep nulls). */
function arbitraryFor(
  type: GraphQLInputType,
  name: string,
  extensions: Record<string, unknown>,
  depth: number,
): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueFor(type.ofType, name, extensions, depth);
  return fc.oneof(
    { arbitrary: valueFor(type, name, extensions, depth), weight: 6 },
    { arbitrary: fc.constant(null), weight: 1 },
  );
}

function valueFor(
  type: GraphQLInputType,
  name: string,
  extensions: Record<string, unknown>,
  depth: number,
): fc.Arbitrary<unknown> {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const item = arbitraryFor(nullable.ofType, name, extensions, depth);
    return fc.oneof(fc.constant([]), fc.array(item, { minLength: 1, maxLength: 3 }));
  }
  if (isInputObjectType(nullable)) {
    if (depth > 3) return fc.constant({});
    const fields = Object.values(nullable.getFields());
    return fc.record(
      Object.fromEntries(
        fields.map((field) => [field.name, arbitraryFor(field.type, field.name, field.extensions ?? {}, depth + 1)]),
      ),
      { requiredKeys: fields.filter((field) => isNonNullType(field.type)).map((field) => field.name) },
    );
  }
  if (isEnumType(nullable)) return fc.constantFrom(...nullable.getValues().map((value) => value.value));
  if (isScalarType(nullable)) return leafFor(nullable, name, extensions);
  throw new Error(`no arbitrary for ${String(nullable)}`);
}

// ---- what to ask for ----

/**
 * The selection: the typename, every leaf without required arguments, and one level into the
 * objects a mutation answers with (`data`) and a connection's `nodes`, so that the types' scopes
 * and resolvers run too. Errors say their message.
 */
function selectionOf(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (isAbstractType(named)) {
    const members = isInterfaceType(named) ? graphqlSchema.getPossibleTypes(named) : named.getTypes();
    const branches = (depth < 2 ? members : []).map((member) => {
      const inner = selectionOf(member, depth + 1);
      return inner ? `... on ${member.name} ${inner}` : '';
    });
    return `{ __typename ${branches.join(' ')} }`;
  }
  if (!isObjectType(named)) return '';
  const fields = Object.values(named.getFields()).filter((field) => !field.args.some((arg) => isNonNullType(arg.type)));
  const leaves = fields.filter((field) => isLeafType(getNamedType(field.type))).map((field) => field.name);
  const nested =
    depth < 2
      ? fields
          .filter((field) => ['data', 'nodes'].includes(field.name))
          .map((field) => `${field.name} ${selectionOf(field.type, depth + 1)}`)
      : [];
  return `{ __typename ${[...leaves, ...nested].join(' ')} }`;
}

function operationOf(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`);
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`);
  return `${kind}${variables.length ? ` (${variables.join(', ')})` : ''} { ${field.name}${
    args.length ? `(${args.join(', ')})` : ''
  } ${selectionOf(field.type)} }`;
}

const rootFields = [
  ...Object.values(graphqlSchema.getQueryType()?.getFields() ?? {}).map((field) => ({ kind: 'query' as const, field })),
  ...Object.values(graphqlSchema.getMutationType()?.getFields() ?? {}).map((field) => ({
    kind: 'mutation' as const,
    field,
  })),
];

interface Answer {
  data?: Record<string, { __typename?: string } | null> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** Whether a mutation's answer says it did not happen: a GraphQL error, or one of its typed errors. */
function isError(answer: Answer, fieldName: string): boolean {
  const typename = answer.data?.[fieldName]?.__typename ?? '';
  return (answer.errors?.length ?? 0) > 0 || typename.endsWith('Error');
}

describe('hostile input to every root field, for every role', () => {
  test('the schema has root fields to fuzz', () => {
    expect(rootFields.length).toBeGreaterThan(50);
  });

  test.each(
    rootFields.map(
      ({ kind, field }) => [`${kind === 'query' ? 'Query' : 'Mutation'}.${field.name}`, kind, field] as const,
    ),
  )(
    '%s',
    async (_name, kind, field) => {
      const document = operationOf(kind, field);
      const variables = fc.record(
        Object.fromEntries(
          field.args.map((arg) => [arg.name, arbitraryFor(arg.type, arg.name, arg.extensions ?? {}, 0)]),
        ),
      ) as fc.Arbitrary<Record<string, unknown>>;
      await freshWorld();
      const failures: string[] = [];
      for (const role of roles) {
        const sampled = fc.sample(variables, { numRuns: casesPerRole, seed: seedOf(`${field.name}:${role}`) });
        // Random ids rarely name the one pair of rows a mutation succeeds on (a free volunteer and an
        // open request): a mutation also runs on each pair of rows that exist, where success answers.
        const known = kind === 'mutation' ? knownIdCases(field).map((ids) => ({ ...sampled[0], ...ids })) : [];
        for (const input of [...sampled, ...known]) {
          const before = kind === 'mutation' ? await currentSnapshot() : null;
          const { response, ...answer } = (await api.graphql(document, input, {
            session: sessions[role],
          })) as Answer & {
            response: Response;
          };
          reached.all += 1;
          if (response.status === 200) reached.resolvers += 1;
          const masked = (answer.errors ?? []).filter(
            (error) => error.message === 'Unexpected error.' || error.extensions?.code === 'INTERNAL_SERVER_ERROR',
          );
          const failed = isError(answer, field.name);
          const problem =
            response.status >= 500
              ? `HTTP ${response.status}`
              : masked.length > 0
                ? 'Unexpected error.'
                : before && failed
                  ? writtenTables(before, await currentSnapshot())
                  : null;
          if (problem) failures.push(`${role} ${JSON.stringify(input).slice(0, 300)}: ${problem}`);
          // A mutation that went through may have signed someone out or changed their roles.
          if (kind === 'mutation' && !failed) await signInEveryone();
        }
      }
      expect(failures).toEqual([]);
    },
    120_000,
  );
});

describe('the fuzzing itself', () => {
  // Runs after the fields above (Vitest runs a file's tests in order): a generator that made
  // nearly nothing but unparseable variables would pass without testing any resolver.
  test('most cases got past the variables to a resolver', () => {
    expect(reached.all).toBeGreaterThan(1_500);
    expect(reached.resolvers / reached.all).toBeGreaterThan(0.5);
  });
});

function writtenTables(before: Record<string, string>, after: Record<string, string>): string | null {
  const changed = Object.keys(after).filter((name) => before[name] !== after[name]);
  return changed.length > 0 ? `an error, yet ${changed.join(', ')} changed` : null;
}
