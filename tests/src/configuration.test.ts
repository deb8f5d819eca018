import { createServer } from 'node:net';
import { describe, expect, test } from 'vitest';
import { freePort, spawnApi, temporaryDir } from './support/processes';

/** Starts the API process with a bad setting and returns what it printed and how it ended. */
async function startWith(env: Record<string, string>) {
  const api = spawnApi({ TSUNAGU_DATA_DIR: temporaryDir('config'), ...env });
  const code = await api.exited;
  return { code, lines: api.stderr().trim().split('\n'), stderr: api.stderr() };
}

function expectOneLine(result: { code: number | null; lines: string[]; stderr: string }, pattern: RegExp) {
  expect(result.code).not.toBe(0);
  expect(result.lines).toHaveLength(1);
  expect(result.lines[0]).toMatch(/^tsunagu: /);
  expect(result.lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

/** A master key of the right shape, for starts that fail on something else. */
const key = Buffer.alloc(32, 7).toString('base64');

describe('a bad configuration stops the API process with one line naming the problem', () => {
  test('a DATABASE_URL that is not a PostgreSQL URL (and the password is not echoed)', async () => {
    const result = await startWith({ DATABASE_URL: 'mysql://clerk:s3cret@db.example/tsunagu' });
    expectOneLine(result, /DATABASE_URL is not a PostgreSQL URL/);
    expect(result.stderr).not.toContain('s3cret');
  });

  test('a PORT that is not a port number', async () => {
    expectOneLine(await startWith({ PORT: 'eighty' }), /PORT must be a port number/);
  });

  test('a TEMPORAL_MAX_CACHED_WORKFLOWS below the two a worker needs', async () => {
    expectOneLine(
      await startWith({ TEMPORAL_MAX_CACHED_WORKFLOWS: '1' }),
      /TEMPORAL_MAX_CACHED_WORKFLOWS must be a number of workflows from 2 to 100000, not "1"/,
    );
  });

  test('two problems at once are both named, one line each', async () => {
    const result = await startWith({ PORT: '0x50', TEMPORAL_ADDRESS: 'not an address' });
    expect(result.code).not.toBe(0);
    expect(result.lines).toEqual([
      expect.stringMatching(/^tsunagu: PORT must be a port number/),
      expect.stringMatching(/^tsunagu: TEMPORAL_ADDRESS must be host:port/),
    ]);
  });

  test('production without SMTP_URL: the mail catcher is not for production', async () => {
    const result = await startWith({ NODE_ENV: 'production', PORT: String(await freePort()), PAYOUT_MASTER_KEY: key });
    expectOneLine(result, /SMTP_URL is required in production \(NODE_ENV=production\)/);
  });

  test('production without PAYOUT_MASTER_KEY: the development key is public', async () => {
    const result = await startWith({
      NODE_ENV: 'production',
      PORT: String(await freePort()),
      SMTP_URL: 'smtp://127.0.0.1:2525',
    });
    expectOneLine(result, /PAYOUT_MASTER_KEY is required in production/);
  });

  test('a PAYOUT_MASTER_KEY that is not 32 bytes in base64 (and the key is not echoed)', async () => {
    const result = await startWith({ PAYOUT_MASTER_KEY: 'c2hvcnQta2V5LXNlY3JldA==' });
    expectOneLine(result, /PAYOUT_MASTER_KEY must be 32 random bytes in base64/);
    expect(result.stderr).not.toContain('c2hvcnQta2V5LXNlY3JldA==');
  });

  test('a PORT already in use', async () => {
    const port = await freePort();
    const occupant = createServer();
    await new Promise<void>((resolve) => occupant.listen(port, '127.0.0.1', resolve));
    try {
      expectOneLine(await startWith({ PORT: String(port) }), new RegExp(`PORT ${port} is already in use`));
    } finally {
      occupant.close();
    }
  });

  test('a PostgreSQL server that does not answer', async () => {
    const port = await freePort();
    const result = await startWith({
      PORT: String(await freePort()),
      DATABASE_URL: `postgres://tsunagu@127.0.0.1:${port}/tsunagu`,
    });
    expectOneLine(result, new RegExp(`PostgreSQL at 127.0.0.1:${port} cannot be used`));
  });

  test('a Temporal address where nothing answers', async () => {
    const port = await freePort();
    const result = await startWith({ PORT: String(await freePort()), TEMPORAL_ADDRESS: `127.0.0.1:${port}` });
    expectOneLine(result, new RegExp(`Temporal at 127.0.0.1:${port} is unreachable`));
  });

  test('no Temporal CLI where TEMPORAL_CLI_PATH points', async () => {
    const result = await startWith({
      PORT: String(await freePort()),
      TEMPORAL_DEV_PORT: String(await freePort()),
      TEMPORAL_CLI_PATH: '/nonexistent/temporal',
    });
    expectOneLine(result, /the Temporal CLI was not found at "\/nonexistent\/temporal"/);
  });
});
