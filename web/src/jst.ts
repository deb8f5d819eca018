/**
 * Form values are Japan time whatever the device's zone: a date (YYYY-MM-DD) and a time (HH:mm)
 * typed in a form become an instant with Japan's fixed +09:00 offset, and back.
 */
const offsetMs = 9 * 60 * 60 * 1000;

/** `2026-05-12` and `13:00` → `2026-05-12T13:00:00+09:00`; null when either is missing or malformed. */
export function toInstant(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  return `${date}T${time}:00+09:00`;
}

/** The day and time in Japan of an instant, as form fields hold them. */
export function fromInstant(iso: string): { date: string; time: string } {
  const shifted = new Date(new Date(iso).getTime() + offsetMs).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}

/** Today's date in Japan. */
export function todayInJapan(now: Date = new Date()): string {
  return new Date(now.getTime() + offsetMs).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Minutes after midnight ↔ HH:mm, for the weekly availability grid (1440 is the end of the day). */
export const minutesToTime = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export function timeToMinutes(time: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 24 * 60 ? minutes : null;
}
