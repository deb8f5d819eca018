import { createHash } from 'node:crypto';
import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { fixedClock } from '@tsunagu/domain';
import { chunkBytes, defaultMaxUploadBytes } from '@tsunagu/services';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { globalId, startTestApi, type TestApi, testNow } from '../support/api';
import { makeDocx, makeExecutable, makePdf } from '../support/documents';
import {
  insertAssignment,
  insertAssociation,
  insertCoordinatorWorld,
  insertOrganization,
  insertRequest,
  insertRequester,
  insertStaffMember,
  insertVolunteer,
} from '../support/fixtures';
import { inlineDispatcher } from '../support/inline-dispatcher';

interface FilePart {
  name: string;
  bytes: Uint8Array;
}

/** A multipart/form-data body as a browser sends it: the fields first, then the file (raw UTF-8 name). */
function form(fields: Record<string, string>, file: FilePart | null) {
  const boundary = '----tsunagu-test-boundary';
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(encoder.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(
      encoder.encode(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
    );
    parts.push(file.bytes, encoder.encode('\r\n'));
  }
  parts.push(encoder.encode(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('documents in and out over HTTP', () => {
  let testDb: TestDatabase;
  let api: TestApi;
  let small: TestApi;
  let associationId: string;
  let organizationId: string;
  let requesterSession: string;
  let japaneseDocx: Uint8Array;

  beforeAll(async () => {
    testDb = await openTestDatabase();
    const { db } = testDb.database;
    ({ associationId, organizationId } = await insertCoordinatorWorld(db, 'ja'));
    // The worker's counting of a .docx or a .pdf, run in-process once the upload has answered.
    api = await startTestApi(testDb.database, { dispatcher: inlineDispatcher(db, fixedClock(testNow)) });
    small = await startTestApi(testDb.database, { maxUploadBytes: 2_500_000 });
    requesterSession = await api.sessionFor((await insertRequester(db, organizationId)).id);
    japaneseDocx = await makeDocx(['外国人住民のための防災ガイド', '避難所の場所を確認しましょう。'.repeat(30)]);
  });
  afterAll(async () => {
    await api?.close();
    await small?.close();
    await testDb?.dispose();
  });

  async function upload(
    file: FilePart | null,
    fields: Record<string, string> = { role: 'source' },
    { session = requesterSession, on = api, headers = {} as Record<string, string> } = {},
  ) {
    const { body, contentType } = form(fields, file);
    const response = await fetch(`${on.url}/documents`, {
      method: 'POST',
      headers: { 'content-type': contentType, cookie: `tsunagu_session=${session}`, ...headers },
      body,
    });
    return { response, json: (await response.json()) as Record<string, unknown> & { error?: Record<string, string> } };
  }

  const download = (path: string, session: string | null) =>
    fetch(`${api.url}${path}`, { headers: session ? { cookie: `tsunagu_session=${session}` } : {} });

  /** A document's count as the API reads it after the upload (the worker counts a .docx or a .pdf). */
  async function countOf(id: unknown) {
    const { data } = await api.graphql<{ node: Record<string, unknown> }>(
      `query ($id: ID!) {
        node(id: $id) { ... on Document { countStatus countUnit counted manuscriptPages pageCount countProblem } }
      }`,
      { id },
      { session: requesterSession },
    );
    return data?.node;
  }

  async function storedRows() {
    const { db } = testDb.database;
    return { documents: await db.$count(schema.documents), chunks: await db.$count(schema.documentChunks) };
  }

  async function translationRequest(organization = organizationId) {
    return insertRequest(testDb.database.db, associationId, organization, {
      modality: 'translation',
      startsAt: null,
      endsAt: null,
      venue: null,
      deadline: new Date('2027-02-10T17:00:00+09:00'),
    });
  }

  test('a requester uploads a Japanese .docx: answered as counting, then counted in characters and manuscript pages, downloaded byte for byte with its Japanese name', async () => {
    const { response, json } = await upload({ name: '防災ガイド（やさしい日本語）.docx', bytes: japaneseDocx });
    expect(response.status).toBe(201);
    expect(json).toMatchObject({
      fileName: '防災ガイド（やさしい日本語）.docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      sizeBytes: japaneseDocx.byteLength,
      sha256: sha256(japaneseDocx),
      role: 'source',
      countStatus: 'counting',
      countUnit: null,
      counted: null,
    });
    expect(await countOf(json.id)).toEqual({
      countStatus: 'counted',
      countUnit: 'characters',
      counted: 14 + 15 * 30,
      manuscriptPages: 2,
      pageCount: null,
      countProblem: null,
    });

    const got = await download(json.downloadUrl as string, requesterSession);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(got.headers.get('content-length')).toBe(String(japaneseDocx.byteLength));
    expect(got.headers.get('content-disposition')).toBe(
      `attachment; filename="_____(_______).docx"; filename*=UTF-8''${encodeURIComponent('防災ガイド（やさしい日本語）.docx')}`,
    );
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('cache-control')).toBe('private, no-store');
    expect(sha256(new Uint8Array(await got.arrayBuffer()))).toBe(sha256(japaneseDocx));
  });

  test('a PDF is counted in words and pages; a scanned one by its pages, saying it has no text; an image not at all', async () => {
    const pdf = makePdf(['Please bring your residence card to the city hall.', 'Thank you.']);
    const text = await upload({ name: 'notice.pdf', bytes: pdf });
    expect(text.response.status).toBe(201);
    expect(text.json).toMatchObject({ mediaType: 'application/pdf', countStatus: 'counting' });
    expect(await countOf(text.json.id)).toMatchObject({
      countStatus: 'counted',
      countUnit: 'words',
      counted: 11,
      pageCount: 2,
    });

    const scan = await upload({ name: 'scan.pdf', bytes: makePdf(['', '', '']) });
    expect(await countOf(scan.json.id)).toMatchObject({
      countStatus: 'counted',
      countUnit: 'pages',
      counted: 3,
      pageCount: 3,
      countProblem: 'no_text',
    });

    const broken = await upload({ name: 'broken.pdf', bytes: new TextEncoder().encode('%PDF-1.7\nnot a PDF at all') });
    expect(await countOf(broken.json.id)).toMatchObject({
      countStatus: 'cannot_count',
      counted: null,
      countProblem: 'no_text',
    });

    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const image = await upload({ name: '掲示.png', bytes: png });
    expect(image.json).toMatchObject({
      mediaType: 'image/png',
      countStatus: 'cannot_count',
      countUnit: null,
      counted: null,
      countProblem: 'image',
    });

    const txt = await upload({ name: 'memo.txt', bytes: new TextEncoder().encode('ごみは火曜日に出してください。') });
    expect(txt.json).toMatchObject({
      mediaType: 'text/plain',
      countStatus: 'counted',
      countUnit: 'characters',
      counted: 15,
      manuscriptPages: 1,
    });
  });

  describe('a bad upload gets a typed refusal in the reader’s language and keeps nothing', () => {
    const cases: Array<[string, () => Promise<FilePart>, number, string, string]> = [
      [
        'an executable renamed .docx',
        async () => ({ name: 'invoice.docx', bytes: makeExecutable() }),
        415,
        'type_not_accepted',
        'この種類のファイルは受け付けられません',
      ],
      ['an empty file', async () => ({ name: 'empty.txt', bytes: new Uint8Array() }), 400, 'empty', 'ファイルが空です'],
      [
        'text with a NUL in it',
        async () => ({ name: 'a.txt', bytes: new TextEncoder().encode('abc\u0000def') }),
        415,
        'type_not_accepted',
        '受け付けられません',
      ],
      [
        'bytes that are not UTF-8',
        async () => ({ name: 'a.txt', bytes: new Uint8Array([0x82, 0xa0, 0x82, 0xa2]) }),
        415,
        'type_not_accepted',
        '受け付けられません',
      ],
      [
        'a name with a folder',
        async () => ({ name: '../../etc/passwd.docx', bytes: japaneseDocx }),
        400,
        'file_name',
        'ファイル名に使えない文字',
      ],
      [
        'a name with a control character',
        async () => ({ name: 'letter\u0007.docx', bytes: japaneseDocx }),
        400,
        'file_name',
        'ファイル名に使えない文字',
      ],
      [
        'a name that hides .exe behind a right-to-left override',
        async () => ({ name: 'invoice\u202excod.exe', bytes: japaneseDocx }),
        400,
        'file_name',
        'ファイル名に使えない文字',
      ],
    ];
    test.each(cases)('%s', async (_what, file, status, reason, japanese) => {
      const before = await storedRows();
      const { response, json } = await upload(
        await file(),
        { role: 'source' },
        { headers: { 'accept-language': 'ja' } },
      );
      expect(response.status).toBe(status);
      expect(json.error).toMatchObject({ code: 'UPLOAD_REFUSED', reason });
      expect(json.error?.message).toContain(japanese);
      expect(await storedRows()).toEqual(before);
    });

    test('too large, announced by its length: refused before it is read, in English for an English reader', async () => {
      const before = await storedRows();
      const bytes = new TextEncoder().encode('a '.repeat(1_500_000));
      const { response, json } = await upload(
        { name: 'big.txt', bytes },
        { role: 'source' },
        {
          on: small,
          headers: { 'accept-language': 'en' },
        },
      );
      expect(response.status).toBe(413);
      expect(json.error).toMatchObject({ reason: 'too_large', message: 'The file is too large: the limit is 2 MB.' });
      expect(await storedRows()).toEqual(before);
    });

    test('too large, streamed without a length: two chunks already written are rolled back', async () => {
      const before = await storedRows();
      const { body, contentType } = form(
        { role: 'source' },
        { name: 'big.txt', bytes: new TextEncoder().encode('word '.repeat(700_000)) },
      );
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let offset = 0; offset < body.byteLength; offset += 256 * 1024) {
            controller.enqueue(body.subarray(offset, offset + 256 * 1024));
          }
          controller.close();
        },
      });
      const response = await fetch(`${small.url}/documents`, {
        method: 'POST',
        headers: { 'content-type': contentType, cookie: `tsunagu_session=${requesterSession}` },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect(response.status).toBe(413);
      expect(((await response.json()) as { error: { reason: string } }).error.reason).toBe('too_large');
      expect(await storedRows()).toEqual(before);
    }, 30_000);

    test('one byte over the default 20 MB: refused as too large in the reader’s language, and no document or chunk kept; 20 MB exactly is kept', async () => {
      const before = await storedRows();
      const over = await upload(
        { name: '防災ガイド.txt', bytes: Buffer.alloc(defaultMaxUploadBytes + 1, 'a') },
        { role: 'source' },
        { headers: { 'accept-language': 'ja' } },
      );
      expect(over.response.status).toBe(413);
      expect(over.json.error).toMatchObject({
        code: 'UPLOAD_REFUSED',
        reason: 'too_large',
        message: 'ファイルが大きすぎます。20 MB までにしてください。',
      });
      expect(await storedRows()).toEqual(before);

      const limit = await upload({ name: '防災ガイド.txt', bytes: Buffer.alloc(defaultMaxUploadBytes, 'a') });
      expect(limit.response.status).toBe(201);
      expect(limit.json.sizeBytes).toBe(defaultMaxUploadBytes);
      expect(await storedRows()).toEqual({
        documents: before.documents + 1,
        chunks: before.chunks + Math.ceil(defaultMaxUploadBytes / chunkBytes),
      });
    }, 120_000);

    test('a second upload with the same Idempotency-Key while the first is in flight is refused; after it, the first answer comes again', async () => {
      const before = await storedRows();
      const key = 'upload-guide-1';
      const { body, contentType } = form({ role: 'source' }, { name: 'guide.docx', bytes: japaneseDocx });
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const stream = new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(body.subarray(0, 200));
          await held;
          controller.enqueue(body.subarray(200));
          controller.close();
        },
      });
      const headers = {
        'content-type': contentType,
        cookie: `tsunagu_session=${requesterSession}`,
        'idempotency-key': key,
      };
      const first = fetch(`${api.url}/documents`, {
        method: 'POST',
        headers,
        body: stream,
        duplex: 'half',
      } as RequestInit);
      const { db } = testDb.database;
      for (
        let tries = 0;
        (await db.$count(schema.idempotencyKeys, eq(schema.idempotencyKeys.key, key))) === 0;
        tries++
      ) {
        if (tries > 200) throw new Error('the first upload never claimed its key');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const second = await upload(
        { name: 'guide.docx', bytes: japaneseDocx },
        { role: 'source' },
        {
          headers: { 'idempotency-key': key, 'accept-language': 'en' },
        },
      );
      expect(second.response.status).toBe(409);
      expect(second.json.error).toMatchObject({
        reason: 'upload_in_progress',
        message: 'The same upload is still in progress: wait for it to finish.',
      });

      release();
      const answered = await first;
      expect(answered.status).toBe(201);
      const stored = (await answered.json()) as { id: string };
      const third = await upload(
        { name: 'guide.docx', bytes: japaneseDocx },
        { role: 'source' },
        {
          headers: { 'idempotency-key': key },
        },
      );
      expect(third.response.status).toBe(201);
      expect(third.json.id).toBe(stored.id);
      const after = await storedRows();
      expect(after.documents).toBe(before.documents + 1);
    });

    test('signed out, not multipart, no file, no role: each its own refusal', async () => {
      const before = await storedRows();
      const { body, contentType } = form({ role: 'source' }, { name: 'a.txt', bytes: new TextEncoder().encode('abc') });
      const anonymous = await fetch(`${api.url}/documents`, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body,
      });
      expect(anonymous.status).toBe(401);
      expect(((await anonymous.json()) as { error: { message: string } }).error.message).toBe(
        '先にサインインしてください。',
      );
      const json = await fetch(`${api.url}/documents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `tsunagu_session=${requesterSession}` },
        body: '{}',
      });
      expect(json.status).toBe(415);
      expect((await upload(null)).json.error).toMatchObject({ reason: 'no_file' });
      expect((await upload({ name: 'a.txt', bytes: new Uint8Array([0x61]) }, {})).json.error).toMatchObject({
        code: 'VALIDATION_FAILED',
      });
      expect(
        (await upload({ name: 'a.txt', bytes: new Uint8Array([0x61]) }, { role: 'translation' })).json.error,
      ).toMatchObject({ reason: 'translation_needs_request' });
      expect(await storedRows()).toEqual(before);
    });
  });

  test('downloads left after their first bytes, more of them than the database has connections, leave the API answering and the next download whole', async () => {
    const line = new TextEncoder().encode('避難所の場所を確認しましょう。Check where your shelter is.\n');
    const bytes = Buffer.concat(Array.from({ length: Math.floor(12_000_000 / line.byteLength) }, () => line));
    const { response, json } = await upload({ name: '防災ガイド.txt', bytes });
    expect(response.status).toBe(201);
    for (let left = 0; left < 12; left++) {
      const leaving = new AbortController();
      const got = await fetch(`${api.url}${json.downloadUrl}`, {
        headers: { cookie: `tsunagu_session=${requesterSession}` },
        signal: leaving.signal,
      });
      const first = await got.body?.getReader().read();
      expect(first?.value?.byteLength).toBeGreaterThan(0);
      leaving.abort();
    }
    const got = await download(json.downloadUrl as string, requesterSession);
    expect(got.status).toBe(200);
    expect(sha256(new Uint8Array(await got.arrayBuffer()))).toBe(sha256(bytes));
  }, 60_000);

  test('who downloads a request’s source: its organization, its coordinators and the booked translator; nobody else', async () => {
    const { db } = testDb.database;
    const request = await translationRequest();
    const { response, json } = await upload(
      { name: '原文.docx', bytes: japaneseDocx },
      { role: 'source', requestId: globalId('Request', request.id) },
    );
    expect(response.status).toBe(201);
    const path = json.downloadUrl as string;

    const coordinator = await api.sessionFor((await insertStaffMember(db, associationId, 'coordinator')).id);
    const otherOrganization = await insertOrganization(db, associationId, { name: '堺市役所' });
    const otherClerk = await api.sessionFor((await insertRequester(db, otherOrganization.id)).id);
    const elsewhere = await insertAssociation(db, { nameJa: '兵庫県国際交流協会' });
    const otherCoordinator = await api.sessionFor((await insertStaffMember(db, elsewhere.id, 'coordinator')).id);
    const booked = await insertVolunteer(db, associationId);
    await insertAssignment(db, request, booked.volunteer.id);
    const offered = await insertVolunteer(db, associationId);
    await db.insert(schema.offers).values({
      requestId: request.id,
      volunteerId: offered.volunteer.id,
      wave: 1,
      deadline: new Date('2027-01-16T09:00:00+09:00'),
    });
    const released = await insertVolunteer(db, associationId);
    await insertAssignment(db, request, released.volunteer.id, 'released');

    const cases: Array<[string, string | null, number]> = [
      ['the requesting organization’s staff', requesterSession, 200],
      ['a coordinator of the association', coordinator, 200],
      ['the booked translator', await api.sessionFor(booked.user.id), 200],
      ['a translator only offered the job', await api.sessionFor(offered.user.id), 404],
      ['a translator whose booking was released', await api.sessionFor(released.user.id), 404],
      ['staff of another organization', otherClerk, 404],
      ['a coordinator of another association', otherCoordinator, 404],
      ['someone signed out', null, 401],
    ];
    for (const [who, session, status] of cases) {
      const got = await download(path, session);
      expect({ who, status: got.status }).toEqual({ who, status });
      if (status === 200) expect(sha256(new Uint8Array(await got.arrayBuffer()))).toBe(sha256(japaneseDocx));
      else expect(((await got.json()) as { error: { code: string } }).error.code).toMatch(/NOT_FOUND|UNAUTHENTICATED/);
    }

    const documentId = path.split('/').pop() as string;
    const reads = await db
      .select({ actor: schema.auditLog.actorUserId, fields: schema.auditLog.fields })
      .from(schema.auditLog)
      .where(
        and(
          eq(schema.auditLog.subjectType, 'document'),
          eq(schema.auditLog.subjectId, documentId),
          eq(schema.auditLog.action, 'read'),
        ),
      );
    expect(reads).toHaveLength(3);
    expect(reads.every((read) => read.fields.includes('bytes'))).toBe(true);
    expect(reads.map((read) => read.actor)).toContain(booked.user.id);
  });

  test('the booked translator uploads translations, numbered as they come; a translator not booked cannot', async () => {
    const { db } = testDb.database;
    const request = await translationRequest();
    const booked = await insertVolunteer(db, associationId);
    await insertAssignment(db, request, booked.volunteer.id);
    const session = await api.sessionFor(booked.user.id);
    const fields = { role: 'translation', requestId: request.id };
    const pdf = makePdf(['Disaster guide for foreign residents.']);
    const first = await upload({ name: 'guide-en.pdf', bytes: pdf }, fields, { session });
    const second = await upload({ name: 'guide-en-v2.pdf', bytes: pdf }, fields, { session });
    expect([first.json.version, second.json.version]).toEqual([1, 2]);

    const stranger = await insertVolunteer(db, associationId);
    const refused = await upload({ name: 'x.pdf', bytes: pdf }, fields, {
      session: await api.sessionFor(stranger.user.id),
    });
    expect(refused.response.status).toBe(403);
    expect(refused.json.error?.message).toBe('この操作は担当のボランティアだけができます。');

    const onSite = await insertRequest(db, associationId, organizationId);
    const notTranslation = await upload({ name: 'x.pdf', bytes: pdf }, { role: 'source', requestId: onSite.id });
    expect(notTranslation.json.error).toMatchObject({ reason: 'not_translation_request' });
  });

  test('sources uploaded before filing are attached by the filing, listed on the request, and their count corrected', async () => {
    const docx = await upload({ name: 'お知らせ.docx', bytes: japaneseDocx });
    const pdf = await upload({ name: 'notice.pdf', bytes: makePdf(['Garbage is collected on Tuesdays.']) });
    const filed = await api.graphql<{
      fileRequest: { __typename: string; data?: { id: string; documents: Array<Record<string, unknown>> } };
    }>(
      `mutation ($input: RequestInput!) {
        fileRequest(input: $input) {
          __typename
          ... on MutationFileRequestSuccess { data { id documents { id fileName countUnit counted manuscriptPages pageCount } } }
          ... on Error { message }
        }
      }`,
      {
        input: {
          modality: 'translation',
          languageCode: 'vi',
          translationDirection: 'from_japanese',
          deadline: '2027-02-10T17:00:00+09:00',
          purpose: 'consultation_desk',
          contactName: '窓口 一郎',
          documentIds: [docx.json.id, pdf.json.id],
        },
      },
      { session: requesterSession },
    );
    expect(filed.errors).toBeUndefined();
    expect(filed.data?.fileRequest.__typename).toBe('MutationFileRequestSuccess');
    expect(filed.data?.fileRequest.data?.documents).toEqual([
      {
        id: docx.json.id,
        fileName: 'お知らせ.docx',
        countUnit: 'characters',
        counted: 464,
        manuscriptPages: 2,
        pageCount: null,
      },
      { id: pdf.json.id, fileName: 'notice.pdf', countUnit: 'words', counted: 5, manuscriptPages: null, pageCount: 1 },
    ]);

    const again = await api.graphql<{ fileRequest: { __typename: string } }>(
      `mutation ($input: RequestInput!) { fileRequest(input: $input) { __typename } }`,
      {
        input: {
          modality: 'translation',
          languageCode: 'vi',
          deadline: '2027-02-10T17:00:00+09:00',
          purpose: 'consultation_desk',
          contactName: '窓口 一郎',
          documentIds: [docx.json.id],
        },
      },
      { session: requesterSession },
    );
    expect(again.data?.fileRequest.__typename).toBe('ValidationError');

    const corrected = await api.graphql<{
      correctDocumentCount: { __typename: string; data?: { correctedCount: number; manuscriptPages: number } };
    }>(
      `mutation ($id: ID!) {
        correctDocumentCount(documentId: $id, count: 1201) {
          __typename
          ... on MutationCorrectDocumentCountSuccess { data { correctedCount manuscriptPages } }
        }
      }`,
      { id: docx.json.id },
      { session: requesterSession },
    );
    expect(corrected.data?.correctDocumentCount).toEqual({
      __typename: 'MutationCorrectDocumentCountSuccess',
      data: { correctedCount: 1201, manuscriptPages: 4 },
    });
    const negative = await api.graphql<{ correctDocumentCount: { __typename: string } }>(
      'mutation ($id: ID!) { correctDocumentCount(documentId: $id, count: -1) { __typename } }',
      { id: docx.json.id },
      { session: requesterSession },
    );
    expect(negative.data?.correctDocumentCount.__typename).toBe('ValidationError');
  });
});
