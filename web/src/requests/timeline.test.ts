import { describe, expect, test } from 'vitest';
import { timeline } from './timeline';

const states = (status: Parameters<typeof timeline>[0]) => timeline(status).map(({ state }) => state);

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

  test('a cancelled or rejected request has nothing under way', () => {
    expect(states('cancelled')).toEqual(['done', 'waiting', 'waiting', 'waiting', 'waiting']);
    expect(states('rejected')).toEqual(['done', 'waiting', 'waiting', 'waiting', 'waiting']);
  });
});
