import {
  ConflictError,
  conflictReasons,
  type DomainError,
  type FieldProblem as FieldProblemShape,
  ForbiddenError,
  forbiddenReasons,
  NotFoundError,
  RateLimitedError,
  ValidationError,
} from '@tsunagu/domain';
import { builder } from '../builder';

/** Every error a client can act on shares this interface: `... on Error { message }` always works. */
export const ErrorInterface = builder.interfaceRef<DomainError>('Error').implement({
  fields: (t) => ({
    // A signed-out viewer reads the language their page asks for (services/api/src/http.ts).
    message: t.string({
      description: "What went wrong and what to do, in the viewer's language.",
      resolve: (error, _args, context) => error.localized[context.viewer.locale],
    }),
  }),
});

const FieldProblem = builder.objectRef<FieldProblemShape>('FieldProblem').implement({
  description: 'One invalid input field: its path (["input", "email"]) and what is wrong with it.',
  fields: (t) => ({
    path: t.exposeStringList('path'),
    message: t.string({
      description: "What is wrong, in the viewer's language.",
      resolve: (problem, _args, context) => problem.message[context.viewer.locale],
    }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    problems: t.field({ type: [FieldProblem], resolve: (error) => error.problems }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    entity: t.exposeString('entity'),
    id: t.exposeString('id'),
  }),
});

const ForbiddenReasonEnum = builder.enumType('ForbiddenReason', { values: forbiddenReasons });
const ConflictReasonEnum = builder.enumType('ConflictReason', { values: conflictReasons });

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ reason: t.expose('reason', { type: ForbiddenReasonEnum }) }),
});
builder.objectType(ConflictError, {
  name: 'ConflictError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ reason: t.expose('reason', { type: ConflictReasonEnum }) }),
});
builder.objectType(RateLimitedError, {
  name: 'RateLimitedError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ retryAfterSeconds: t.exposeInt('retryAfterSeconds') }),
});
