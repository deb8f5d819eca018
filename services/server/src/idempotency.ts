import type { Context } from '@tsunagu/graphql';
import { type ExecutionResult, GraphQLError, getOperationAST, Kind } from 'graphql';
import type { Plugin, YogaInitialContext } from 'graphql-yoga';

const idempotencyHeader = 'Idempotency-Key';

/**
 * `Idempotency-Key` on mutations: the same key from the same principal (the user, or the client
 * address before sign-in) gets the first response instead of running the mutation again, however
 * many copies arrive at once (services/src/idempotency.ts says how concurrent copies wait).
 *
 * A plugin around execution rather than a wrapper in each create mutation: the answer to replay is
 * the whole GraphQL result (a typed error union included), which only execution sees whole, and the
 * mutations stay unaware of it. It is honoured on every mutation, which is what creating mutations
 * need and harmless for the others.
 *
 * A result with top-level errors (an unexpected failure, a refusal) is not kept: the key is released
 * so that a retry runs the mutation again. Only the body is replayed, not the headers: a replayed
 * sign-up does not set the session cookie again.
 */
export const idempotency: Plugin<Context & YogaInitialContext> = {
  async onExecute({ args, setResultAndStopExecution }) {
    const key = args.contextValue.request.headers.get(idempotencyHeader);
    const operation = getOperationAST(args.document, args.operationName);
    if (key === null || operation?.operation !== 'mutation') return;
    if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
      setResultAndStopExecution(refusal('Idempotency-Key must be 1 to 255 visible ASCII characters.', 400));
      return;
    }
    const { viewer, clientAddress, services } = args.contextValue;
    const principal = viewer.userId ?? `anonymous:${clientAddress ?? 'unknown'}`;
    const rootFields = operation.selectionSet.selections.map((selection) =>
      selection.kind === Kind.FIELD ? selection.name.value : '…',
    );
    const claim = await services.idempotency.claim(principal, key, rootFields.join(','));
    switch (claim.kind) {
      case 'replay':
        setResultAndStopExecution(claim.response as ExecutionResult);
        return;
      case 'other-operation':
        setResultAndStopExecution(refusal('This Idempotency-Key was used for another mutation.', 422));
        return;
      case 'in-progress':
        setResultAndStopExecution(refusal('A request with this Idempotency-Key is still running.', 409));
        return;
      case 'claimed':
        return {
          async onExecuteDone({ result }) {
            if (Symbol.asyncIterator in result || (result.errors?.length ?? 0) > 0) {
              await services.idempotency.release(principal, key);
              return;
            }
            // Through JSON, so that what is kept is exactly what was sent.
            await services.idempotency.complete(principal, key, JSON.parse(JSON.stringify(result)));
          },
        };
    }
  },
};

function refusal(message: string, status: number): ExecutionResult {
  return { errors: [new GraphQLError(message, { extensions: { code: 'IDEMPOTENCY_KEY', http: { status } } })] };
}
