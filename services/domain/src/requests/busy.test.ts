import { describe, expect, test } from 'vitest';
import { type BusyRange, busyRange, type RequestWindow, rangesOverlap, travelBufferMinutes } from './busy';

const tokyo = (time: string) => new Date(`2026-05-07T${time}:00+09:00`);
const window = (modality: RequestWindow['modality'], from: string, until: string): RequestWindow => ({
  modality,
  startsAt: tokyo(from),
  endsAt: tokyo(until),
});
const range = (from: string, until: string): BusyRange => ({ from: tokyo(from), until: tokyo(until) });

describe('the time an assignment takes from a volunteer', () => {
  test.each([
    {
      scenario: 'an on-site appointment keeps the interpreter free 30 minutes before and after, to travel',
      request: window('on_site', '10:00', '12:00'),
      buffer: travelBufferMinutes,
      busy: range('09:30', '12:30'),
    },
    {
      scenario: 'an association with a longer buffer widens it further',
      request: window('on_site', '10:00', '12:00'),
      buffer: 45,
      busy: range('09:15', '12:45'),
    },
    {
      scenario: 'remote interpretation by phone or video needs no travel',
      request: window('remote', '10:00', '12:00'),
      buffer: travelBufferMinutes,
      busy: range('10:00', '12:00'),
    },
    {
      scenario: 'a translation is done at home before its deadline and blocks no time',
      request: { modality: 'translation', startsAt: null, endsAt: null } satisfies RequestWindow,
      buffer: travelBufferMinutes,
      busy: null,
    },
  ])('$scenario', ({ request, buffer, busy }) => {
    expect(busyRange(request, buffer)).toEqual(busy);
  });

  test('the default buffer is the travel buffer', () => {
    expect(busyRange(window('on_site', '10:00', '12:00'))).toEqual(range('09:30', '12:30'));
  });
});

describe('whether two bookings collide', () => {
  test.each([
    {
      scenario: 'on-site until 11:30 and on-site from 12:30: the buffers touch at 12:00, no collision',
      first: window('on_site', '09:00', '11:30'),
      second: window('on_site', '12:30', '14:00'),
      overlap: false,
    },
    {
      scenario: 'on-site until 11:30 and on-site from 12:29: the buffers share a minute',
      first: window('on_site', '09:00', '11:30'),
      second: window('on_site', '12:29', '14:00'),
      overlap: true,
    },
    {
      scenario: 'a phone call ending at 12:00 and one starting at 12:00',
      first: window('remote', '10:00', '12:00'),
      second: window('remote', '12:00', '13:00'),
      overlap: false,
    },
    {
      scenario: 'a phone call ending at 12:00 and an on-site visit starting at 12:00 (the travel comes first)',
      first: window('remote', '10:00', '12:00'),
      second: window('on_site', '12:00', '13:00'),
      overlap: true,
    },
    {
      scenario: 'a phone call ending at 11:30 and an on-site visit starting at 12:00',
      first: window('remote', '10:00', '11:30'),
      second: window('on_site', '12:00', '13:00'),
      overlap: false,
    },
    {
      scenario: 'one appointment inside another',
      first: window('on_site', '09:00', '17:00'),
      second: window('remote', '13:00', '14:00'),
      overlap: true,
    },
  ])('$scenario', ({ first, second, overlap }) => {
    const a = busyRange(first);
    const b = busyRange(second);
    if (!a || !b) throw new Error('interpreting takes time');
    expect(rangesOverlap(a, b)).toBe(overlap);
    expect(rangesOverlap(b, a)).toBe(overlap);
  });
});
