// A trace's picture: the waterfall drawn as a page (waterfall-page.ts) and screenshotted to PNG by
// Debian's Chromium (../html-picture.ts), with its plain-text tree (waterfall-text.ts) beside it.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { htmlToPng } from '../html-picture';
import type { Waterfall } from './waterfall';
import { pageHeight, pageLayout, waterfallPage } from './waterfall-page';
import { waterfallText } from './waterfall-text';

export interface TracePictureRequest {
  readonly waterfall: Waterfall;
  readonly title: string;
  readonly notes?: readonly string[];
  readonly roleColors?: Readonly<Record<string, string>>;
  /** The PNG to write; the text goes beside it, as the same name ending in .txt. */
  readonly out: string;
  /** Also keep the page drawn (for a look, or a test). */
  readonly htmlOut?: string;
}

export interface TracePicture {
  readonly html: string;
  readonly text: string;
  readonly png: string;
  readonly textFile: string;
}

/** `docs/images/trace.png` → `docs/images/trace.txt`. */
export const textFileFor = (png: string): string =>
  path.join(path.dirname(png), `${path.basename(png, path.extname(png))}.txt`);

export async function renderTracePicture(request: TracePictureRequest): Promise<TracePicture> {
  const { title, notes, roleColors } = request;
  const page = { title, ...(notes && { notes }), ...(roleColors && { roleColors }) };
  const html = waterfallPage(request.waterfall, page);
  const text = waterfallText(request.waterfall, page);
  if (request.htmlOut) {
    await mkdir(path.dirname(request.htmlOut), { recursive: true });
    await writeFile(request.htmlOut, html);
  }
  await htmlToPng(html, request.out, { width: pageLayout.width, height: pageHeight(request.waterfall) });
  const textFile = textFileFor(request.out);
  await writeFile(textFile, text);
  return { html, text, png: request.out, textFile };
}
