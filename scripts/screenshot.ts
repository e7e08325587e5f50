/**
 * `npm run screenshot -- <url> <out.png> [width] [height]`: what a person sees, in headless Chromium.
 * With SCREENSHOT_EMAIL and SCREENSHOT_PASSWORD set it signs in first (portal and workspace pages).
 */
import { launchChromium } from '../site/e2e/browser.ts';

async function main(): Promise<void> {
  const [url, out, width = '1280', height = '900'] = process.argv.slice(2);
  if (!url || !out) throw new Error('usage: npm run screenshot -- <url> <out.png> [width] [height]');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
    if (process.env.SCREENSHOT_EMAIL) {
      const res = await page.request.post(new URL('/api/auth/login', url).href, {
        data: { email: process.env.SCREENSHOT_EMAIL, password: process.env.SCREENSHOT_PASSWORD ?? '' },
        headers: { Origin: new URL(url).origin },
      });
      if (!res.ok()) throw new Error(`sign-in failed: HTTP ${res.status()} ${await res.text()}`);
    }
    page.on('console', (m) => m.type() === 'error' && console.error('[page]', m.text()));
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.waitForTimeout(Number(process.env.SETTLE_MS ?? 1500));
    await page.screenshot({ path: out, fullPage: process.env.FULL_PAGE === '1' });
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
