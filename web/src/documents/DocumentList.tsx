import { useMessages } from '../i18n';
import { documentMessages } from './messages';
import type { UploadedDocument } from './upload';

type ListedDocument = Omit<UploadedDocument, 'version' | 'role'> & Partial<Pick<UploadedDocument, 'version' | 'role'>>;

/** The size as people read it: kB under a megabyte, MB above. */
const sizeOf = (bytes: number) =>
  bytes < 1_000_000 ? `${Math.max(1, Math.round(bytes / 1000))} kB` : `${(bytes / 1_000_000).toFixed(1)} MB`;

/**
 * Name, kind, size, volume (or why none was counted) and the download link of each document;
 * `onDownload` hears of a click (a download may move a job on: the page reads it again).
 */
export function DocumentList({
  documents,
  onDownload,
}: {
  documents: readonly ListedDocument[];
  onDownload?: (document: ListedDocument) => void;
}) {
  const t = useMessages(documentMessages);
  if (documents.length === 0) return <p className="hint">{t.none}</p>;
  return (
    <table className="documents">
      <thead>
        <tr>
          <th>{t.name}</th>
          <th>{t.kind}</th>
          <th>{t.size}</th>
          <th>{t.count}</th>
          <th>
            <span className="visually-hidden">{t.download}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {documents.map((document) => {
          const count = document.correctedCount ?? document.counted;
          return (
            <tr key={document.id}>
              <td>{document.fileName}</td>
              <td>{document.role ? t.roles[document.role] : ''}</td>
              <td>{sizeOf(document.sizeBytes)}</td>
              <td data-testid="document-count">
                {document.countStatus === 'counting' ? <span role="status">{t.statuses.counting}</span> : null}
                {count !== null && document.countUnit ? `${count.toLocaleString()} ${t.units[document.countUnit]}` : ''}
                {document.manuscriptPages !== null ? t.manuscriptPages(document.manuscriptPages) : ''}
                {document.pageCount !== null && document.countUnit !== 'pages'
                  ? ` · ${t.pages(document.pageCount)}`
                  : ''}
                {document.countProblem ? <span className="hint"> {t.problems[document.countProblem]}</span> : null}
              </td>
              <td>
                <a href={document.downloadUrl} download onClick={onDownload ? () => onDownload(document) : undefined}>
                  {t.download}
                </a>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
