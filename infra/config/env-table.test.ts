import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { it } from 'node:test';
import { renderEnvTable, withEnvTable } from './env-table';
import { variables } from './variables';

it('lists every variable with its default in the table', () => {
  const table = renderEnvTable();
  for (const name of Object.keys(variables)) assert.match(table, new RegExp(`^\\| \`${name}\` \\|`, 'm'));
  assert.match(table, /^\| `PORT` \| `3000` \|/m);
  assert.match(table, /^\| `DATABASE_URL` \| — \|/m);
});

it('keeps the README table in step with the variable definitions', async () => {
  const readme = await readFile(new URL('./README.md', import.meta.url), 'utf8');
  assert.equal(readme, withEnvTable(readme), 'run `tsx infra/config/update-readme.ts`');
});
