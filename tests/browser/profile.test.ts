// A buyer's profile: name and e-mail language saved through PUT /auth/me; signing out in one tab signs out
// every tab of the browser.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  api,
  apiToken,
  assertAccessibleBasics,
  assertNoHorizontalScroll,
  control,
  expectHeading,
  expectVisible,
  signUp,
  useBrowserSuite,
} from './support';

type Me = { name: string; locale: string };

describe('the profile page in a browser', () => {
  const suite = useBrowserSuite();

  it('renames the buyer and switches their e-mails to Thai (phone)', async (t) => {
    const buyer = {
      name: 'Profile Buyer',
      email: `profile-${randomUUID().slice(0, 8)}@example.com`,
      password: 'profile-pass-1',
    };
    await suite.page(t, 'phone', async ({ page, screenshot }) => {
      await signUp(page, buyer);
      await control(page, /Profile of Profile Buyer/).click();
      await expectHeading(page, 'Profile');
      await expectVisible(page.getByText(buyer.email), 'the account e-mail');
      await assertAccessibleBasics(page, 'profile page');
      await assertNoHorizontalScroll(page, 'profile page');

      await page.getByLabel('Name').fill('');
      await page.getByRole('button', { name: 'Save profile' }).click();
      await expectVisible(page.getByText(/name must be longer than or equal to 1/i), 'the name field error');

      await page.getByLabel('Name').fill('Somchai Buyer');
      await page.getByLabel('Language of your e-mails').selectOption('th');
      await page.getByRole('button', { name: 'Save profile' }).click();
      await expectVisible(page.getByText('Your profile is saved.'), 'the saved status');
      await expectVisible(control(page, /Profile of Somchai Buyer/), 'the new name in the header');
      await screenshot('profile-saved');
    });
    const token = await apiToken(suite.url, buyer);
    const me = await api<Me>(suite.url, 'GET', '/auth/me', { token });
    assert.deepEqual({ name: me.name, locale: me.locale }, { name: 'Somchai Buyer', locale: 'th' });
  });

  it('signs out every tab of the browser when one tab signs out', async (t) => {
    const buyer = {
      name: 'Two Tabs',
      email: `tabs-${randomUUID().slice(0, 8)}@example.com`,
      password: 'two-tabs-pass-1',
    };
    await suite.page(t, 'desktop', async ({ page, context, screenshot }) => {
      await signUp(page, buyer);
      const secondTab = await context.newPage();
      await secondTab.goto('/bookings');
      await expectHeading(secondTab, 'My bookings');

      await page.getByRole('button', { name: 'Sign out' }).click();
      await expectVisible(control(page, 'Sign in'), 'the signed-out header in the first tab');
      await expectVisible(control(secondTab, 'Sign in'), 'the signed-out header in the second tab', 10_000);
      await expectHeading(secondTab, 'Sign in');
      await screenshot('signed-out');
      const stored = await secondTab.evaluate(() => Object.keys(localStorage));
      assert.deepEqual(stored, [], 'no token left in storage');
    });
  });
});
