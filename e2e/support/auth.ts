import { expect, type Page } from '@playwright/test';

export const demoPassword = 'tourdesk-demo';
export const demoUsers = {
  organizer: 'organizer@example.com',
  coordinator: 'coordinator@example.com',
  journalist: 'journalist@example.com',
  journalist2: 'journalist2@example.com',
} as const;

/** Signs in through next-auth's own endpoints; the page's context keeps the session cookie. */
export async function loginAs(page: Page, email: string, password = demoPassword, origin = '') {
  const { csrfToken } = await (await page.request.get(`${origin}/api/auth/csrf`)).json();
  const res = await page.request.post(`${origin}/api/auth/callback/credentials`, {
    form: { csrfToken, email, password, json: 'true' },
    maxRedirects: 0,
  });
  expect(res.status(), `sign-in of ${email}`).toBeLessThan(400);
  const session = await (await page.request.get(`${origin}/api/auth/session`)).json();
  expect(session?.user?.email, `session of ${email}`).toBe(email);
}
