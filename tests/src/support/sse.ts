/** A GraphQL subscription over server-sent events, read as a browser of the app would. */
export interface SseSubscription<T> {
  /** The next result the server sends; fails after `timeoutMs` without one. */
  next(timeoutMs?: number): Promise<T>;
  close(): void;
}

export async function subscribe<T>(
  url: string,
  query: string,
  options: { session?: string } = {},
): Promise<SseSubscription<T>> {
  const abort = new AbortController();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      'x-graphql-yoga-csrf': '1',
      ...(options.session ? { cookie: `tsunagu_session=${options.session}` } : {}),
    },
    body: JSON.stringify({ query }),
    signal: abort.signal,
  });
  if (!response.body || !response.headers.get('content-type')?.startsWith('text/event-stream')) {
    throw new Error(`no event stream: ${response.status} ${await response.text()}`);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const results: T[] = [];
  const waiting: Array<() => void> = [];
  let failure: unknown = null;
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += value;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = event
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).trim())
            .join('\n');
          if (data) results.push(JSON.parse(data) as T);
          for (const wake of waiting.splice(0)) wake();
        }
      }
    } catch (error) {
      if (!abort.signal.aborted) failure = error;
    }
    for (const wake of waiting.splice(0)) wake();
  })();
  return {
    async next(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (results.length === 0) {
        if (failure) throw failure;
        if (Date.now() > deadline) throw new Error(`no event within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return results.shift() as T;
    },
    close: () => abort.abort(),
  };
}
