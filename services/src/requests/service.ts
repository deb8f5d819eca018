import { type Db, schema } from '@tsunagu/db';
import {
  adviseCategory,
  type BearingBodyKind,
  bearingBodyOf,
  bilingual,
  type Clock,
  ConflictError,
  cancellationSchema,
  checkRequestPolicy,
  closedReason,
  type FieldProblem,
  ForbiddenError,
  finishedStatuses,
  found,
  type Holidays,
  isoDate,
  mayActOn,
  NotFoundError,
  occurrences,
  parseInput,
  readPolicy,
  requestDetails,
  requestSchema,
  seriesChangeSchema,
  seriesProblems,
  seriesSchema,
  splitSeries,
  tokyo,
  ValidationError,
  type Viewer,
  type WeeklySeries,
} from '@tsunagu/domain';
import { between, eq, inArray } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { z } from 'zod';
import { recordAudit } from '../audit';
import { settleCancellation } from '../dispatch/bookings';
import { type Dispatcher, type DispatchSignal, detachedDispatcher } from '../dispatch/port';
import { attachSources } from '../documents/service';
import type { Logger } from '../logger';

type RequestRow = typeof schema.requests.$inferSelect;
type SeriesRow = typeof schema.requestSeries.$inferSelect;

export const requestStatuses = schema.requestStatus.enumValues;
export const requestModalities = schema.modality.enumValues;
export const requestRoutings = schema.requestRouting.enumValues;
export const translationDirections = schema.translationDirection.enumValues;
export const volumeUnits = schema.volumeUnit.enumValues;

/** The category comes as text from any client; the rules name what a wrong one should be. */
type CategoryAsText<Input> = Omit<Input, 'grantTaxCategory'> & { grantTaxCategory?: string | null };
export type RequestInput = CategoryAsText<z.input<typeof requestSchema>>;
export type RequestSeriesInput = CategoryAsText<z.input<typeof seriesSchema>>;
/** Fields left out (undefined) stay as they were; null clears an optional field. */
export type RequestChanges = Partial<RequestInput>;
export type SeriesChanges = z.input<typeof seriesChangeSchema>;

type RequestFields = z.infer<typeof requestSchema>;

/** Personal data in a request: who reads or changes these is audited. */
export const personalRequestFields = ['contactName', 'contactPhone', 'notes'] as const;

const stillMovable = new Set<RequestRow['status']>(['filed', 'open']);
/** The fields whose change makes dispatch look at the request again (offers, bookings, timers). */
const dispatchFields = [
  'modality',
  'languageCode',
  'pairLanguageCode',
  'startsAt',
  'endsAt',
  'deadline',
  'localGovernmentCode',
  'interpretersNeeded',
  'specialty',
  'answerBy',
] as const;

