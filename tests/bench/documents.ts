import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import JSZip from 'jszip';
import postgres from 'postgres';
import { eventually, freePort, spawnApi, temporaryDir } from '../src/support/processes';
import { seed } from './api';
import type { Benchmark } from './run';
import { round } from './stats';

const megabyte = 1_000_000;
const boundary = '----tsunagu-bench-boundary';

type Kind = 'txt' | 'docx';

/**
 * `pnpm bench documents [--sizes 5,20] [--kind txt|docx]`: a requester uploads a document of each size (MB)
 * through the real API process (TSUNAGU_ROLE=api, NODE_ENV=production) on a PostgreSQL database of
 * its own, then downloads it; the bytes that come back must hash as those that went. Both ways the
 * throughput, and the API process's resident memory (a fresh process each way): before (after a warm-up
 * upload, so that the parsers and libraries are loaded) and its peak during each transfer, from /proc (the peak is the
 * kernel's VmHWM, reset through clear_refs before each transfer, and also sampled every 10 ms). A
 * streaming server's peak does not grow with the file: 20 MB costs what 5 MB costs.
 *
 * The document is .txt by default, which is counted as it streams. With `--kind docx` it is a .docx
 * (stored, not deflated, so that its bytes are the size asked): its text extractor (mammoth) reads a
 * file whole, so the API keeps it `counting` and leaves the count to the worker, which this API-only
 * process does not run.
 */
const documents: Benchmark = async (args) => {
  const { values } = parseArgs({
    args,
    options: { sizes: { type: 'string', default: '5,20' }, kind: { type: 'string', default: 'txt' } },
  });
  const sizes = (values.sizes ?? '5,20').split(',').map(Number);
  const kind: Kind = values.kind === 'docx' ? 'docx' : 'txt';
  const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `tsunagu_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${name}`;
  const figures: Record<string, number | string | boolean> = { kind };
  try {
    const session = await seed(databaseUrl.toString(), 20, 'requester');
    for (const size of sizes) {
      Object.assign(figures, await transfer(databaseUrl.toString(), session, size, kind));
    }
    const largest = Math.max(...sizes);
    const smallest = Math.min(...sizes);
    const growth = (size: number) =>
      Math.max(Number(figures[`growthUpload${size}Mb`]), Number(figures[`growthDownload${size}Mb`]));
    // Streaming: the largest file may not cost more than the smallest by more than a few chunks' worth.
    figures.streams = growth(largest) - growth(smallest) < 8;
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  return figures;
};

/**
 * One size, each way in an API process of its own, so that each starts from the same memory: V8
 * keeps the heap it grew for an earlier transfer, and the garbage an upload leaves for a later
 * collection, which would be counted against what follows (a download measured in the upload's
 * process was charged tens of megabytes of the upload's uncollected strings).
 */
async function transfer(databaseUrl: string, session: string, size: number, kind: Kind) {
  const cookie = `tsunagu_session=${session}`;
  const file = await documentOf(kind, size);
  const up = await inApi(databaseUrl, cookie, size, kind, (url, pid) =>
    measured(pid, () => upload(url, cookie, size, kind, file)),
  );
  const down = await inApi(databaseUrl, cookie, size, kind, (url, pid) =>
    measured(pid, () => download(url, cookie, up.result.downloadUrl)),
  );
  if (down.result.sha256 !== up.result.sha256 || down.result.bytes !== up.result.sizeBytes) {
    throw new Error(
      `the ${size} MB download is not the upload: ${JSON.stringify({ up: up.result, down: down.result })}`,
    );
  }
  const line = {
    [`rssBefore${size}Mb`]: round(up.beforeKb / 1024, 1),
    [`rssBeforeDownload${size}Mb`]: round(down.beforeKb / 1024, 1),
    [`upload${size}MbPerS`]: round(up.result.sizeBytes / megabyte / up.seconds, 1),
    [`download${size}MbPerS`]: round(down.result.bytes / megabyte / down.seconds, 1),
    [`peakRssUpload${size}Mb`]: round(up.peakKb / 1024, 1),
    [`peakRssDownload${size}Mb`]: round(down.peakKb / 1024, 1),
    [`growthUpload${size}Mb`]: round((up.peakKb - up.beforeKb) / 1024, 1),
    [`growthDownload${size}Mb`]: round((down.peakKb - down.beforeKb) / 1024, 1),
  };
  console.log(`${size} MB (API processes ${up.pid}, ${down.pid}): ${JSON.stringify(line)}`);
  return line;
}

/**
 * Runs `run` in a fresh API process once it answers and is warm (the parsers, file-type and the
 * counting loaded by a small upload and its download), with the process's resident memory before.
 */
async function inApi<T>(
  databaseUrl: string,
  cookie: string,
  size: number,
  kind: Kind,
  run: (url: string, pid: number) => Promise<T>,
): Promise<T & { beforeKb: number; pid: number }> {
  const server = spawnApi({
    DATABASE_URL: databaseUrl,
    TSUNAGU_ROLE: 'api',
    NODE_ENV: 'production',
    // Production wants a key of its own for the payout data (the development key is public); any will do here.
    PAYOUT_MASTER_KEY: randomBytes(32).toString('base64'),
    SMTP_URL: 'smtp://127.0.0.1:2525',
    LOG_LEVEL: 'warn',
    DOCUMENT_MAX_BYTES: String(size * megabyte + megabyte),
    TSUNAGU_DATA_DIR: temporaryDir('bench-documents'),
    PORT: String(await freePort()),
    TEMPORAL_DEV_PORT: String(await freePort()),
    TEMPORAL_UI_PORT: String(await freePort()),
  });
  const pid = server.child.pid ?? 0;
  try {
    await eventually(
      'the API to answer',
      async () => {
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1' },
          body: JSON.stringify({ query: '{ health { database } }' }),
        });
        if (!response.ok) throw new Error(`status ${response.status}`);
      },
      server,
    );
    const warm = await upload(server.url, cookie, 1, kind);
    await download(server.url, cookie, warm.downloadUrl);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const beforeKb = rssKb(pid);
    return { ...(await run(server.url, pid)), beforeKb, pid };
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
}

