import { bilingual } from '../i18n';

export const pickerMessages = bilingual({
  ja: {
    loading: '読み込み中…',
    chooseLanguage: '言語を選んでください',
    prefecture: '都道府県',
    choosePrefecture: '都道府県を選んでください',
    chooseMunicipality: '市区町村を選んでください',
    choosePrefectureFirst: '先に都道府県を選んでください',
    wholePrefecture: (name: string) => `${name}全域`,
  },
  en: {
    loading: 'Loading…',
    chooseLanguage: 'Choose a language',
    prefecture: 'Prefecture',
    choosePrefecture: 'Choose a prefecture',
    chooseMunicipality: 'Choose a municipality',
    choosePrefectureFirst: 'Choose a prefecture first',
    wholePrefecture: (name: string) => `All of ${name}`,
  },
});
