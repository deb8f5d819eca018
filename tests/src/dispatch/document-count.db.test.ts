import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { fixedClock, type Viewer } from '@tsunagu/domain';
import { createLogger, createServices, defaultMaxUploadBytes, type Services } from '@tsunagu/services';
import { documentCountWorkflowId } from '@tsunagu/workflows';
import { recordHistory } from '@tsunagu/workflows/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertDispatchWorld } from '../support/dispatch-world';
import { makeDocx } from '../support/documents';
import { type DispatchHarness, startDispatchHarness } from '../support/temporal';

/**
 * A .docx is kept `counting` by its upload and counted by the worker's activity, which reads the
 * chunks back: the upload never holds the whole file. On the time-skipping test server with the
 * real workflows and a real database.
 */
describe('a document counted by the worker after its upload', () => {
  let testDb: TestDatabase;
  let harness: DispatchHarness;
  let services: Services;
  let requester: Viewer;

  beforeAll(async () => {
    testDb = await openTestDatabase();
    harness = await startDispatchHarness(testDb.database);
    services = createServices({
      db: testDb.database.db,
      clock: fixedClock('2027-01-15T09:00'),
      logger: createLogger({ level: 'silent' }),
      dispatcher: harness.dispatcher,
    });
    ({ requester } = await insertDispatchWorld(testDb.database.db));
  }, 120_000);
  afterAll(async () => {
    await harness?.stop();
    await testDb?.dispose();
  });

  async function* streamOf(bytes: Uint8Array) {
    yield bytes;
  }
  const rowOf = async (id: string) =>
    (await testDb.database.db.select().from(schema.documents).where(eq(schema.documents.id, id)))[0];

  test('a Japanese .docx is answered counting, then the worker counts its characters; asking again counts nothing twice', async () => {
    const docx = await makeDocx(['外国人住民のための防災ガイド', '避難所の場所を確認しましょう。'.repeat(30)]);
    const uploaded = await services.documents.upload(
      requester,
      { role: 'source', requestId: null },
      { name: '防災ガイド.docx', bytes: streamOf(docx) },
      defaultMaxUploadBytes,
    );
    expect(uploaded).toMatchObject({ countStatus: 'counting', counted: null });

    const count = harness.env.client.workflow.getHandle(documentCountWorkflowId(uploaded.id));
    expect(await count.result()).toBe('counted');
    await recordHistory('document-count', count);
    expect(await rowOf(uploaded.id)).toMatchObject({
      countStatus: 'counted',
      countUnit: 'characters',
      counted: 14 + 15 * 30,
      countProblem: null,
    });

    // A correction made meanwhile survives a second count (a worker's start resumes what is left).
    await testDb.database.db
      .update(schema.documents)
      .set({ correctedCount: 500 })
      .where(eq(schema.documents.id, uploaded.id));
    await harness.dispatcher.countDocument(uploaded.id);
    expect(await services.documents.resumeCounting()).toBe(0);
    expect(await rowOf(uploaded.id)).toMatchObject({ countStatus: 'counted', counted: 464, correctedCount: 500 });
  });

  test('a document left counting (Temporal out of reach at its upload) is counted when a worker resumes', async () => {
    const docx = await makeDocx(['Check where your shelter is.']);
    const detached = createServices({
      db: testDb.database.db,
      clock: fixedClock('2027-01-15T09:00'),
      logger: createLogger({ level: 'silent' }),
    });
    const uploaded = await detached.documents.upload(
      requester,
      { role: 'source', requestId: null },
      { name: 'shelter.docx', bytes: streamOf(docx) },
      defaultMaxUploadBytes,
    );
    expect((await rowOf(uploaded.id))?.countStatus).toBe('counting');

    expect(await services.documents.resumeCounting()).toBe(1);
    await harness.env.client.workflow.getHandle(documentCountWorkflowId(uploaded.id)).result();
    expect(await rowOf(uploaded.id)).toMatchObject({ countStatus: 'counted', countUnit: 'words', counted: 5 });
  });
});
