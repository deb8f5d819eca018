import type { DocumentRole } from '@tsunagu/domain';
import { type DragEvent, useId, useState } from 'react';
import { useLocale, useMessages } from '../i18n';
import { documentMessages } from './messages';
import { type UploadedDocument, uploadDocument } from './upload';

interface DocumentUploadProps {
  documentRole: DocumentRole;
  /** The request it belongs to; none for a source uploaded before its request is filed. */
  requestId?: string;
  onUploaded(document: UploadedDocument): void;
}

/** Drag and drop, or a plain file button; the progress as it goes, a refusal in the reader's words. */
export function DocumentUpload({ documentRole, requestId, onUploaded }: DocumentUploadProps) {
  const t = useMessages(documentMessages);
  const { locale } = useLocale();
  const inputId = useId();
  const [progress, setProgress] = useState<number | null>(null);
  const [notice, setNotice] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  const [dragging, setDragging] = useState(false);

  async function send(files: FileList | null) {
    for (const file of Array.from(files ?? [])) {
      setNotice(null);
      setProgress(0);
      const outcome = await uploadDocument({ file, role: documentRole, requestId, locale }, setProgress);
      setProgress(null);
      if (outcome.ok) {
        setNotice({ kind: 'done', text: t.uploaded(outcome.document.fileName) });
        onUploaded(outcome.document);
      } else {
        setNotice({ kind: 'error', text: outcome.message ?? t.failed });
        return;
      }
    }
  }

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void send(event.dataTransfer.files);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is a shortcut; the file button inside is the way by keyboard
    <section
      className={dragging ? 'document-upload dragging' : 'document-upload'}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
      data-testid="document-upload"
    >
      <p>
        {t.dropHere}{' '}
        <label htmlFor={inputId} className="button">
          {t.chooseFile}
        </label>
        <input
          id={inputId}
          type="file"
          className="visually-hidden"
          disabled={progress !== null}
          onChange={(event) => {
            void send(event.target.files);
            event.target.value = '';
          }}
        />
      </p>
      <p className="hint">{t.accepted}</p>
      {progress !== null && (
        <p role="status">
          <progress value={progress} max={1} /> {t.uploading(Math.round(progress * 100))}
        </p>
      )}
      {notice && (
        <p
          role={notice.kind === 'error' ? 'alert' : 'status'}
          className={notice.kind === 'error' ? 'error' : undefined}
        >
          {notice.text}
        </p>
      )}
    </section>
  );
}
