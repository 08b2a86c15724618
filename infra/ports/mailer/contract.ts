import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { MailMessage, Mailer } from './mailer';

export type MailerFixture = {
  readonly mailer: Mailer;
  /** The messages the adapter handed on (what an SMTP server received, or what was logged). */
  delivered(): Promise<readonly { readonly messageId: string; readonly subject: string }[]>;
};

export const contractMessage = (n: number): MailMessage => ({
  to: { name: 'Somchai ใจดี', address: `buyer-${n}@example.test` },
  subject: `Your tickets ${n} — ตั๋วของคุณ`,
  html: `<p>Hello ${n}</p><img src="cid:qr-${n}">`,
  text: `Hello ${n}`,
  messageId: `<contract-${n}.${Date.now()}@booking-rush.test>`,
  attachments: [
    {
      filename: 'qr.png',
      content: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
      contentType: 'image/png',
      cid: `qr-${n}`,
    },
  ],
});

/** What every Mailer adapter does: it answers with the Message-ID it was given, and hands the mail on. */
export function describeMailerContract(open: () => Promise<MailerFixture>): void {
  it('sends a message under the Message-ID the caller chose', async () => {
    const fixture = await open();
    try {
      const message = contractMessage(1);
      const sent = await fixture.mailer.send(message);
      assert.equal(sent.messageId, message.messageId);
      const delivered = await fixture.delivered();
      assert.deepEqual(
        delivered.map(({ messageId, subject }) => ({ messageId, subject })),
        [{ messageId: message.messageId, subject: message.subject }],
      );
    } finally {
      await fixture.mailer.close();
    }
  });
}
