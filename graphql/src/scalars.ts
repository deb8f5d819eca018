import { GraphQLError } from 'graphql';
import { builder } from './builder';

builder.scalarType('DateTime', {
  description: 'An instant, as an ISO 8601 string with offset (e.g. 2026-04-01T09:00:00+09:00).',
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = typeof value === 'string' ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime()) || !/[zZ]|[+-]\d\d:\d\d$/.test(String(value))) {
      throw new GraphQLError('DateTime must be an ISO 8601 string with an offset, such as 2026-04-01T09:00:00+09:00');
    }
    return date;
  },
});

builder.scalarType('Date', {
  description: 'A calendar date in Japan, YYYY-MM-DD.',
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
      throw new GraphQLError('Date must be a calendar date, YYYY-MM-DD');
    }
    return value;
  },
});
