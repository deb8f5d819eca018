import { bilingual } from '../i18n';

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The volunteer's bookings as a list or as a month calendar. */
export const calendarMessages = bilingual({
  ja: {
    viewLabel: '予定の表示',
    list: '一覧',
    calendar: 'カレンダー',
    previousMonth: (month: string) => `前の月（${month}）`,
    nextMonth: (month: string) => `次の月（${month}）`,
    thisMonth: '今月',
    monthTitle: (year: number, month: number) => `${year}年${month}月`,
    shortMonth: (month: number) => `${month}月`,
    dayLabel: (date: string, count: number, today: boolean) =>
      `${date}${today ? '（今日）' : ''}、${count === 0 ? '予定なし' : `予定${count}件`}`,
    deadline: (time: string) => `${time}締切`,
    remote: 'リモート',
    monthBookings: (month: string) => `${month}の予定`,
    dayBookings: (day: string) => `${day}の予定`,
    wholeMonth: '月全体の予定を見る',
    noBookingsInMonth: 'この月の予定はありません。',
    noBookingsOnDay: 'この日の予定はありません。',
    partial: 'カレンダーには読み込んだ予定だけが表示されます。古い予定も見るには、続きを読み込んでください。',
  },
  en: {
    viewLabel: 'Show bookings as',
    list: 'List',
    calendar: 'Calendar',
    previousMonth: (month: string) => `Previous month (${month})`,
    nextMonth: (month: string) => `Next month (${month})`,
    thisMonth: 'This month',
    monthTitle: (year: number, month: number) => `${monthNames[month - 1] ?? ''} ${year}`,
    shortMonth: (month: number) => (monthNames[month - 1] ?? '').slice(0, 3),
    dayLabel: (date: string, count: number, today: boolean) =>
      `${date}${today ? ' (today)' : ''}, ${count === 0 ? 'no bookings' : count === 1 ? '1 booking' : `${count} bookings`}`,
    deadline: (time: string) => `due ${time}`,
    remote: 'Remote',
    monthBookings: (month: string) => `Bookings in ${month}`,
    dayBookings: (day: string) => `Bookings on ${day}`,
    wholeMonth: 'Show the whole month',
    noBookingsInMonth: 'No bookings this month.',
    noBookingsOnDay: 'No bookings on this day.',
    partial: 'The calendar shows the bookings loaded so far. Load more to see older ones too.',
  },
});
