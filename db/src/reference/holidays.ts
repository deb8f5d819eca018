import holidayJp from '@holiday-jp/holiday_jp';
import type { holidays } from '../schema';

/** Japanese national holidays and substitute holidays, as the maintained holiday_jp dataset lists them. */
export function holidayRows(): Array<typeof holidays.$inferInsert> {
  return Object.values(holidayJp.holidays).map((holiday) => ({
    date: holiday.date,
    nameJa: holiday.name,
    nameEn: holiday.name_en,
  }));
}
