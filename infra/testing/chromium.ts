// Debian's Chromium, installed by the test command (infra/services/lib/chromium.sh), driven by playwright-core.
import { access, constants } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  try {
    await access(executablePath, constants.X_OK);
  } catch {
    throw new Error(
      `no Chromium at ${executablePath}: run 'bash infra/services/lib/chromium.sh' (npm test does) or set CHROMIUM_PATH`,
    );
  }
  // --no-sandbox: the tests run as root, where Chromium's sandbox refuses to start.
  return chromium.launch({ executablePath, args: ['--no-sandbox'] });
}