const line = new TextEncoder().encode('避難所の場所を確認しましょう。Check where your shelter is.\n');

/**
 * A .docx of about `size` MB, built in the bench's own process before the transfer is measured: a
 * paragraph per line of the text, stored without compression.
 */
async function documentOf(kind: Kind, size: number): Promise<Uint8Array | null> {
  if (kind === 'txt') return null;
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const paragraph = `<w:p><w:r><w:t>${new TextDecoder().decode(line).trim()}</w:t></w:r></w:p>`;
  const paragraphs = Math.ceil((size * megabyte) / Buffer.byteLength(paragraph));
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraph.repeat(paragraphs)}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
}

/**
 * A document of `size` MB sent as a form as it is made (chunked, no length): a text of Japanese and
 * English lines, or the .docx given.
 */
async function upload(url: string, cookie: string, size: number, kind: Kind, file?: Uint8Array | null) {
  const docx = kind === 'docx' ? (file ?? (await documentOf(kind, size))) : null;
  // Whole lines: a text cut inside a character is no UTF-8, and refused.
  const total = docx ? docx.byteLength : Math.floor((size * megabyte) / line.byteLength) * line.byteLength;
  const encoder = new TextEncoder();
  const head = encoder.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="role"\r\n\r\nsource\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="防災ガイド-${size}MB.${kind}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = encoder.encode(`\r\n--${boundary}--\r\n`);
  const block = new Uint8Array(64 * 1024 - ((64 * 1024) % line.byteLength));
  for (let offset = 0; offset < block.byteLength; offset += line.byteLength) block.set(line, offset);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(head);
    },
    pull(controller) {
      if (sent >= total) {
        controller.enqueue(tail);
        controller.close();
        return;
      }
      const end = Math.min(sent + block.byteLength, total);
      const piece = docx ? docx.subarray(sent, end) : block.subarray(0, end - sent);
      sent = end;
      controller.enqueue(piece);
    },
  });
  const response = await fetch(`${url}/documents`, {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie },
    body,
    duplex: 'half',
  } as RequestInit);
  const answer = (await response.json()) as { downloadUrl: string; sha256: string; sizeBytes: number; counted: number };
  if (response.status !== 201)
    throw new Error(`upload of ${size} MB answered ${response.status}: ${JSON.stringify(answer)}`);
  return answer;
}

async function download(url: string, cookie: string, path: string) {
  const response = await fetch(`${url}${path}`, { headers: { cookie } });
  if (response.status !== 200 || !response.body) throw new Error(`download answered ${response.status}`);
  const hash = createHash('sha256');
  let bytes = 0;
  const reader = response.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    hash.update(read.value);
    bytes += read.value.byteLength;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Runs a transfer, with the process's peak resident memory over it (VmHWM after a reset, and samples). */
async function measured<T>(pid: number, run: () => Promise<T>) {
  resetPeak(pid);
  let sampled = rssKb(pid);
  const sampler = setInterval(() => {
    sampled = Math.max(sampled, rssKb(pid));
  }, 10);
  const started = performance.now();
  try {
    const result = await run();
    const seconds = (performance.now() - started) / 1000;
    return { result, seconds, peakKb: Math.max(sampled, peakKb(pid) ?? 0) };
  } finally {
    clearInterval(sampler);
  }
}

const statusField = (pid: number, field: string) =>
  Number(
    new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN,
  );
const rssKb = (pid: number) => statusField(pid, 'VmRSS');
const peakKb = (pid: number) => {
  const value = statusField(pid, 'VmHWM');
  return Number.isNaN(value) ? null : value;
};

/** Writing 5 to clear_refs resets the peak (VmHWM) to the current RSS (Linux 4.0 on); without it, samples alone. */
function resetPeak(pid: number) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Not allowed here: the sampled peak stands alone.
  }
}

export default documents;
