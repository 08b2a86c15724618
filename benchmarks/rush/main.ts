// `npm run bench:rush`: the rush with every role running (issue 13, `rush-main.ts`), or with
// `--scenario wave` the expiry wave after it (issue 14, `wave-main.ts`). README.md beside this.
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { scenario: { type: 'string', default: 'rush' } }, strict: false });
if (values.scenario === 'wave') await import('./wave-main');
else if (values.scenario === 'rush') await import('./rush-main');
else throw new Error(`--scenario is rush or wave (got ${String(values.scenario)})`);
