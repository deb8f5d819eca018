import { dispatchStages } from '@tsunagu/domain';
import { builder } from '../builder';

/** Its own module: requests filter by it and dispatch exposes it, and each imports the other's types. */
export const DispatchStageEnum = builder.enumType('DispatchStage', {
  values: dispatchStages,
  description: 'Where the dispatch workflow has carried a request.',
});
