import {
  ConflictError,
  type FieldProblem as FieldProblemShape,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  ValidationError,
} from '@tsunagu/domain';
import { builder } from '../builder';

/** Every error a client can act on shares this interface: `... on Error { message }` always works. */
export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  fields: (t) => ({
    message: t.exposeString('message'),
  }),
});

const FieldProblem = builder.objectRef<FieldProblemShape>('FieldProblem').implement({
  description: 'One invalid input field: its path (["input", "email"]) and what is wrong with it.',
  fields: (t) => ({
    path: t.exposeStringList('path'),
    // A signed-out viewer (signing in, applying, accepting an invitation) reads Japanese, the
    // locale of `anonymous`: the context does not read the browser's language.
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

builder.objectType(ForbiddenError, { name: 'ForbiddenError', interfaces: [ErrorInterface] });
builder.objectType(ConflictError, {
  name: 'ConflictError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    explanation: t.string({
      nullable: true,
      description: "Why it cannot happen now, in the viewer's language.",
      resolve: (error, _args, context) => error.localized?.[context.viewer.locale] ?? null,
    }),
  }),
});
builder.objectType(RateLimitedError, {
  name: 'RateLimitedError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ retryAfterSeconds: t.exposeInt('retryAfterSeconds') }),
});
