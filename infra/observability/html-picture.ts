// A page of HTML as a PNG: Debian's Chromium (the one launcher, infra/testing/chromium.ts) opens it at
// the given viewport and screenshots the whole page. What the dashboard and trace pictures share.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium } from '../testing/chromium';

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

/** Writes `html`, as Chromium draws it at `viewport`, to the PNG `out` (its folder made if missing). */
export async function htmlToPng(html: string, out: string, viewport: Viewport): Promise<void> {
  await mkdir(path.dirname(out), { recursive: true });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport });
    await page.setContent(html, { waitUntil: 'load' });
    await page.screenshot({ path: out, fullPage: true });
  } finally {
    await browser.close();
  }
}
