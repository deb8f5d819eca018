import { useEffect, useRef, useState } from 'react';
import { useClient, useMutation } from 'urql';
import { FailureNotice } from '../forms/FailureNotice';
import { ErrorFields, type Failure, outcomeOf } from '../forms/failure';
import { graphql } from '../graphql';
import { useMessages } from '../i18n';
import { reportMessages } from './reportMessages';

const StartExportMutation = graphql(
  `
    mutation StartReconciliationExport($input: ReconciliationExportInput!) {
      startReconciliationExport(input: $input) {
        __typename
        ... on MutationStartReconciliationExportSuccess {
          data {
            id
            downloadUrl
            fileName
            status
            rowsExpected
            rowsWritten
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const ExportProgressQuery = graphql(`
  query ReconciliationExportProgress($id: ID!) {
    reconciliationExport(id: $id) {
      id
      status
      rowsExpected
      rowsWritten
    }
  }
`);

type Format = 'csv' | 'xlsx';
type Detail = 'summary' | 'lines';
type HeaderLanguage = 'ja' | 'en';

type Progress =
  | { stage: 'idle' }
  | { stage: 'running'; written: number; expected: number }
  | { stage: 'done'; fileName: string }
  | { stage: 'failed' };

/** Hands a downloaded file to the browser to save, under the name the API gave it. */
function save(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/**
 * CSV or XLSX of one bearing government or all. The file is written while it downloads; the
 * export's row count, read again every second meanwhile, is the progress shown.
 */
export function ExportPanel({
  associationId,
  fiscalYear,
  bearingGovernmentCode,
}: {
  associationId: string;
  fiscalYear: number;
  bearingGovernmentCode: string | null;
}) {
  const t = useMessages(reportMessages);
  const client = useClient();
  const [, start] = useMutation(StartExportMutation);
  const [format, setFormat] = useState<Format>('xlsx');
  const [detail, setDetail] = useState<Detail>('summary');
  const [headerLanguage, setHeaderLanguage] = useState<HeaderLanguage>('ja');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [progress, setProgress] = useState<Progress>({ stage: 'idle' });
  const polling = useRef<ReturnType<typeof setInterval> | null>(null);
  const stopPolling = () => {
    if (polling.current) clearInterval(polling.current);
    polling.current = null;
  };
  // Leaving the page stops asking for progress; the download itself finishes in the background.
  useEffect(
    () => () => {
      if (polling.current) clearInterval(polling.current);
    },
    [],
  );

  async function exportNow() {
    setFailure(null);
    setProgress({ stage: 'running', written: 0, expected: 0 });
    const outcome = outcomeOf(
      await start({
        input: { associationId, fiscalYear, bearingGovernmentCode, format, detail, headerLanguage },
      }),
      (result) => result.startReconciliationExport,
    );
    if (!outcome.ok) {
      setFailure(outcome.failure);
      setProgress({ stage: 'idle' });
      return;
    }
    const started = outcome.data;
    setProgress({ stage: 'running', written: started.rowsWritten, expected: started.rowsExpected });
    polling.current = setInterval(async () => {
      const { data } = await client
        .query(ExportProgressQuery, { id: started.id }, { requestPolicy: 'network-only' })
        .toPromise();
      const current = data?.reconciliationExport;
      if (current && current.status === 'running' && polling.current) {
        setProgress({ stage: 'running', written: current.rowsWritten, expected: current.rowsExpected });
      }
    }, 1000);
    try {
      const response = await fetch(started.downloadUrl, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`export download answered ${response.status}`);
      const blob = await response.blob();
      stopPolling();
      save(blob, started.fileName);
      setProgress({ stage: 'done', fileName: started.fileName });
    } catch {
      stopPolling();
      setProgress({ stage: 'failed' });
    }
  }

  const running = progress.stage === 'running';
  return (
    <section className="card" aria-labelledby="exports-title">
      <h2 id="exports-title">{t.exportsTitle}</h2>
      <p className="hint">{t.exportsIntro}</p>
      <FailureNotice failure={failure} />
      <div className="filters">
        <label>
          {t.format}
          <select value={format} onChange={(event) => setFormat(event.target.value as Format)}>
            <option value="xlsx">XLSX</option>
            <option value="csv">CSV</option>
          </select>
        </label>
        <label>
          {t.detail}
          <select value={detail} onChange={(event) => setDetail(event.target.value as Detail)}>
            <option value="summary">{t.detailLabels.summary}</option>
            <option value="lines">{t.detailLabels.lines}</option>
          </select>
        </label>
        <label>
          {t.headerLanguage}
          <select value={headerLanguage} onChange={(event) => setHeaderLanguage(event.target.value as HeaderLanguage)}>
            <option value="ja">{t.headerLanguageLabels.ja}</option>
            <option value="en">{t.headerLanguageLabels.en}</option>
          </select>
        </label>
        <button type="button" disabled={running} onClick={exportNow}>
          {t.startExport}
        </button>
      </div>
      <div role="status" className="export-progress">
        {progress.stage === 'running' ? (
          <>
            <progress
              value={progress.expected > 0 ? progress.written : undefined}
              max={progress.expected > 0 ? progress.expected : undefined}
            />{' '}
            {progress.expected > 0 ? t.exportProgress(progress.written, progress.expected) : t.exportPreparing}
          </>
        ) : null}
        {progress.stage === 'done' ? <p>{t.exportDone(progress.fileName)}</p> : null}
        {progress.stage === 'failed' ? <p className="notice notice-problem">{t.exportFailed}</p> : null}
      </div>
    </section>
  );
}
