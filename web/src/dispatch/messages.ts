import { bilingual } from '../i18n';
import type { TimeLeft as Left } from './timeLeft';

const pad = (value: number) => String(value).padStart(2, '0');

/** What offers and activity reports say, wherever they show. */
export const dispatchMessages = bilingual({
  ja: {
    answerBy: (date: string) => `回答期限 ${date}`,
    timeLeft: ({ days, hours, minutes, seconds }: Left) =>
      days > 0
        ? `あと${days}日${hours}時間`
        : hours > 0
          ? `あと${hours}時間${pad(minutes)}分`
          : `あと${minutes}分${pad(seconds)}秒`,
    deadlinePassed: '回答期限を過ぎました',
    volunteerReportTitle: '活動報告',
    volunteerReportIntro:
      '実際の開始・終了時刻（日本時間）と交通費を報告してください。コーディネーターが確認して承認します。',
    actualDay: '活動した日',
    actualStart: '開始時刻',
    actualEnd: '終了時刻',
    transportFare: '交通費（円）',
    transportFareHint: '往復の合計。かからなかった場合は 0 か空欄。',
    notes: 'コーディネーターへのメモ',
    notesHint: '相談者の個人情報は書かないでください。',
    enterDay: '日付を入力してください。',
    enterTime: '時刻を入力してください。',
    wholeYen: '円単位の整数で入力してください。',
    fileReport: '報告を送る',
    fileAgain: '報告を送り直す',
    reportFiled: '報告を受け付けました。',
    requesterReportTitle: (name: string) => `${name} さんの派遣についての報告`,
    requesterReportIntro: '派遣が予定どおり行われたか、満足度とあわせて教えてください。',
    tookPlace: '予定どおり行われましたか',
    tookPlaceYes: 'はい',
    tookPlaceNo: 'いいえ',
    satisfaction: '満足度',
    satisfactionScores: {
      5: '5 とても満足',
      4: '4 満足',
      3: '3 ふつう',
      2: '2 やや不満',
      1: '1 不満',
    } as Record<number, string>,
    remarks: 'ご意見',
    chooseOne: 'ひとつ選んでください。',
  },
  en: {
    answerBy: (date: string) => `Answer by ${date}`,
    timeLeft: ({ days, hours, minutes, seconds }: Left) =>
      days > 0
        ? `${days} d ${hours} h left`
        : hours > 0
          ? `${hours} h ${pad(minutes)} min left`
          : `${minutes} min ${pad(seconds)} s left`,
    deadlinePassed: 'The deadline has passed',
    volunteerReportTitle: 'Activity report',
    volunteerReportIntro:
      'When it really began and ended (Japan time) and your transport fare. A coordinator checks and approves it.',
    actualDay: 'Day of the activity',
    actualStart: 'Began at',
    actualEnd: 'Ended at',
    transportFare: 'Transport fare (yen)',
    transportFareHint: 'There and back. Leave empty or 0 if there was none.',
    notes: 'Notes for the coordinator',
    notesHint: 'Do not write personal details of the people you interpreted for.',
    enterDay: 'Enter the day.',
    enterTime: 'Enter the time.',
    wholeYen: 'Use whole yen.',
    fileReport: 'Send the report',
    fileAgain: 'Send the report again',
    reportFiled: 'Your report has been received.',
    requesterReportTitle: (name: string) => `Report on ${name}’s dispatch`,
    requesterReportIntro: 'Tell us whether it took place as planned, and how satisfied you were.',
    tookPlace: 'Did it take place as planned?',
    tookPlaceYes: 'Yes',
    tookPlaceNo: 'No',
    satisfaction: 'Satisfaction',
    satisfactionScores: {
      5: '5 Very satisfied',
      4: '4 Satisfied',
      3: '3 Neither',
      2: '2 Somewhat dissatisfied',
      1: '1 Dissatisfied',
    } as Record<number, string>,
    remarks: 'Remarks',
    chooseOne: 'Choose one.',
  },
});
