import SchemaBuilder, {
  BasePlugin,
  type PothosOutputFieldConfig,
  PothosValidationError,
  type SchemaTypes,
} from '@pothos/core';
import { DomainError, type FieldProblem, type Localized, ValidationError } from '@tsunagu/domain';
import {
  type GraphQLArgument,
  GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLResolveInfo,
  getNullableType,
  isInputObjectType,
  isListType,
  isObjectType,
} from 'graphql';
import type { Context } from './context';

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      inputGuard: InputGuardPlugin<Types>;
    }
  }
}

/** The longest text any field takes; fields that take less say so in their own validation. */
export const maxTextLength = 10_000;
/** The most items any list argument takes. */
export const maxListLength = 1_000;

/**
 * NUL, which PostgreSQL cannot store in text, and the other C0 controls and DEL, which no form
 * types; tab, line feed and carriage return are what a text area sends.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** Half of a UTF-16 pair without its other half: no UTF-8 can hold it. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const globalIdShape = /^([A-Za-z_]\w*):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const base64 = /^[A-Za-z0-9+/]+={0,2}$/;

const messages = {
  control: {
    en: 'Control characters (such as NUL) are not allowed; tabs and line breaks are fine.',
    ja: '制御文字（NUL など）は使えません。タブと改行は使えます。',
  },
  unicode: { en: 'The text is not valid Unicode.', ja: '文字列が正しい Unicode ではありません。' },
  tooLong: (limit: number): Localized => ({
    en: `At most ${limit.toLocaleString('en')} characters.`,
    ja: `${limit.toLocaleString('ja')} 文字以内にしてください。`,
  }),
  tooMany: (limit: number): Localized => ({
    en: `At most ${limit.toLocaleString('en')} items.`,
    ja: `${limit.toLocaleString('ja')} 件以内にしてください。`,
  }),
  notAnId: { en: 'This is not an ID that Tsunagu handed out.', ja: 'つなぐが発行した ID ではありません。' },
  wrongType: (expected: string[]): Localized => ({
    en: `This is not the ID of a ${expected.join(' or ')}.`,
    ja: `${expected.join('・')} の ID ではありません。`,
  }),
  unreadable: {
    en: 'An argument is out of range or cannot be read (a page size below zero, or a cursor or ID that Tsunagu did not hand out).',
    ja: '引数が範囲外か、読み取れません（負のページサイズ、またはつなぐが発行していないカーソルや ID）。',
  },
  unstorable: {
    en: 'A value cannot be stored (out of range, or not of its kind).',
    ja: '保存できない値があります（範囲外か、形式が違います）。',
  },
} satisfies Record<string, Localized | ((limit: never) => Localized)>;

interface GlobalIdExtensions {
  isRelayGlobalID?: boolean;
  relayGlobalIDFor?: Array<{ typename: string }> | null;
}

/** The problems of one argument or input field's value, each at its path. */
function inspect(
  type: GraphQLInputType,
  value: unknown,
  path: string[],
  extensions: GlobalIdExtensions,
  info: GraphQLResolveInfo,
  problems: FieldProblem[],
): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    // GraphQL takes a single value for a list of one.
    const items = Array.isArray(value) ? value : [value];
    if (items.length > maxListLength) {
      problems.push({ path, message: messages.tooMany(maxListLength) });
      return;
    }
    items.forEach((item, index) => {
      inspect(nullable.ofType, item, [...path, String(index)], extensions, info, problems);
    });
    return;
  }
  if (isInputObjectType(nullable)) {
    for (const field of Object.values(nullable.getFields())) {
      const fieldValue = (value as Record<string, unknown>)[field.name];
      inspect(field.type, fieldValue, [...path, field.name], globalIdExtensions(field), info, problems);
    }
    return;
  }
  if (typeof value !== 'string') return;
  const problem = extensions.isRelayGlobalID ? globalIdProblem(value, extensions, info) : textProblem(value);
  if (problem) problems.push({ path, message: problem });
}

function textProblem(text: string): Localized | null {
  if (text.length > maxTextLength) return messages.tooLong(maxTextLength);
  if (controlCharacter.test(text)) return messages.control;
  if (loneSurrogate.test(text)) return messages.unicode;
  return null;
}

