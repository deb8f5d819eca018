import { Client, cacheExchange, fetchExchange } from 'urql';

export const client = new Client({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
  // The API's CSRF prevention (services/api/src/protections.ts) refuses requests without this header.
  fetchOptions: { headers: { 'x-graphql-yoga-csrf': '1' } },
});
