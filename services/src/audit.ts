import { type Db, schema } from '@tsunagu/db';
import type { Viewer } from '@tsunagu/domain';

export interface AuditEntry {
  action: 'read' | 'create' | 'update' | 'delete';
  subjectType: string;
  subjectId: string;
  /** The names of the personal fields read or changed, never their values. */
  fields: string[];
  reason?: string;
  /** The associations the subject belongs to, as the act reached it: their admins read the row. */
  associationIds: string[];
}

/** Writes who read or changed personal data. Pass a transaction to record a change with the change itself. */
export async function recordAudit(db: Db, viewer: Viewer, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insert(schema.auditLog).values(
    entries.map((entry) => ({
      actorUserId: viewer.userId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      fields: entry.fields,
      reason: entry.reason ?? null,
      associationIds: entry.associationIds,
    })),
  );
}

/** Personal fields of one subject that the viewer read. */
export interface PersonalDataRead {
  subjectType: string;
  subjectId: string;
  fields: string[];
  associationIds: string[];
}

export function createAuditService({ db }: { db: Db }) {
  return {
    /** One row per subject, all in one statement, however many fields and subjects were read. */
    recordReads: (viewer: Viewer, reads: PersonalDataRead[]) =>
      recordAudit(
        db,
        viewer,
        reads.map((read) => ({ action: 'read', ...read })),
      ),
  };
}
