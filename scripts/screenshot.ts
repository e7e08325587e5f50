/** `npm run screenshot -- <url> <out.png> [width] [height]`: what a person sees, in headless Chromium. */
import { launchChromium } from '../site/e2e/browser.ts';

async function main(): Promise<void> {
  const [url, out, width = '1280', height = '900'] = process.argv.slice(2);
  if (!url || !out) throw new Error('usage: npm run screenshot -- <url> <out.png> [width] [height]');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
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
