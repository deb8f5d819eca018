/**
 * Foreign residents per prefecture (by the two-digit prefecture code), from the table "Situation of
 * one-stop consultation desks" in ../shared/seeds/001 (CINGA, 2022 forum). The demo population is
 * spread over the prefectures in these proportions.
 */
export const foreignResidents: Record<string, number> = {
  '01': 41_048, // Hokkaido
  '02': 6_306, // Aomori
  '03': 8_003, // Iwate
  '04': 23_249, // Miyagi
  '05': 4_405, // Akita
  '06': 7_929, // Yamagata
  '07': 15_273, // Fukushima
  '08': 77_826, // Ibaraki
  '09': 44_825, // Tochigi
  '10': 64_869, // Gunma
  '11': 205_824, // Saitama
  '12': 176_790, // Chiba
  '13': 566_525, // Tokyo
  '14': 237_450, // Kanagawa
  '15': 17_901, // Niigata
  '16': 19_733, // Toyama
  '17': 16_254, // Ishikawa
  '18': 16_902, // Fukui
  '19': 18_765, // Yamanashi
  '20': 38_384, // Nagano
  '21': 61_022, // Gifu
  '22': 102_831, // Shizuoka
  '23': 280_912, // Aichi
  '24': 57_748, // Mie
  '25': 35_826, // Shiga
  '26': 63_674, // Kyoto
  '27': 262_681, // Osaka
  '28': 119_509, // Hyogo
  '29': 15_026, // Nara
  '30': 7_619, // Wakayama
  '31': 4_961, // Tottori
  '32': 10_107, // Shimane
  '33': 31_502, // Okayama
  '34': 54_784, // Hiroshima
  '35': 16_734, // Yamaguchi
  '36': 6_641, // Tokushima
  '37': 14_234, // Kagawa
  '38': 13_064, // Ehime
  '39': 5_038, // Kochi
  '40': 85_065, // Fukuoka
  '41': 7_333, // Saga
  '42': 10_397, // Nagasaki
  '43': 18_807, // Kumamoto
  '44': 14_307, // Oita
  '45': 8_007, // Miyazaki
  '46': 13_064, // Kagoshima
  '47': 20_437, // Okinawa
};

/**
 * The regional blocks whose associations pool volunteers (the Kinki network, say): prefectural
 * associations of one block are partners.
 */
export function regionOf(prefectureCode: string): string {
  const code = Number(prefectureCode);
  if (code === 1) return 'hokkaido';
  if (code <= 7) return 'tohoku';
  if (code <= 14) return 'kanto';
  if (code <= 23) return 'chubu';
  if (code <= 30) return 'kinki';
  if (code <= 35) return 'chugoku';
  if (code <= 39) return 'shikoku';
  return 'kyushu-okinawa';
}

/**
 * The main language a volunteer offers, weighted like the nationalities of Japan's foreign residents
 * in the order the seeds and issue 3 name them (Chinese, Vietnamese, Filipino, Nepali, Portuguese for
 * the Brazilians, Korean, Indonesian, Thai, English, Spanish for the Peruvians…), then the other
 * large communities, so that supply follows the demand of the people who need interpreters. Korean
 * ranks below its resident count because most Korean special permanent residents are native
 * speakers of Japanese. Japanese Sign Language is offered by hearing Japanese interpreters.
 */
export const mainLanguages: Record<string, number> = {
  zh: 28,
  vi: 19,
  fil: 11,
  ne: 7,
  pt: 6.5,
  ko: 6,
  id: 5,
  th: 3.5,
  en: 3.5,
  es: 2.5,
  my: 2.5,
  si: 1.5,
  hi: 1.2,
  jsl: 1,
  bn: 0.8,
  mn: 0.7,
  ur: 0.6,
  km: 0.5,
  uz: 0.4,
  ru: 0.3,
  uk: 0.3,
  fr: 0.2,
  ar: 0.2,
  fa: 0.2,
  tr: 0.2,
};

/** Share of volunteers who are native speakers of their main language (foreign residents, mostly). */
export const nativeSpeakerShare = 0.55;

/** Share of volunteers who offer English besides their main language, English being the common second language. */
export const englishAsSecondShare = 0.2;