export function createRequestService({
  db,
  clock,
  logger,
  dispatcher = detachedDispatcher,
}: {
  db: Db;
  clock: Clock;
  logger?: Logger;
  dispatcher?: Dispatcher;
}) {
  /**
   * Tells dispatch, after the commit. The database already holds the change, so a failure is
   * logged, not thrown: `dispatch.resumeAll` starts what was missed.
   */
  async function tellDispatch(requestIds: string[], what: 'start' | DispatchSignal) {
    for (const requestId of requestIds) {
      try {
        await (what === 'start' ? dispatcher.start(requestId) : dispatcher.signal(requestId, what));
      } catch (error) {
        logger?.warn({ requestId, what, err: error }, 'dispatch not told');
      }
    }
  }

  /** The national holidays from today to the last day a request needs (none when that has passed). */
  async function holidaysBetween(tx: Db, from: string, to: string): Promise<Holidays> {
    const rows = await tx
      .select({ date: schema.holidays.date })
      .from(schema.holidays)
      .where(between(schema.holidays.date, from, to));
    return new Set(rows.map((row) => row.date));
  }

  /** The association and policy of the organization the viewer files for; it must be approved. */
  async function filingOrganization(tx: Db, viewer: Viewer) {
    if (!viewer.organizationId) throw new ForbiddenError('requesting_staff_only');
    const organization = found(
      await tx.query.organizations.findFirst({
        where: { id: viewer.organizationId },
        with: { association: { columns: { id: true, policy: true } } },
      }),
      'Organization',
      viewer.organizationId,
    );
    if (organization.status !== 'approved') {
      throw new ForbiddenError('organization_not_approved');
    }
    return { organization, policy: readPolicy(organization.association.policy) };
  }

  /** The request's organization staff and its association's coordinators may change it. */
  function assertMayChange(viewer: Viewer, request: Pick<RequestRow, 'organizationId' | 'associationId'>) {
    if (!mayActOn(viewer, request, ['requester', 'coordinator'])) {
      throw new ForbiddenError('filer_or_coordinators');
    }
  }

  /** Reference checks that need the database: known languages and municipality, and a place on site. */
  async function referenceProblems(tx: Db, fields: RequestFields): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    const codes = [...new Set([fields.languageCode, fields.pairLanguageCode])];
    const [known, government] = await Promise.all([
      tx.query.languages.findMany({ where: { code: { in: codes } }, columns: { code: true } }),
      fields.localGovernmentCode
        ? tx.query.localGovernments.findFirst({ where: { code: fields.localGovernmentCode }, columns: { code: true } })
        : Promise.resolve(null),
    ]);
    const knownCodes = new Set(known.map((language) => language.code));
    for (const field of ['languageCode', 'pairLanguageCode'] as const) {
      if (!knownCodes.has(fields[field]))
        problems.push({
          path: ['input', field],
          message: { en: 'No such language.', ja: '該当する言語がありません。' },
        });
    }
    if (fields.languageCode === fields.pairLanguageCode) {
      problems.push({
        path: ['input', 'pairLanguageCode'],
        message: { en: 'Choose two different languages.', ja: '異なる2つの言語を選んでください。' },
      });
    }
    if (fields.localGovernmentCode && !government) {
      problems.push({
        path: ['input', 'localGovernmentCode'],
        message: { en: 'No local government has this code.', ja: 'このコードの地方公共団体が見つかりません。' },
      });
    }
    return problems;
  }

  /**
   * The category chosen, or the purpose's suggestion. An ineligible choice is refused, not stored
   * and flagged: the table judges it by the category and the bearing body's kind, both known at
   * this moment, and every purpose has a category each kind of body may claim, so the refusal can
   * name the one to take. Accepting it would only move the problem to month end, where its lines
   * are flagged and must be re-categorized; the reconciliation's flag remains for lines booked so
   * before this check.
   */
  function eligibleCategory(fields: Pick<RequestFields, 'purpose' | 'grantTaxCategory'>, bearer: BearingBodyKind) {
    const advice = adviseCategory(fields.purpose, bearer, fields.grantTaxCategory ?? null);
    if (advice.instead) {
      throw new ConflictError('category_not_eligible', { category: advice.chosen, bearer, instead: advice.instead });
    }
    return advice.chosen;
  }

  /** The columns a checked request is stored with: its fields plus what the policy decided. */
  function columnsFor(fields: RequestFields, outcome: ReturnType<typeof checkRequestPolicy>, bearer: BearingBodyKind) {
    return {
      modality: fields.modality,
      languageCode: fields.languageCode,
      pairLanguageCode: fields.pairLanguageCode,
      translationDirection: fields.translationDirection ?? null,
      startsAt: fields.modality === 'translation' ? null : (fields.startsAt ?? null),
      endsAt: fields.modality === 'translation' ? null : (fields.endsAt ?? null),
      deadline: fields.modality === 'translation' ? (fields.deadline ?? null) : null,
      volume: fields.volume ?? null,
      volumeUnit: fields.volumeUnit ?? null,
      localGovernmentCode: fields.localGovernmentCode ?? null,
      venue: fields.venue ?? null,
      address: fields.address ?? null,
      remoteJoinInstructions: fields.remoteJoinInstructions ?? null,
      purpose: fields.purpose,
      specialty: fields.specialty ?? null,
      interpretersNeeded: fields.interpretersNeeded,
      contactName: fields.contactName,
      contactPhone: fields.contactPhone ?? null,
      notes: fields.notes ?? null,
      urgent: fields.urgent,
      emergency: fields.emergency,
      infectionRisk: fields.infectionRisk,
      answerBy: fields.answerBy ?? null,
      openToPartners: fields.openToPartners,
      grantTaxCategory: eligibleCategory(fields, bearer),
      flags: outcome.flags,
      routing: outcome.routing,
      requiredCertificateKind: outcome.requiredCertificateKind,
    };
  }

  function policyOutcome(
    fields: RequestFields,
    policy: ReturnType<typeof readPolicy>,
    holidays: Holidays,
    now: DateTime = clock.now(),
  ) {
    const at = (date: Date | null | undefined) => (date ? DateTime.fromJSDate(date, { zone: tokyo }) : null);
    return checkRequestPolicy(
      {
        modality: fields.modality,
        startsAt: at(fields.startsAt),
        endsAt: at(fields.endsAt),
        deadline: at(fields.deadline),
        answerBy: fields.answerBy ?? null,
        urgent: fields.urgent,
        specialty: fields.specialty ?? null,
        emergency: fields.emergency,
        infectionRisk: fields.infectionRisk,
      },
      policy,
      { now, holidays },
    );
  }

  /**
   * Checks a whole request as of `now`; throws every problem at once, before anything is written.
   */
  async function checked(
    tx: Db,
    fields: RequestFields,
    policy: ReturnType<typeof readPolicy>,
    bearer: BearingBodyKind,
    now: DateTime = clock.now(),
  ) {
    const day = fields.modality === 'translation' ? fields.deadline : fields.startsAt;
    const today = now.setZone(tokyo).toISODate() ?? '';
    const lastDay = day ? (DateTime.fromJSDate(day, { zone: tokyo }).toISODate() ?? today) : today;
    const holidays = await holidaysBetween(tx, today, lastDay);
    const outcome = policyOutcome(fields, policy, holidays, now);
    const problems = [...(await referenceProblems(tx, fields)), ...outcome.problems];
    if (problems.length > 0) throw new ValidationError(problems);
    return columnsFor(fields, outcome, bearer);
  }

  /**
   * The request columns for each occurrence of a series, each checked by the policy on its own; a
   * problem names the occurrence's date.
   */
  async function checkedOccurrences(
    tx: Db,
    fields: Omit<RequestFields, 'startsAt' | 'endsAt' | 'deadline'>,
    series: WeeklySeries,
    policy: ReturnType<typeof readPolicy>,
    bearer: BearingBodyKind,
  ) {
    const shapeProblems = seriesProblems(series).map((problem) => ({
      path: ['input', 'series', problem.field],
      message: problem.message,
    }));
    if (shapeProblems.length > 0) throw new ValidationError(shapeProblems);
    const today = clock.now().toISODate() ?? '';
    const holidays = await holidaysBetween(tx, today, series.lastDate);
    const dates = occurrences(series);
    const first = dates[0];
    const problems: FieldProblem[] = first
      ? await referenceProblems(tx, { ...fields, startsAt: first.startsAt.toJSDate(), endsAt: first.endsAt.toJSDate() })
      : [];
    const seen = new Set(problems.map((problem) => problem.path.join('.')));
    // Times are the series' own, so a window or lead-time problem belongs to the series fields.
    const seriesField: Record<string, string[]> = {
      startsAt: ['input', 'series', 'firstDate'],
      endsAt: ['input', 'series', 'endTime'],
    };
    const rows = dates.map((occurrence) => {
      const occurrenceFields = {
        ...fields,
        startsAt: occurrence.startsAt.toJSDate(),
        endsAt: occurrence.endsAt.toJSDate(),
        deadline: null,
      };
      const outcome = policyOutcome(occurrenceFields, policy, holidays);
      for (const problem of outcome.problems) {
        const field = problem.path[problem.path.length - 1] ?? '';
        const path = seriesField[field] ?? problem.path;
        // The first failing occurrence speaks for the field; later ones usually repeat it.
        if (seen.has(path.join('.'))) continue;
        seen.add(path.join('.'));
        problems.push({
          path,
          message: {
            en: `On ${occurrence.date}: ${problem.message.en}`,
            ja: `${occurrence.date}の回: ${problem.message.ja}`,
          },
        });
      }
      return { date: occurrence.date, columns: columnsFor(occurrenceFields, outcome, bearer) };
    });
    if (problems.length > 0) throw new ValidationError(problems);
    return rows;
  }

  function personalFieldsChanged(before: Partial<RequestRow> | null, after: Partial<RequestRow>): string[] {
    return personalRequestFields.filter((field) => (before?.[field] ?? null) !== (after[field] ?? null));
  }

  async function loadRequest(tx: Db, requestId: string) {
    return found(await tx.query.requests.findFirst({ where: { id: requestId } }), 'Request', requestId);
  }

  /** Whether a prefecture or a municipality bears what the organization's requests cost. */
  async function bearerOf(tx: Db, organizationId: string): Promise<BearingBodyKind> {
    const organization = found(
      await tx.query.organizations.findFirst({
        where: { id: organizationId },
        columns: {},
        with: { localGovernment: { columns: { code: true, kind: true, parentCode: true } } },
      }),
      'Organization',
      organizationId,
    );
    return bearingBodyOf(organization.localGovernment).kind;
  }

  async function policyOf(tx: Db, associationId: string) {
    const association = await tx.query.associations.findFirst({
      where: { id: associationId },
      columns: { policy: true },
    });
    return readPolicy(association?.policy);
  }

  /** A request row as the input it was filed with, for merging changes into it. */
  function asFields(request: RequestRow): Record<string, unknown> {
    const { modality, languageCode, pairLanguageCode, startsAt, endsAt, deadline, purpose } = request;
    const fields: Record<string, unknown> = { modality, languageCode, pairLanguageCode, startsAt, endsAt, deadline };
    for (const key of Object.keys(requestDetails)) fields[key] = request[key as keyof RequestRow];
    return { ...fields, purpose };
  }

  /** The Monday of the week a day falls in: an occurrence keeps its week when a series moves. */
  const weekOf = (date: string) => DateTime.fromISO(date, { zone: tokyo }).startOf('week').toISODate() ?? date;
  const dayOf = (instant: Date) => DateTime.fromJSDate(instant, { zone: tokyo }).toISODate() ?? '';

  return {
    /** Requesting staff of an approved organization file a one-off request; it waits for screening. */
    async file(viewer: Viewer, input: RequestInput, { documentIds = [] }: { documentIds?: readonly string[] } = {}) {
      const fields = parseInput(requestSchema, input);
      if (documentIds.length > 0 && fields.modality !== 'translation') {
        throw ValidationError.of(['input', 'documentIds'], {
          ja: '文書を付けられるのは翻訳の依頼だけです。',
          en: 'Only a translation request takes documents.',
        });
      }
      const filed = await db.transaction(async (tx) => {
        const { organization, policy } = await filingOrganization(tx, viewer);
        const columns = await checked(tx, fields, policy, await bearerOf(tx, organization.id));
        const [request] = await tx
          .insert(schema.requests)
          .values({
            ...columns,
            associationId: organization.associationId,
            organizationId: organization.id,
            filedBy: viewer.userId,
            status: 'filed',
            createdAt: clock.now().toJSDate(),
          })
          .returning();
        if (!request) throw new Error('insert returned no row');
        await attachSources(tx, organization.id, request.id, documentIds);
        await recordAudit(tx, viewer, [
          {
            action: 'create',
            subjectType: 'request',
            subjectId: request.id,
            fields: personalFieldsChanged(null, request),
            associationIds: [request.associationId],
          },
        ]);
        return request;
      });
      await tellDispatch([filed.id], 'start');
      return filed;
    },

    /** A weekly series: the series and one request per occurrence, all or nothing. */
    async fileSeries(viewer: Viewer, input: RequestSeriesInput) {
      const { series: weekly, ...fields } = parseInput(seriesSchema, input);
      const filed = await db.transaction(async (tx) => {
        const { organization, policy } = await filingOrganization(tx, viewer);
        const rows = await checkedOccurrences(tx, fields, weekly, policy, await bearerOf(tx, organization.id));
        const [series] = await tx
          .insert(schema.requestSeries)
          .values({ ...weekly, organizationId: organization.id })
          .returning();
        if (!series) throw new Error('insert returned no row');
        const requests = await tx
          .insert(schema.requests)
          .values(
            rows.map(({ columns }) => ({
              ...columns,
              associationId: organization.associationId,
              organizationId: organization.id,
              filedBy: viewer.userId,
              seriesId: series.id,
              status: 'filed' as const,
              createdAt: clock.now().toJSDate(),
            })),
          )
          .returning();
        await recordAudit(
          tx,
          viewer,
          requests.map((request) => ({
            action: 'create',
            subjectType: 'request',
            subjectId: request.id,
            fields: personalFieldsChanged(null, request),
            associationIds: [request.associationId],
          })),
        );
        return { series, requestIds: requests.map((request) => request.id) };
      });
      await tellDispatch(filed.requestIds, 'start');
      return filed.series;
    },

    /** Changes one request (one occurrence of a series leaves the others as they are). */
    async edit(viewer: Viewer, requestId: string, changes: RequestChanges) {
      const { updated, relevant } = await db.transaction(async (tx) => {
        const request = await loadRequest(tx, requestId);
        assertMayChange(viewer, request);
        const closed = closedReason(request, clock.now().toJSDate());
        if (closed) throw new ConflictError('request_closed_for_change', closed);
        const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
        const fields = parseInput(requestSchema, { ...asFields(request), ...defined });
        // A request whose timing stays as it was is judged as when it was filed: correcting a phone
        // number inside the notice period is no new short-notice request.
        const sameTiming =
          (['startsAt', 'endsAt', 'deadline'] as const).every(
            (field) => fields[field]?.getTime() === request[field]?.getTime(),
          ) &&
          fields.urgent === request.urgent &&
          (fields.answerBy ?? null) === request.answerBy;
        const asOf = sameTiming ? DateTime.fromJSDate(request.createdAt, { zone: tokyo }) : clock.now();
        const policy = await policyOf(tx, request.associationId);
        const checkedColumns = await checked(tx, fields, policy, await bearerOf(tx, request.organizationId), asOf);
        // The category follows the purpose; while the purpose stays, a coordinator's override stays too.
        const columns =
          fields.purpose === request.purpose
            ? { ...checkedColumns, grantTaxCategory: request.grantTaxCategory }
            : checkedColumns;
        const [updated] = await tx
          .update(schema.requests)
          .set({ ...columns, updatedAt: clock.now().toJSDate() })
          .where(eq(schema.requests.id, requestId))
          .returning();
        if (!updated) throw new NotFoundError('Request', requestId);
        const changedPersonalFields = personalFieldsChanged(request, updated);
        if (changedPersonalFields.length > 0) {
          await recordAudit(tx, viewer, [
            {
              action: 'update',
              subjectType: 'request',
              subjectId: requestId,
              fields: changedPersonalFields,
              associationIds: [updated.associationId],
            },
          ]);
        }
        const relevant = dispatchFields.some((field) => String(request[field] ?? '') !== String(updated[field] ?? ''));
        return { updated, relevant };
      });
      if (relevant) await tellDispatch([requestId], 'changed');
      return updated;
    },

    /**
     * "From this date on": the series ends before `fromDate` and a new one with the changed times
     * continues it. Occurrences from that date that are still filed or open move to the new times
     * (one per week, in the week they were in); earlier ones, and ones already filled or closed,
     * stay as they are. Weeks the new series adds get new requests like the latest occurrence;
     * weeks it drops are cancelled, with the reason given (needed only when a week is dropped), as
     * cancelling one of them would be.
     */
    async editSeriesFrom(
      viewer: Viewer,
      seriesId: string,
      fromDate: string,
      changes: SeriesChanges,
      cancellation?: { reason: string; note?: string | null },
    ) {
      const change = parseInput(seriesChangeSchema, changes);
      const from = parseInput(isoDate, fromDate, ['fromDate']);
      const told = { start: [] as string[], changed: [] as string[], cancelled: [] as string[] };
      const continuedSeries = await db.transaction(async (tx) => {
        const series = found(
          await tx.query.requestSeries.findFirst({ where: { id: seriesId } }),
          'RequestSeries',
          seriesId,
        );
        const members = await tx.query.requests.findMany({
          where: { seriesId },
          orderBy: { startsAt: 'asc' },
        });
        const template = members[members.length - 1];
        if (!template) throw new NotFoundError('RequestSeries', seriesId);
        assertMayChange(viewer, template);
        const { weekday, startTime, endTime, firstDate, lastDate } = series;
        const { before, after } = splitSeries({ weekday, startTime, endTime, firstDate, lastDate }, from, change);
        const policy = await policyOf(tx, template.associationId);
        const bearer = await bearerOf(tx, template.organizationId);
        const moving = await checkedOccurrences(
          tx,
          parseInput(requestSchema, asFields(template)),
          after,
          policy,
          bearer,
        );

        const now = clock.now().toJSDate();
        let continued: SeriesRow | undefined;
        if (before) {
          await tx
            .update(schema.requestSeries)
            .set({ lastDate: before.lastDate, updatedAt: now })
            .where(eq(schema.requestSeries.id, seriesId));
          [continued] = await tx
            .insert(schema.requestSeries)
            .values({ ...after, organizationId: series.organizationId, continuesSeriesId: seriesId })
            .returning();
        } else {
          [continued] = await tx
            .update(schema.requestSeries)
            .set({ ...after, updatedAt: now })
            .where(eq(schema.requestSeries.id, seriesId))
            .returning();
        }
        if (!continued) throw new Error('series write returned no row');

        const later = members.filter((request) => request.startsAt && dayOf(request.startsAt) >= from);
        const byWeek = new Map(later.map((request) => [weekOf(dayOf(request.startsAt as Date)), request]));
        const created: Array<typeof schema.requests.$inferInsert> = [];
        for (const { date, columns } of moving) {
          const existing = byWeek.get(weekOf(date));
          byWeek.delete(weekOf(date));
          if (!existing) {
            created.push({
              ...columns,
              associationId: template.associationId,
              organizationId: template.organizationId,
              filedBy: viewer.userId,
              seriesId: continued.id,
              status: 'filed',
              createdAt: now,
            });
          } else if (stillMovable.has(existing.status)) {
            await tx
              .update(schema.requests)
              .set({
                startsAt: columns.startsAt,
                endsAt: columns.endsAt,
                flags: columns.flags,
                seriesId: continued.id,
                updatedAt: now,
              })
              .where(eq(schema.requests.id, existing.id));
            told.changed.push(existing.id);
          }
        }
        if (created.length > 0) {
          const added = await tx.insert(schema.requests).values(created).returning();
          told.start.push(...added.map((request) => request.id));
          await recordAudit(
            tx,
            viewer,
            added.map((request) => ({
              action: 'create',
              subjectType: 'request',
              subjectId: request.id,
              fields: personalFieldsChanged(null, request),
              associationIds: [request.associationId],
            })),
          );
        }
        const dropped = [...byWeek.values()].filter((request) => stillMovable.has(request.status));
        if (dropped.length > 0) {
          const stated = parseInput(cancellationSchema, cancellation ?? {}, ['cancellation']);
          const by = mayActOn(viewer, template, 'requester') ? 'requester' : 'coordinator';
          await tx
            .update(schema.requests)
            .set({
              status: 'cancelled',
              cancelledAt: now,
              cancelledBy: by,
              cancellationReason: stated.reason,
              cancellationNote: stated.note,
              updatedAt: now,
            })
            .where(
              inArray(
                schema.requests.id,
                dropped.map((request) => request.id),
              ),
            );
          for (const request of dropped) {
            await settleCancellation(tx, request.id, now, { by, reason: stated.reason, note: stated.note });
          }
          told.cancelled.push(...dropped.map((request) => request.id));
        }
        return continued;
      });
      await tellDispatch(told.start, 'start');
      await tellDispatch(told.changed, 'changed');
      await tellDispatch(told.cancelled, 'cancelled');
      return continuedSeries;
    },

    /** The requests not finished now, as a filter for lists: not cancelled, rejected or done, and not past their end. */
    unfinished() {
      const now = clock.now().toJSDate();
      return {
        status: { notIn: [...finishedStatuses] },
        OR: [{ endsAt: { gt: now } }, { endsAt: { isNull: true as const }, deadline: { gt: now } }],
      };
    },

    /** Whether the request is closed to changes and cancellation now (and why), for the screens' buttons. */
    closedReason(request: { status: RequestRow['status']; startsAt: Date | null; deadline: Date | null }) {
      return closedReason(request, clock.now().toJSDate());
    },

    /** The filing organization's staff or a coordinator of the association cancel a request. */
    async cancel(viewer: Viewer, requestId: string, input: { reason: string; note?: string | null }) {
      const stated = parseInput(cancellationSchema, input, ['cancellation']);
      const result = await db.transaction(async (tx) => {
        const request = await loadRequest(tx, requestId);
        assertMayChange(viewer, request);
        const now = clock.now().toJSDate();
        const closed = closedReason(request, now);
        if (closed) throw new ConflictError('request_closed_for_cancel', closed);
        // The filing organization's staff cancel as the requester, anyone else allowed as a coordinator.
        const by = mayActOn(viewer, request, 'requester') ? 'requester' : 'coordinator';
        // Offers withdrawn, bookings released with the fee the notice owes, everyone told: with the cancellation.
        await settleCancellation(tx, requestId, now, { by, reason: stated.reason, note: stated.note });
        const [cancelled] = await tx
          .update(schema.requests)
          .set({
            status: 'cancelled',
            cancelledAt: now,
            cancelledBy: by,
            cancellationReason: stated.reason,
            cancellationNote: stated.note,
            updatedAt: now,
          })
          .where(eq(schema.requests.id, requestId))
          .returning();
        return cancelled ?? request;
      });
      await tellDispatch([requestId], 'cancelled');
      return result;
    },
  };
}
