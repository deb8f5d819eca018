import { Client, cacheExchange, fetchExchange } from 'urql';

export const client = new Client({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
  // graphql-yoga's CSRF prevention accepts requests that carry a preflight-forcing header.
  fetchOptions: { headers: { 'graphql-preflight': '1' } },
});
