import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { jobOf, scrapedRoles } from './metric-names';
import { promtool } from './promtool';

const dir = path.join(import.meta.dirname, 'prometheus');
const read = (file: string) => readFile(path.join(dir, file), 'utf8');

const alerts = [
  'BookingRushHighErrorRate',
  'BookingRushHighLatency',
  'BookingRushFollowerBehind',
  'BookingRushSagaCommandsFailing',
  'BookingRushDeadLetters',
  'BookingRushRoleDown',
  'BookingRushWaitingRoomStuck',
];
/** The anchors of docs/runbook.md's sections, as a Markdown renderer makes them from the headings. */
async function runbookAnchors(): Promise<string[]> {
  const runbook = await readFile(path.resolve(import.meta.dirname, '../../docs/runbook.md'), 'utf8');
  return [...runbook.matchAll(/^#{2,3} (.+)$/gm)].map(([, heading]) =>
    heading!
      .toLowerCase()
      .replace(/[^a-z0-9 -]/g, '')
      .replace(/ /g, '-'),
  );
}

/** The rule blocks of alerts.yml, by alert name (the text from one `- alert:` to the next). */
function ruleBlocks(text: string): Map<string, string> {
  const blocks = text.split(/^\s+- alert: /m).slice(1);
  return new Map(blocks.map((block) => [block.split('\n')[0]?.trim() ?? '', block]));
}

describe('alert rules (infra/observability/prometheus)', () => {
  it('are valid rules for promtool, all seven in the group booking-rush', async () => {
    const check = promtool(['check', 'rules', 'alerts.yml'], dir);
    assert.equal(check.status, 0, check.output);
    assert.match(check.output, /SUCCESS: 7 rules found/);
    const text = await read('alerts.yml');
    assert.match(text, /^ {2}- name: booking-rush$/m);
    assert.deepEqual([...ruleBlocks(text).keys()], alerts);
  });

  it('each carries a severity, a summary, a description and a runbook section that exists', async () => {
    const runbookSections = await runbookAnchors();
    for (const [alert, block] of ruleBlocks(await read('alerts.yml'))) {
      assert.match(block, /^\s+severity: (critical|warning)$/m, `${alert}: severity`);
      assert.match(block, /^\s+summary: \S/m, `${alert}: summary`);
      assert.match(block, /^\s+description: \S/m, `${alert}: description`);
      const runbook = /^\s+runbook_url: docs\/runbook\.md#([a-z-]+)$/m.exec(block)?.[1];
      assert.ok(
        runbook && runbookSections.includes(runbook),
        `${alert}: runbook_url names a section (${runbook})`,
      );
    }
  });

  it('pass their unit tests: each fires on its series and stays quiet below its threshold', async () => {
    const run = promtool(['test', 'rules', 'alerts.test.yml'], dir);
    assert.equal(run.status, 0, run.output);
    assert.match(run.output, /SUCCESS/);
    // Every alert has a case where it fires (with its labels and annotations) and one where it must not.
    const tests = await read('alerts.test.yml');
    for (const alert of alerts) {
      assert.match(
        tests,
        new RegExp(`alertname: ${alert}\\n\\s+exp_alerts:\\n\\s+- exp_labels:`),
        `${alert} fires`,
      );
      assert.match(tests, new RegExp(`alertname: ${alert}\\n\\s+exp_alerts: \\[\\]`), `${alert} stays quiet`);
    }
  });

  it("docker-compose's prometheus.yml is a valid configuration loading the same rules", () => {
    const check = promtool(['check', 'config', 'prometheus.yml'], dir);
    assert.equal(check.status, 0, check.output);
    assert.match(check.output, /SUCCESS: 1 rule files found/);
    assert.match(check.output, /SUCCESS: 7 rules found/);
  });

  it("docker-compose's prometheus.yml scrapes every role as job booking-rush-<role>", async () => {
    const text = await read('prometheus.yml');
    const jobs = [...text.matchAll(/job_name: (\S+)/g)].map((match) => match[1]).sort();
    assert.deepEqual(jobs, scrapedRoles.map(jobOf).sort());
  });
});
