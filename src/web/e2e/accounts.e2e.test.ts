/**
 * Multi-user mode in the browser: each person signs in in their own browser context; a participant
 * cannot read or delete another participant's scenario (403), and local mode needs no sign-in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EXAMPLE_MODEL } from '../../server/config.js';
import { UsersStore } from '../../server/auth/users-store.js';
import { expectAccessible, launchContexts, runE2E, startSession, warnSkipped, type Session } from './helpers.js';

warnSkipped();

async function signIn(page: Page, url: string, name: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel(/^(User name|Usuario)$/).fill(name);
  await page.getByLabel(/^(Password|Contraseña)$/).fill(password);
  await page.getByRole('button', { name: /^(Sign in|Iniciar sesión)$/ }).click();
  await page.waitForSelector('.lever', { state: 'attached', timeout: 120_000 });
}

describe.skipIf(!runE2E)('accounts and ownership (igem serve --multi-user)', () => {
  let session: Session;
  let browsers: Awaited<ReturnType<typeof launchContexts>>;

  beforeAll(async () => {
    session = await startSession(EXAMPLE_MODEL, ['--multi-user']);
    const users = new UsersStore(session.dataDir);
    await users.addUser('ana', 'participant', 'clave-de-ana');
    await users.addUser('luis', 'participant', 'clave-de-luis');
    users.close();
    browsers = await launchContexts(2);
  }, 240_000);
  afterAll(async () => {
    await browsers?.close();
    await session?.close();
  });

  it('a participant cannot read or delete another\'s scenario (403)', async () => {
    const [a, b] = await Promise.all(browsers.contexts.map((c) => c.newPage()));
    await a!.goto(session.server.url);
    await a!.waitForSelector('form input[type="password"]');
    await expectAccessible(a!);
    await signIn(a!, session.server.url, 'ana', 'clave-de-ana');
    const id = await a!.evaluate(async () => {
      const csrf = ((await (await fetch('/api/csrf')).json()) as { csrfToken: string }).csrfToken;
      const r = await fetch('/api/scenarios', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify({ modelId: 'green-growth', name: 'De Ana', params: { 'carbon tax': 40 } }) });
      return ((await r.json()) as { id: string }).id;
    });
    expect(id).toMatch(/[0-9a-f-]{36}/);
    await signIn(b!, session.server.url, 'luis', 'clave-de-luis');
    const statuses = await b!.evaluate(async (sid) => {
      const csrf = ((await (await fetch('/api/csrf')).json()) as { csrfToken: string }).csrfToken;
      const read = await fetch(`/api/scenarios/${sid}`);
      const del = await fetch(`/api/scenarios/${sid}`, { method: 'DELETE', headers: { 'x-csrf-token': csrf } });
      const list = (await (await fetch('/api/scenarios?model=green-growth')).json()) as { scenarios: unknown[] };
      return [read.status, del.status, list.scenarios.length];
    }, id);
    expect(statuses).toEqual([403, 403, 0]);
    // The owner still has it.
    expect(await a!.evaluate(async (sid) => (await fetch(`/api/scenarios/${sid}`)).status, id)).toBe(200);
  }, 240_000);
});
