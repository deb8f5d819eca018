import { describe, expect, test } from 'vitest';
import { timeline } from './timeline';

const states = (status: Parameters<typeof timeline>[0]) => timeline(status).map(({ state }) => state);
const shown = (...args: Parameters<typeof timeline>) => timeline(...args).map(({ step, state }) => `${step}:${state}`);

describe('the status timeline a requester follows', () => {
  test('a request just filed waits to be screened', () => {
    expect(states('filed')).toEqual(['done', 'current', 'waiting', 'waiting', 'waiting']);
  });

  test('a screened request waits for a volunteer to be offered it', () => {
    expect(states('open')).toEqual(['done', 'done', 'current', 'waiting', 'waiting']);
  });

  test('a confirmed request waits for the day itself', () => {
    expect(states('filled')).toEqual(['done', 'done', 'done', 'done', 'current']);
  });

  test('a request done has every step done', () => {
    expect(states('completed')).toEqual(['done', 'done', 'done', 'done', 'done']);
  });

  test('a request cancelled after a volunteer was confirmed keeps its steps up to the confirmation, then ends', () => {
    expect(shown('cancelled', { screened: true, booked: true })).toEqual([
      'filed:done',
      'screened:done',
      'offered:done',
      'confirmed:done',
      'cancelled:current',
    ]);
  });

  test('a request cancelled while waiting for screening, or after it, shows how far it came', () => {
    expect(shown('cancelled', { screened: false, booked: false })).toEqual(['filed:done', 'cancelled:current']);
    expect(shown('cancelled', { screened: true, booked: false })).toEqual([
      'filed:done',
      'screened:done',
      'cancelled:current',
    ]);
  });

  test('a rejected request was filed and then not accepted', () => {
    expect(shown('rejected', { screened: true, booked: false })).toEqual(['filed:done', 'rejected:current']);
  });
});
