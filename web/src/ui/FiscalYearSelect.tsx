import { bilingual, useMessages } from '../i18n';
import { todayInJapan } from '../jst';

/** The fiscal year (April to March) of today in Japan. */
export function currentFiscalYear(now: Date = new Date()): number {
  const [year, month] = todayInJapan(now).split('-').map(Number) as [number, number];
  return month >= 4 ? year : year - 1;
}

/** This fiscal year and the four before it: what one reconciles or looks back on. */
export const recentFiscalYears = (now: Date = new Date()) =>
  Array.from({ length: 5 }, (_, back) => currentFiscalYear(now) - back);

export const fiscalYearMessages = bilingual({
  ja: {
    fiscalYear: '年度',
    fiscalYearOption: (year: number) => `${year}年度（${year}年4月〜${year + 1}年3月）`,
  },
  en: {
    fiscalYear: 'Fiscal year',
    fiscalYearOption: (year: number) => `FY${year} (April ${year} – March ${year + 1})`,
  },
});

/** A choice of the recent fiscal years, labelled. */
export function FiscalYearSelect({ value, onChange }: { value: number; onChange(year: number): void }) {
  const t = useMessages(fiscalYearMessages);
  return (
    <label>
      {t.fiscalYear}
      <select value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {recentFiscalYears().map((year) => (
          <option key={year} value={year}>
            {t.fiscalYearOption(year)}
          </option>
        ))}
      </select>
    </label>
  );
}
