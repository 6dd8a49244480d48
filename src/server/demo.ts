import { randomBytes } from 'node:crypto';
import type { Trainyard } from './bootstrap.js';

export const DEMO_EMAIL = 'demo@trainyard.local';

/**
 * On an empty database, a demo account so a new user can call the API at once: its token and a
 * ready curl line are printed at start-up (TRAINYARD_DEMO=0 turns this off).
 */
export async function createDemoUser(trainyard: Trainyard, address: string): Promise<void> {
  if ((await trainyard.store.users.count()) > 0) return;
  const password = randomBytes(12).toString('base64url');
  const user = await trainyard.services.auth.register(DEMO_EMAIL, password);
  const token = await trainyard.services.auth.issueTokenFor(user.user_id);
  const lines = [
    '',
    'Trainyard demo account (TRAINYARD_DEMO=0 turns this off):',
    `  email:    ${DEMO_EMAIL}`,
    `  password: ${password}`,
    `  token:    ${token.access_token}`,
    `  try:      curl -H "Authorization: Bearer ${token.access_token}" ${address}/api/v1/models`,
    `  API docs: ${address}/docs`,
    '',
  ];
  // On stderr: stdout carries only the JSON log lines, for whatever reads them.
  process.stderr.write(`${lines.join('\n')}\n`);
}
