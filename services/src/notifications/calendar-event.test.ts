import { describe, expect, test } from 'vitest';
import { type CalendarEvent, calendarEventOf, calendarSequence, renderCalendarEvent } from './calendar-event';

const desk: CalendarEvent = {
  uid: 'assignment-3f2a@tsunagu.example.jp',
  sequence: calendarSequence(new Date('2027-01-20T09:00:00+09:00')),
  cancelled: false,
  start: '2027-02-02T10:00:00+09:00',
  end: '2027-02-02T12:00:00+09:00',
  summary: 'Vietnamese interpreting: Toyonaka city hall',
  location: '豊中市役所 市民課窓口',
  description: 'Contact: 窓口 一郎',
  url: 'https://tsunagu.example.jp/assignments/3f2a',
};
const sender = { stamp: new Date('2027-01-20T00:00:00Z'), organizer: 'Tsunagu <no-reply@tsunagu.example.jp>' };

/** The unfolded content lines of an iCalendar text. */
const lines = (content: string) => content.replace(/\r\n[ \t]/g, '').split('\r\n');

describe('calendar invitations', () => {
  test('a confirmation is a REQUEST for the appointment in UTC, with its uid and sequence', () => {
    const { method, content } = renderCalendarEvent(desk, sender);
    expect(method).toBe('REQUEST');
    const text = lines(content);
    expect(text).toContain('METHOD:REQUEST');
    expect(text).toContain(`UID:${desk.uid}`);
    expect(text).toContain(`SEQUENCE:${desk.sequence}`);
    expect(text).toContain('DTSTART:20270202T010000Z');
    expect(text).toContain('DTEND:20270202T030000Z');
    expect(text).toContain('DTSTAMP:20270120T000000Z');
    expect(text).toContain('STATUS:CONFIRMED');
    expect(text).toContain('LOCATION:豊中市役所 市民課窓口');
  });

  test('a cancellation is a CANCEL of the same uid, with a later sequence', () => {
    const cancelled = { ...desk, cancelled: true, sequence: calendarSequence(new Date('2027-01-25T09:00:00+09:00')) };
    const { method, content } = renderCalendarEvent(cancelled, sender);
    expect(method).toBe('CANCEL');
    const text = lines(content);
    expect(text).toContain('METHOD:CANCEL');
    expect(text).toContain('STATUS:CANCELLED');
    expect(text).toContain(`UID:${desk.uid}`);
    expect(cancelled.sequence).toBeGreaterThan(desk.sequence);
  });

  test('sequences grow with the time of the change and stay within 32 bits for decades', () => {
    const first = calendarSequence(new Date('2027-01-20T09:00:00Z'));
    expect(calendarSequence(new Date('2027-01-20T09:01:00Z'))).toBe(first + 1);
    expect(calendarSequence(new Date('2027-01-20T09:00:59Z'))).toBe(first);
    expect(calendarSequence(new Date('2100-01-01T00:00:00Z'))).toBeLessThan(2 ** 31);
  });

  test('a payload without an appointment has none; a malformed one throws rather than send without', () => {
    expect(calendarEventOf({ association: {} })).toBeNull();
    expect(calendarEventOf({ calendar: desk })).toEqual(desk);
    expect(() => calendarEventOf({ calendar: { ...desk, start: 'tomorrow' } })).toThrow();
  });
});
