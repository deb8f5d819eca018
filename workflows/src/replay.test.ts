import { readdir, readFile } from 'node:fs/promises';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { expect, test } from 'vitest';
import { historiesDir } from './testing';
import { workflowsPath } from './worker';
import * as workflows from './workflows';
import { dispatchPatches } from './workflows/dispatch';

/** The ids of the `patched()` markers a history recorded. */
function patchesOf(history: ReturnType<typeof historyFromJSON>): string[] {
  return (history.events ?? []).flatMap((event) => {
    const marker = event.markerRecordedEventAttributes;
    const data = marker?.markerName === 'core_patch' ? marker.details?.['patch-data']?.payloads?.[0]?.data : null;
    return data ? [(JSON.parse(Buffer.from(data).toString('utf8')) as { id: string }).id] : [];
  });
}

/**
 * Every recorded history (workflows/fixtures/histories, written by the time-skipping tests with
 * TSUNAGU_RECORD_HISTORIES=1) must replay on the current workflow code: a change that would break
 * the workflows already running fails here, not in production. Change a workflow behind
 * `patched()` and keep the old histories (in a folder named after the patch), plus a new one
 * through each branch.
 */
test('every recorded workflow history replays on the current workflow code', async () => {
  const files = (await readdir(historiesDir, { recursive: true }).catch(() => [] as string[])).filter((file) =>
    file.endsWith('.json'),
  );
  expect(files, `no recorded histories in ${historiesDir}`).not.toEqual([]);
  const histories = await Promise.all(
    files.map(async (file) => ({
      workflowId: file,
      history: historyFromJSON(JSON.parse(await readFile(`${historiesDir}${file}`, 'utf8'))),
    })),
  );
  const recordedTypes = new Set(
    histories.map(
      ({ history }) => history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name ?? '',
    ),
  );
  const workflowTypes = Object.entries(workflows)
    .filter(([, value]) => typeof value === 'function')
    .map(([name]) => name);
  expect([...recordedTypes].sort(), 'each workflow type has a recorded history').toEqual(workflowTypes.sort());
  const dispatchHistories = histories.filter(
    ({ history }) =>
      history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name === 'dispatchRequest',
  );
  for (const patch of dispatchPatches) {
    const through = dispatchHistories.filter(({ history }) => patchesOf(history).includes(patch));
    expect(through.length, `a dispatch history through patch "${patch}"`).toBeGreaterThan(0);
    expect(through.length, `a dispatch history from before patch "${patch}"`).toBeLessThan(dispatchHistories.length);
  }

  const replayed: string[] = [];
  for await (const result of Worker.runReplayHistories({ workflowsPath, replayName: 'fixtures' }, histories)) {
    expect(result.error, `${result.workflowId} no longer replays`).toBeUndefined();
    replayed.push(result.workflowId);
  }
  expect(replayed.sort()).toEqual(files.sort());
}, 120_000);
