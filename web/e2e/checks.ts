import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

// What every screen owes a person on any device: it fits the window, it passes axe-core's
// checks, and what a finger presses is big enough.

export const phone = { width: 390, height: 844 };
export const tablet = { width: 768, height: 1024 };

/** The page does not scroll sideways: nothing sticks out past the window's right edge. */
export async function fitsTheWindow(page: Page, screen: string) {
  const { scrollWidth, innerWidth, wider } = await page.evaluate(() => {
    const innerWidth = window.innerWidth;
    const wider: string[] = [];
    for (const element of Array.from(document.querySelectorAll('body *'))) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > innerWidth + 1 && wider.length < 5)
        wider.push(
          `${element.tagName.toLowerCase()}.${element.className} (${Math.round(box.right)} px)`,
        );
    }
    return { scrollWidth: document.scrollingElement!.scrollWidth, innerWidth, wider };
  });
  expect(
    scrollWidth,
    `${screen} scrolls sideways; wider than the window: ${wider.join(', ')}`,
  ).toBeLessThanOrEqual(innerWidth);
}

/** axe-core finds no serious or critical violation on the page as it is now. */
export async function passesAxe(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const grave = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join(' | ')}`,
    );
  expect(grave, `axe-core on ${screen}`).toEqual([]);
}

/** A target a finger can press: at least 44 × 44 CSS pixels (WCAG 2.5.5). */
export async function isTouchSized(target: Locator) {
  const box = await target.boundingBox();
  expect(box, 'the target is on screen').not.toBeNull();
  expect(box!.height, 'a touch target is at least 44 px high').toBeGreaterThanOrEqual(44);
  expect(box!.width, 'a touch target is at least 44 px wide').toBeGreaterThanOrEqual(44);
}

/** Every button, field and navigation link visible in `scope` is at least 44 px high. */
export async function allTouchSized(scope: Locator, screen: string) {
  const small = await scope.evaluate((root) => {
    const found: string[] = [];
    const targets = root.querySelectorAll(
      'button, select, input:not([type=checkbox]):not([type=radio]), [role=button], nav a, summary',
    );
    for (const element of Array.from(targets)) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.height < 44 - 0.5)
        found.push(
          `${element.tagName.toLowerCase()} “${(element.textContent ?? '').trim().slice(0, 30)}” ${Math.round(box.height)} px`,
        );
    }
    return found;
  });
  expect(small, `targets under 44 px on ${screen}`).toEqual([]);
}

/** The element that has the keyboard focus shows it: an outline or a ring at least 2 px wide. */
export async function focusIsVisible(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'nothing focused';
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const ring = style.boxShadow !== 'none';
    return outline || ring
      ? null
      : `${element.tagName.toLowerCase()}${element.id ? '#' + element.id : ''}.${element.className} “${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 30)}” shows no focus`;
  });
}
