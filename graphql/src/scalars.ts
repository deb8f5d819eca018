import type { Localized } from '@tsunagu/domain';
import { GraphQLError } from 'graphql';
import { builder } from './builder';

/**
 * The years the app deals in. Beyond them is a typo (year 0000, 20270) or a probe, and PostgreSQL
 * refuses some of what JavaScript's Date takes (+275760-09-13).
 */
const earliestYear = 1900;
const latestYear = 2199;

const dateTimeShape =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|([+-])(\d{2}):(\d{2}))$/i;
const dateShape = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A scalar's refusal. It comes while the request's variables are read, before anyone knows who
 * asks, so it says it in both languages (and gives each in `messages`).
 */
function refuse(message: Localized): never {
  throw new GraphQLError(`${message.en} ${message.ja}`, { extensions: { code: 'BAD_USER_INPUT', messages: message } });
}

/** Whether the day exists (no 30 February) and falls within the years above. */
function isCalendarDay(year: number, month: number, day: number): boolean {
  if (year < earliestYear || year > latestYear || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

builder.scalarType('DateTime', {
  description: `An instant, as an ISO 8601 string with offset (e.g. 2026-04-01T09:00:00+09:00), in the years ${earliestYear}–${latestYear}.`,
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const parts = typeof value === 'string' ? dateTimeShape.exec(value) : null;
    // Year, month, day, hour, minute, second, then the offset's sign, hours and minutes.
    const part = (index: number) => Number(parts?.[index] ?? 0);
    if (
      !parts ||
      !isCalendarDay(part(1), part(2), part(3)) ||
      part(4) > 23 ||
      part(5) > 59 ||
      part(6) > 59 ||
      part(8) > 14 ||
      part(9) > 59
    ) {
      refuse({
        en: `DateTime must be an ISO 8601 instant with an offset, such as 2026-04-01T09:00:00+09:00, in the years ${earliestYear}–${latestYear}.`,
        ja: `日時は 2026-04-01T09:00:00+09:00 のような時差つきの ISO 8601 形式で、${earliestYear}〜${latestYear} 年の実在する日時にしてください。`,
      });
    }
    return new Date(value as string);
  },
});

builder.scalarType('Date', {
  description: `A calendar date in Japan, YYYY-MM-DD, in the years ${earliestYear}–${latestYear}.`,
  serialize: (value) => value,
  parseValue: (value) => {
    const parts = typeof value === 'string' ? dateShape.exec(value) : null;
    if (!parts || !isCalendarDay(Number(parts[1]), Number(parts[2]), Number(parts[3]))) {
      refuse({
        en: `Date must be a calendar date, YYYY-MM-DD, in the years ${earliestYear}–${latestYear}.`,
        ja: `日付は YYYY-MM-DD 形式で、${earliestYear}〜${latestYear} 年の実在する日付にしてください。`,
      });
    }
    return value as string;
  },
});
