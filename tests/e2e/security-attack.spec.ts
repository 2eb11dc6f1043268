import { expect, test } from '@playwright/test';
import { isLoopbackUrl, runAttack } from '../security/attack.ts';

// The attack script of tests/security/ against the built e2e site, so CI runs it with every test run.
test.describe('the attack script', () => {
  test.skip(({ isMobile }) => isMobile, 'The probes send their own requests: one device covers them.');

  test('finds every probe held on the built site', async ({ baseURL }) => {
    const lines: string[] = [];
    const results = await runAttack(baseURL!, (line) => lines.push(line));
    test.info().annotations.push({ type: 'attack', description: lines.join('\n') });
    expect(results.length).toBeGreaterThan(5);
    expect(results.filter((r) => !r.ok).map((r) => `${r.name}: ${r.detail}`)).toEqual([]);
  });

  test('attacks only this machine', async () => {
    for (const address of ['http://127.0.0.1:4321/', 'http://localhost:8080/', 'http://[::1]:4321/', 'http://127.8.9.10/'])
      expect(isLoopbackUrl(address), address).toBe(true);
    for (const address of [
      'http://10.0.0.1/',
      'https://example.vn/',
      'http://[::ffff:7f00:1]/',
      'file:///etc/passwd',
      'http://127.0.0.1.nip.io/',
      'nonsense',
    ])
      expect(isLoopbackUrl(address), address).toBe(false);
    await expect(runAttack('https://example.vn/')).rejects.toThrow(/only attacks a server on this machine/);
  });
});
