import type { Health } from '@tsunagu/services';

/** What every resolver receives: the use cases it may call, bound to this request. */
export interface Context {
  health(): Promise<Health>;
}
