// Rewrites the variable table in infra/config/README.md from variables.ts: `tsx infra/config/update-readme.ts`.
import { readFile, writeFile } from 'node:fs/promises';
import { withEnvTable } from './env-table';

const readme = new URL('./README.md', import.meta.url);
await writeFile(readme, withEnvTable(await readFile(readme, 'utf8')));