/** A global ID is `Type:uuid` in base64, of a node type (of the one the argument is for, if it says). */
function globalIdProblem(globalId: string, extensions: GlobalIdExtensions, info: GraphQLResolveInfo): Localized | null {
  const decoded = base64.test(globalId) ? Buffer.from(globalId, 'base64').toString('utf8') : '';
  const typename = globalIdShape.exec(decoded)?.[1];
  const type = typename ? info.schema.getType(typename) : undefined;
  if (!type || !isObjectType(type) || !type.getInterfaces().some((face) => face.name === 'Node')) {
    return messages.notAnId;
  }
  const expected = extensions.relayGlobalIDFor?.map((entry) => entry.typename);
  if (expected && !expected.includes(type.name)) return messages.wrongType(expected);
  return null;
}

function globalIdExtensions(field: GraphQLArgument | GraphQLInputField): GlobalIdExtensions {
  return (field.extensions ?? {}) as GlobalIdExtensions;
}

/** The SQLSTATE of a database error (postgres.js and PGlite both say `code`), through drizzle's wrapping. */
function sqlState(error: unknown): string | null {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth += 1) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return null;
}

/**
 * An error that escaped a field without a union of typed errors, as the client may read it: a
 * domain error with its code (and a validation error's problems in the viewer's language), an
 * argument Pothos could not read, or a value PostgreSQL refused as data (SQLSTATE class 22: a
 * date out of its range, text it cannot hold); anything else stays unexpected and is masked.
 */
function publicError(error: unknown, locale: 'ja' | 'en'): unknown {
  if (error instanceof ValidationError) {
    return new GraphQLError(error.problems.map((problem) => problem.message[locale]).join(' '), {
      extensions: {
        code: 'BAD_USER_INPUT',
        problems: error.problems.map((problem) => ({ path: problem.path, message: problem.message[locale] })),
      },
    });
  }
  if (error instanceof DomainError) {
    return new GraphQLError(error.localized[locale], {
      extensions: { code: error.code, ...('reason' in error ? { reason: error.reason } : {}) },
    });
  }
  if (error instanceof PothosValidationError) {
    return new GraphQLError(messages.unreadable[locale], { extensions: { code: 'BAD_USER_INPUT' } });
  }
  if (error instanceof GraphQLError) return error;
  if (sqlState(error)?.startsWith('22')) {
    return new GraphQLError(messages.unstorable[locale], { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return error;
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/**
 * What no input may do: reach a resolver with text PostgreSQL cannot store or an ID Tsunagu never
 * handed out, or end as "Unexpected error." when it is the client's to fix. Every field's
 * arguments are checked first (an arg mapper, which the errors plugin turns into the field's
 * `ValidationError` where it has a union), and errors that escape become typed GraphQL errors.
 */
export class InputGuardPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    if (Object.keys(fieldConfig.args).length === 0) return fieldConfig;
    const checkArgs = (args: Record<string, unknown>, _context: Types['Context'], partialInfo: unknown) => {
      const info = partialInfo as GraphQLResolveInfo;
      const field = info.parentType.getFields()[info.fieldName];
      const problems: FieldProblem[] = [];
      for (const arg of field?.args ?? []) {
        inspect(arg.type, args[arg.name], [arg.name], globalIdExtensions(arg), info, problems);
      }
      if (problems.length > 0) throw new ValidationError(problems);
      return args;
    };
    // First, before the relay plugin decodes the global IDs that this checks.
    return { ...fieldConfig, argMappers: [checkArgs, ...(fieldConfig.argMappers ?? [])] };
  }

  override wrapArgMappers(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object> | undefined,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> | undefined {
    if (!resolver) return resolver;
    return (parent, args, context, info) => {
      const locale = (context as Context).viewer.locale;
      try {
        const result = resolver(parent, args, context, info);
        return isPromise(result)
          ? result.catch((error: unknown) => {
              throw publicError(error, locale);
            })
          : result;
      } catch (error) {
        throw publicError(error, locale);
      }
    };
  }
}

SchemaBuilder.registerPlugin('inputGuard', InputGuardPlugin);
