// The accessibility checks themselves, on hand-written pages: each one must catch what it is meant to catch.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  assertNoHorizontalScroll,
  assertTabReaches,
  imagesWithoutAlt,
  parseSnapshotLine,
  unnamedControls,
} from './accessibility';
import { launchChromium } from '../../../infra/testing/chromium';

describe('the browser accessibility checks', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchChromium();
  });
  after(() => browser.close());

  async function onPage(
    html: string,
    body: (page: Page) => Promise<void>,
    width = 1280,
    isMobile = false,
  ): Promise<void> {
    const context = await browser.newContext({ viewport: { width, height: 800 }, isMobile });
    try {
      const page = await context.newPage();
      const meta = isMobile ? '<meta name="viewport" content="width=device-width, initial-scale=1">' : '';
      await page.setContent(`${meta}${html}`);
      await body(page);
    } finally {
      await context.close();
    }
  }

  it('reads role and name from a snapshot line', () => {
    assert.deepEqual(parseSnapshotLine('- textbox "Card number": "4242"'), {
      role: 'textbox',
      name: 'Card number',
    });
    assert.deepEqual(parseSnapshotLine('- button "Say \\"hi\\""'), { role: 'button', name: 'Say "hi"' });
    assert.deepEqual(parseSnapshotLine('- textbox'), { role: 'textbox', name: '' });
    assert.deepEqual(parseSnapshotLine(`- 'img "Sales: 3 \\"x\\" it''s"': x`), {
      role: 'img',
      name: 'Sales: 3 "x" it\'s',
    });
  });

  it('accepts labelled controls and flags the unnamed ones', async () => {
    await onPage(
      `<label>Email <input type="email"></label>
       <label for="pw">Password</label><input id="pw" type="password">
       <input aria-label="Search">
       <input type="hidden" name="csrf">
       <button>Sign in</button>
       <input id="naked" placeholder="">
       <button id="icon"><svg width="8" height="8"></svg></button>`,
      async (page) => {
        const problems = await unnamedControls(page);
        assert.equal(problems.length, 2, problems.join('\n'));
        assert.match(problems[0]!, /id="naked"/);
        assert.match(problems[1]!, /id="icon"/);
      },
    );
  });

  it('flags images without alt text and accepts decorative ones', async () => {
    const pixel = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    await onPage(
      `<img src="${pixel}" alt="QR code" width="10" height="10">
       <img src="${pixel}" alt="" width="10" height="10">
       <img id="bare" src="${pixel}" width="10" height="10">
       <div id="chart" role="img" style="width:10px;height:10px"></div>`,
      async (page) => {
        const problems = await imagesWithoutAlt(page);
        assert.equal(problems.length, 2, problems.join('\n'));
        assert.match(problems.join('\n'), /id="bare"/);
        assert.match(problems.join('\n'), /id="chart"/);
      },
    );
  });

  it('follows Tab through the controls in order and requires a visible focus', async () => {
    const form = `<label>Quantity <input type="number"></label><a href="#x">Help</a><button>Reserve</button>`;
    await onPage(form, (page) =>
      assertTabReaches(page, [
        { role: 'spinbutton', name: 'Quantity' },
        { role: 'button', name: 'Reserve' },
      ]),
    );
    await onPage(form, async (page) => {
      await assert.rejects(
        assertTabReaches(page, [
          { role: 'button', name: 'Reserve' },
          { role: 'spinbutton', name: 'Quantity' },
        ]),
        /in order; passed: spinbutton "Quantity" → link "Help" → button "Reserve"/,
      );
    });
    await onPage(`<style>button:focus { outline: none }</style>${form}`, async (page) => {
      await assert.rejects(
        assertTabReaches(page, [{ role: 'button', name: 'Reserve' }]),
        /focus on button "Reserve" is visible/,
      );
    });
  });

  it('flags a page wider than a phone', async () => {
    await onPage('<p>fits</p>', (page) => assertNoHorizontalScroll(page, 'narrow'), 375);
    await onPage(
      '<div style="width:600px">too wide</div>',
      (page) =>
        assert.rejects(
          assertNoHorizontalScroll(page, 'wide'),
          /wide: page is \d+px wide in a 375px layout viewport on a 375px screen/,
        ),
      375,
    );
  });

  it('flags overflow on a phone, where Chromium widens the layout viewport to the content', async () => {
    const wide = '<div style="position:relative"><div style="width:600px">too wide</div></div>';
    await onPage('<p>fits</p>', (page) => assertNoHorizontalScroll(page, 'narrow'), 375, true);
    await onPage(
      wide,
      (page) => assert.rejects(assertNoHorizontalScroll(page, 'phone'), /on a 375px screen/),
      375,
      true,
    );
  });
});
