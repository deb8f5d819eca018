import { type Db, schema } from '@tsunagu/db';
import type { Clock, Viewer } from '@tsunagu/domain';
import {
  type EmailTopic,
  emailTopics,
  NotFoundError,
  topicsFor,
  UnauthenticatedError,
  type UnreadCounter,
  unreadCounterOf,
} from '@tsunagu/domain';
import { and, count, eq, isNull, sql } from 'drizzle-orm';

/** The NOTIFY channel of inbox changes; its payload is the id of the user whose inbox changed. */
export const inboxChannel = 'tsunagu_inbox';

/**
 * Tells every API process that this person's inbox changed, so that their open pages update. Sent
 * with `pg_notify`, so within a transaction it goes out when (and only if) the transaction commits.
 */
export async function announceInboxChange(db: Db, userId: string): Promise<void> {
  await db.execute(sql`select pg_notify(${inboxChannel}, ${userId})`);
}

/** Listens to a NOTIFY channel of the database (`Database.listen`). */
export type Listen = (channel: string, onNotify: (payload: string) => void) => Promise<() => Promise<void>>;

export type UnreadCounts = { total: number } & Record<UnreadCounter, number>;

export interface EmailPreference {
  topic: EmailTopic;
  /** False when the person gets this topic in their inbox only. */
  email: boolean;
}

export interface InboxDependencies {
  db: Db;
  clock: Clock;
  /** Where inbox changes are heard; without it (tests that do not subscribe) `changes` fails. */
  listen?: Listen;
}

/**
 * One LISTEN per process, fanned out to the subscriptions of each person: a thousand open pages
 * cost one connection, not a thousand.
 */
function createInboxFeed(listen: Listen | undefined) {
  const subscribers = new Map<string, Set<() => void>>();
  let listening: Promise<unknown> | null = null;
  return {
    subscribe(userId: string, onChange: () => void): { ready: Promise<unknown>; stop(): void } {
      if (!listen) throw new Error('inbox changes are not heard in this process (no listen given)');
      listening ??= listen(inboxChannel, (payload) => {
        for (const notify of subscribers.get(payload) ?? []) notify();
      }).catch((error: unknown) => {
        listening = null;
        throw error;
      });
      const own = subscribers.get(userId) ?? new Set();
      own.add(onChange);
      subscribers.set(userId, own);
      return {
        ready: listening,
        stop: () => {
          own.delete(onChange);
          if (own.size === 0) subscribers.delete(userId);
        },
      };
    },
  };
}

export function createInboxService({ db, clock, listen }: InboxDependencies) {
  const feed = createInboxFeed(listen);

  const signedIn = (viewer: Viewer): string => {
    if (!viewer.userId) throw new UnauthenticatedError();
    return viewer.userId;
  };

  async function unreadCounts(userId: string): Promise<UnreadCounts> {
    const rows = await db
      .select({ template: schema.outbox.template, unread: count() })
      .from(schema.inboxMessages)
      .innerJoin(schema.outbox, eq(schema.outbox.id, schema.inboxMessages.outboxId))
      .where(and(eq(schema.inboxMessages.userId, userId), isNull(schema.inboxMessages.readAt)))
      .groupBy(schema.outbox.template);
    const counts: UnreadCounts = { total: 0, offersWaiting: 0, approvalsWaiting: 0, escalations: 0 };
    for (const { template, unread } of rows) {
      counts.total += unread;
      const counter = unreadCounterOf(template);
      if (counter) counts[counter] += unread;
    }
    return counts;
  }

  /** Which of the person's topics come by e-mail: those their roles can receive. */
  async function emailPreferences(viewer: Viewer): Promise<EmailPreference[]> {
    const userId = signedIn(viewer);
    const optedOut = await db
      .select({ topic: schema.emailOptOuts.topic })
      .from(schema.emailOptOuts)
      .where(eq(schema.emailOptOuts.userId, userId));
    const off = new Set(optedOut.map((row) => row.topic));
    return topicsFor(viewer).map((topic) => ({ topic, email: !off.has(topic) }));
  }

  return {
    /** What the signed-in person has not read yet, in total and by what waits for them. */
    unreadCounts: (viewer: Viewer) => unreadCounts(signedIn(viewer)),

    /**
     * The counts now, then again after every change to the person's inbox, from whichever
     * process made it. Changes that come in a burst while the counts are read give one answer.
     */
    changes(viewer: Viewer): AsyncIterableIterator<UnreadCounts> {
      const userId = signedIn(viewer);
      let pending = true;
      let finished = false;
      let wake: (() => void) | undefined;
      const subscription = feed.subscribe(userId, () => {
        pending = true;
        wake?.();
      });
      const finish = () => {
        finished = true;
        subscription.stop();
        wake?.();
      };
      return {
        async next() {
          // Listening before the first read: a change made meanwhile is not missed.
          await subscription.ready;
          while (!pending && !finished) await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          if (finished) return { done: true, value: undefined };
          pending = false;
          return { done: false, value: await unreadCounts(userId) };
        },
        async return() {
          finish();
          return { done: true, value: undefined };
        },
        async throw(error: unknown) {
          finish();
          throw error;
        },
        [Symbol.asyncIterator]() {
          return this;
        },
      };
    },

    /** Marks one of the person's own messages read; someone else's is not found. */
    async markRead(viewer: Viewer, messageId: string): Promise<{ id: string }> {
      const userId = signedIn(viewer);
      return db.transaction(async (tx) => {
        const [message] = await tx
          .update(schema.inboxMessages)
          .set({ readAt: sql`coalesce(${schema.inboxMessages.readAt}, ${clock.now().toJSDate()})` })
          .where(and(eq(schema.inboxMessages.id, messageId), eq(schema.inboxMessages.userId, userId)))
          .returning({ id: schema.inboxMessages.id });
        if (!message) throw new NotFoundError('InboxMessage', messageId);
        await announceInboxChange(tx, userId);
        return message;
      });
    },

    /** Marks everything the person has not read yet as read; answers how many. */
    async markAllRead(viewer: Viewer): Promise<number> {
      const userId = signedIn(viewer);
      return db.transaction(async (tx) => {
        const marked = await tx
          .update(schema.inboxMessages)
          .set({ readAt: clock.now().toJSDate() })
          .where(and(eq(schema.inboxMessages.userId, userId), isNull(schema.inboxMessages.readAt)))
          .returning({ id: schema.inboxMessages.id });
        if (marked.length > 0) await announceInboxChange(tx, userId);
        return marked.length;
      });
    },

    emailPreferences,

    /** Turns e-mail for one topic on or off; the inbox gets the topic's messages either way. */
    async setEmailPreference(viewer: Viewer, topic: EmailTopic, email: boolean): Promise<EmailPreference[]> {
      const userId = signedIn(viewer);
      if (!emailTopics.includes(topic)) throw new NotFoundError('EmailTopic', topic);
      if (email) {
        await db
          .delete(schema.emailOptOuts)
          .where(and(eq(schema.emailOptOuts.userId, userId), eq(schema.emailOptOuts.topic, topic)));
      } else {
        await db.insert(schema.emailOptOuts).values({ userId, topic }).onConflictDoNothing();
      }
      return emailPreferences(viewer);
    },
  };
}

export type InboxService = ReturnType<typeof createInboxService>;
