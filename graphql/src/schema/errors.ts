import { ConflictError, ForbiddenError, NotFoundError, RateLimitedError, ValidationError } from '@tsunagu/services';
import { builder } from '../builder';

/** Every error a client can act on shares this interface: `... on Error { message }` always works. */
export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  fields: (t) => ({
    message: t.exposeString('message'),
  }),
});

const FieldProblem = builder.objectRef<{ path: string[]; message: string }>('FieldProblem').implement({
  description: 'One invalid input field: its path (["input", "email"]) and what is wrong with it.',
  fields: (t) => ({
    path: t.exposeStringList('path'),
    message: t.exposeString('message'),
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
builder.objectType(ConflictError, { name: 'ConflictError', interfaces: [ErrorInterface] });
builder.objectType(RateLimitedError, {
  name: 'RateLimitedError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ retryAfterSeconds: t.exposeInt('retryAfterSeconds') }),
});
