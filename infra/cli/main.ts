// The one command-line entry: `tsx infra/cli/main.ts <role>` (`npm start` runs the `start` role).
import { runCli } from './run-cli';

const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
if (code !== undefined) process.exit(code);
