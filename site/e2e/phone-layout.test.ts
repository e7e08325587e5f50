/**
 * The hall page on phones (320, 390 and 430 CSS px wide, touch, both languages): the site header stays one row and
 * no control of the page or the viewer (header links, toolbar buttons, share, floor plan, hotspot chips) covers
 * another. Screenshots land in $PHONE_LAYOUT_SHOTS (default: a temp folder) for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser.ts';

const baseURL = inject('baseURL');
const shots = process.env.PHONE_LAYOUT_SHOTS ?? join(tmpdir(), 'phone-layout');
let browser: Browser;
let hallPath: string;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  browser = await launchChromium();
  // A demo hall with a floor plan: the seed places every firm's rooms on its plan.
  const listing = await (await fetch(`${baseURL}/halls`)).text();
  const slug = /href="\/halls\/([a-z0-9-]+)"/.exec(listing)?.[1];
  if (!slug) throw new Error('no hall on /halls');
  hallPath = `/halls/${slug}`;
});
afterAll(() => browser?.close());

interface Box {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every visible control on the page, clipped to what its scrolling or clipping ancestors let show. */
function controlBoxes(page: Page): Promise<Box[]> {
  return page.evaluate(() => {
    const clip = (el: Element, r: DOMRect) => {
      let { left, top, right, bottom } = r;
      for (let p = el.parentElement; p; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (style.overflowX !== 'visible' || style.overflowY !== 'visible') {
          const c = p.getBoundingClientRect();
          [left, top, right, bottom] = [Math.max(left, c.left), Math.max(top, c.top), Math.min(right, c.right), Math.min(bottom, c.bottom)];
        }
      }
      return { x: left, y: top, width: right - left, height: bottom - top };
    };
    const selectors = [
      '.site-header a',
      '.site-header button',
      '[role="toolbar"] button',
      '[data-floor-plan]',
      'nav[aria-label] li button',
    ];
    const boxes: { name: string; x: number; y: number; width: number; height: number }[] = [];
    for (const el of document.querySelectorAll(selectors.join(','))) {
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const box = clip(el, el.getBoundingClientRect());
      if (box.width < 1 || box.height < 1) continue;
      // Menus folded away (a closed disclosure) have no box; links inside an open one are checked like the rest.
      const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 24);
      boxes.push({ name: `${el.tagName.toLowerCase()} "${label}"`, ...box });
    }
    return boxes;
  });
}

const intersects = (a: Box, b: Box) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

/** Pairs of controls whose boxes overlap. */
function overlaps(boxes: Box[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) if (intersects(boxes[i]!, boxes[j]!)) found.push(`${boxes[i]!.name} × ${boxes[j]!.name}`);
  return found;
}

describe('the hall page on a phone', () => {
  for (const lang of ['zh', 'en'] as const) {
    for (const width of [320, 390, 430]) {
      it(`${lang} at ${width}×844: header one row, no control over another`, async () => {
        const context = await browser.newContext({ viewport: { width, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1, reducedMotion: 'reduce' });
        try {
          const page = await context.newPage();
          await page.goto(`${baseURL}${lang === 'en' ? '/en' : ''}${hallPath}`);
          await page.locator('[role="toolbar"] button').first().waitFor({ timeout: 30_000 });
          await page.locator('[data-floor-plan]').waitFor({ timeout: 30_000 });
          // The viewer shows its touch controls (体感模式 / Motion control) on a touch screen.
          await expect.poll(() => page.locator('[role="toolbar"] button').count()).toBeGreaterThanOrEqual(5);
          await page.screenshot({ path: join(shots, `hall-${lang}-${width}.png`) });

          const header = await page.locator('.site-header .header-row').boundingBox();
          expect(header!.height, 'header height').toBeLessThanOrEqual(64);
          expect(await page.evaluate(() => document.documentElement.scrollWidth), 'page scrolls sideways').toBeLessThanOrEqual(width);
          const boxes = await controlBoxes(page);
          expect(boxes.length).toBeGreaterThanOrEqual(8);
          expect(overlaps(boxes)).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }
});
