import { execFile } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { rootDir } from '@tsunagu/server';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { temporaryDir } from './support/processes';

/**
 * The house's import rules, and proof that they still bite. The domain (services/domain) imports
 * no database, GraphQL, Temporal, services or Node built-in: Biome's noRestrictedImports and
 * noNodejsModules (biome.json) say so, checked here on files written for the purpose. A workflow
 * file imports values only from @temporalio/workflow, @tsunagu/domain and the other workflow files
 * (types from anywhere: they are erased from the bundle); Biome cannot tell a type import from a
 * value import, so this file checks that rule itself, with the TypeScript parser.
 */

const biome = join(rootDir, 'node_modules/.bin/biome');

interface Diagnostic {
  category: string;
  location: { path: string };
}

describe('the domain imports only its own modules, luxon and zod (Biome)', () => {
  let dir: string;
  let flagged: Map<string, string[]>;

  const forbidden = [
    '@tsunagu/db',
    'drizzle-orm',
    'drizzle-orm/pg-core',
    '@tsunagu/services',
    'graphql',
    '@pothos/core',
    '@temporalio/workflow',
    'pino',
    'postgres',
    'node:crypto',
    'fs',
    'path',
  ];
  const allowed = ['luxon', 'zod', './clock', '../errors'];
  const allowedInTests = ['vitest', 'fast-check', '@holiday-jp/holiday_jp'];
  const source = (specifier: string) => `import * as imported from '${specifier}';\n\nexport const value = imported;\n`;
  const fileOf = (specifier: string, kind: 'src' | 'test') =>
    `services/domain/src/rules/${specifier.replace(/[^a-z]+/g, '-')}${kind === 'test' ? '.test' : ''}.ts`;

  beforeAll(async () => {
    // Biome reads the project's own biome.json in a directory of its own, so that no file is
    // written into the tree that other tools (tsc, vitest) are reading.
    dir = temporaryDir('import-rules');
    await copyFile(join(rootDir, 'biome.json'), join(dir, 'biome.json'));
    const files = [
      ...[...forbidden, ...allowed, ...allowedInTests].map((specifier) => [fileOf(specifier, 'src'), specifier]),
      ...[...forbidden, ...allowedInTests].map((specifier) => [fileOf(specifier, 'test'), specifier]),
    ];
    for (const [file, specifier] of files as [string, string][]) {
      await mkdir(dirname(join(dir, file)), { recursive: true });
      await writeFile(join(dir, file), source(specifier));
    }
    const run = await promisify(execFile)(biome, ['lint', '--vcs-enabled=false', '--reporter=json', 'services'], {
      cwd: dir,
    }).catch((failed: { stdout: string }) => failed);
    const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: Diagnostic[] };
    flagged = new Map();
    for (const { category, location } of diagnostics) {
      flagged.set(location.path, [...(flagged.get(location.path) ?? []), category]);
    }
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test.each(forbidden)('a domain module may not import %s', (specifier) => {
    expect(flagged.get(fileOf(specifier, 'src'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/noRestrictedImports|noNodejsModules/)]),
    );
  });

  test.each(forbidden)('nor may a domain test import %s', (specifier) => {
    expect(flagged.get(fileOf(specifier, 'test'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/noRestrictedImports|noNodejsModules/)]),
    );
  });

  test.each(allowed)('a domain module may import %s', (specifier) => {
    expect(flagged.get(fileOf(specifier, 'src')) ?? []).toEqual([]);
  });

  test.each(allowedInTests)('a domain test may import %s, a domain module may not', (specifier) => {
    expect(flagged.get(fileOf(specifier, 'test')) ?? []).toEqual([]);
    expect(flagged.get(fileOf(specifier, 'src'))).toContain('lint/style/noRestrictedImports');
  });
});

const workflowValueSources = ['@temporalio/workflow', '@tsunagu/domain'];
const workflowsDir = join(rootDir, 'workflows/src/workflows');

/**
 * The modules a workflow file loads at run time that it may not: any but @temporalio/workflow,
 * @tsunagu/domain and the workflow files. `import { type A }` counts as loading the module, since
 * verbatimModuleSyntax keeps it as `import {}`; only `import type` is erased.
 */
function forbiddenWorkflowImports(fileName: string, text: string): string[] {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const loaded: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.importClause?.isTypeOnly) loaded.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) loaded.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [specifier] = node.arguments;
      loaded.push(specifier && ts.isStringLiteral(specifier) ? specifier.text : (specifier?.getText(file) ?? ''));
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require') {
      loaded.push(node.arguments[0]?.getText(file) ?? '');
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return loaded.filter((specifier) => {
    if (workflowValueSources.includes(specifier)) return false;
    if (!specifier.startsWith('.')) return true;
    const target = resolve(dirname(fileName), specifier);
    return relative(workflowsDir, target).startsWith('..');
  });
}

describe('workflow files import values only from @temporalio/workflow and @tsunagu/domain', () => {
  test('every workflow file keeps to it', async () => {
    const files = [
      join(rootDir, 'workflows/src/workflows.ts'),
      ...(await readdir(workflowsDir, { recursive: true }))
        .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
        .map((name) => join(workflowsDir, name)),
    ];
    expect(files.length).toBeGreaterThan(2);
    const problems: string[] = [];
    for (const file of files) {
      for (const specifier of forbiddenWorkflowImports(file, await readFile(file, 'utf8'))) {
        problems.push(`${relative(rootDir, file)} loads ${specifier}`);
      }
    }
    expect(problems).toEqual([]);
  });

  const dispatch = join(workflowsDir, 'dispatch.ts');
  test.each([
    ["import { sleep } from '@temporalio/workflow';", []],
    ["import { earliest } from '@tsunagu/domain';", []],
    ["import type { Activities } from '../activities';", []],
    ["import type { AcceptOutcome } from '@tsunagu/services';", []],
    ["export { dispatchRequest } from './dispatch';", []],
    ["import { createServices } from '@tsunagu/services';", ['@tsunagu/services']],
    ["import { type AcceptOutcome } from '@tsunagu/services';", ['@tsunagu/services']],
    ["import { createActivities } from '../activities';", ['../activities']],
    ["import * as activities from '../activities';", ['../activities']],
    ["import '@tsunagu/db';", ['@tsunagu/db']],
    ["export { Client } from '@temporalio/client';", ['@temporalio/client']],
    ["const fs = await import('node:fs');", ['node:fs']],
  ])('%s', (line, loaded) => {
    expect(forbiddenWorkflowImports(dispatch, line)).toEqual(loaded);
  });
});
