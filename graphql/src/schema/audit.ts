import { encodeGlobalID } from '@pothos/plugin-relay';
import { mayActOn, tenancyOf } from '@tsunagu/domain';
import type { PersonalDataRead } from '@tsunagu/services';
import { builder } from '../builder';
import type { Context } from '../context';
import { User } from './user';

interface PendingReads {
  /** By subject (`volunteer:<id>`): the fields read so far. */
  subjects: Map<string, PersonalDataRead>;
  written: Promise<void>;
}

const pendingReads = new WeakMap<Context, PendingReads>();

/**
 * Notes that the viewer read a personal field of a subject, and resolves once that is in the audit
 * log. The fields of one response resolve in the same turn of the event loop (they come from one
 * SQL statement), so the reads noted in that turn are written together, one row per subject in
 * one statement, before any of those fields is returned: data whose read cannot be recorded is
 * not shown.
 */
export function auditRead(
  context: Context,
  subject: { type: string; id: string; associationIds: string[] },
  field: string,
): Promise<void> {
  let pending = pendingReads.get(context);
  if (!pending) {
    const subjects = new Map<string, PersonalDataRead>();
    const written = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      // Reads noted from now on belong to the next batch.
      pendingReads.delete(context);
      return context.services.audit.recordReads(context.viewer, [...subjects.values()]);
    });
    pending = { subjects, written };
    pendingReads.set(context, pending);
  }
  const key = `${subject.type}:${subject.id}`;
  const read = pending.subjects.get(key) ?? {
    subjectType: subject.type,
    subjectId: subject.id,
    fields: [],
    associationIds: subject.associationIds,
  };
  if (!read.fields.includes(field)) read.fields.push(field);
  pending.subjects.set(key, read);
  return pending.written;
}

const AuditActionEnum = builder.enumType('AuditAction', { values: ['read', 'create', 'update', 'delete'] as const });

const AuditActorRef = builder.objectRef<{ id: string; displayName: string }>('AuditActor').implement({
  description:
    'Who acted, as the audit log names them to the admins who read the row (a partner’s coordinator, say, whose account they cannot otherwise see).',
  fields: (t) => ({
    id: t.id({ description: 'The user’s global ID.', resolve: (actor) => encodeGlobalID('User', actor.id) }),
    displayName: t.exposeString('displayName'),
  }),
});

builder.drizzleObject('auditLog', {
  name: 'AuditLogEntry',
  description:
    'Who read or changed which personal fields of whom, and when. Never the values. Seen by the admins of the associations the subject belongs to.',
  select: { columns: { associationIds: true } },
  authScopes: (entry, { viewer }) =>
    entry.associationIds.some((associationId) => mayActOn(viewer, { associationId }, 'admin')),
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime' }),
    action: t.expose('action', { type: AuditActionEnum }),
    subjectType: t.exposeString('subjectType'),
    subjectId: t.exposeString('subjectId', { description: 'The id of the record, as stored (not a global ID).' }),
    fields: t.exposeStringList('fields'),
    reason: t.exposeString('reason', { nullable: true }),
    actor: t.field({
      type: AuditActorRef,
      nullable: true,
      description: 'Null when the account has been deleted since.',
      select: { with: { actor: { columns: { id: true, displayName: true } } } },
      resolve: (entry) => entry.actor,
    }),
  }),
});

builder.queryField('auditLog', (t) =>
  t.drizzleConnection({
    type: 'auditLog',
    description:
      'Admins: the audit log of their associations, newest first, filtered by subject (the person or record), actor and time.',
    authScopes: { admin: true },
    args: {
      subjectType: t.arg.string({ required: false }),
      subjectId: t.arg.string({ required: false }),
      actorId: t.arg.globalID({ required: false, for: User }),
      from: t.arg({ type: 'DateTime', required: false, description: 'At or after this instant.' }),
      to: t.arg({ type: 'DateTime', required: false, description: 'Before this instant.' }),
    },
    resolve: (query, _root, args, { db, viewer }) =>
      db.query.auditLog.findMany(
        query({
          where: {
            associationIds: { arrayOverlaps: tenancyOf(viewer, 'admin').associationIds },
            ...(args.subjectType ? { subjectType: args.subjectType } : {}),
            ...(args.subjectId ? { subjectId: args.subjectId } : {}),
            ...(args.actorId ? { actorUserId: args.actorId.id } : {}),
            ...(args.from || args.to
              ? { at: { ...(args.from ? { gte: args.from } : {}), ...(args.to ? { lt: args.to } : {}) } }
              : {}),
          },
          orderBy: { id: 'desc' },
        }),
      ),
  }),
);
