import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Puts axe-core into the page through DevTools (an inline <script> would be refused by the page's CSP). */
export async function injectAxe(page: Pick<Page, 'evaluate'>): Promise<void> {
  await page.evaluate(axeSource);
}

/**
 * Opens `baseURL + path` in the page and returns axe-core's serious and critical violations as readable lines
 * (empty when there are none). axe is injected through DevTools, not an inline <script>, which the CSP refuses.
 */
export async function seriousViolations(page: Page, baseURL: string, path: string): Promise<string[]> {
  await page.goto(baseURL + path, { waitUntil: 'load' });
  await injectAxe(page);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    // The WebGL canvas is drawn by the viewer island (its own tests); everything around it is checked.
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${path}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}
