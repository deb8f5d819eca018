import { expect, test } from 'vitest';
import { artifactPath, phone, signIn, useBrowser } from '../support/web';

const browser = useBrowser();

type Box = { x: number; y: number; width: number; height: number };
const apart = (a: Box, b: Box) =>
  a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
const inside = (a: Box, outer: Box) => a.x >= outer.x && a.x + a.width <= outer.x + outer.width;

test('on a phone, a weekly window’s from and to times and its remove button neither overlap nor leave the window', async () => {
  const page = await browser.openPage('ja-JP', phone);
  await signIn(page, browser.app().url, 'volunteer');
  const window = page.locator('.week-grid .window').first();
  await window.waitFor();
  const [from, to] = await window.locator('input[type="time"]').all();
  const remove = window.getByRole('button', { name: /削除/ });
  if (!from || !to) throw new Error('a window without its two times');
  const boxes = await Promise.all([from, to, remove, window].map((part) => part.boundingBox()));
  const [fromBox, toBox, removeBox, windowBox] = boxes;
  if (!fromBox || !toBox || !removeBox || !windowBox) throw new Error('a part of the window is not shown');
  expect([apart(fromBox, toBox), apart(fromBox, removeBox), apart(toBox, removeBox)]).toEqual([true, true, true]);
  expect([fromBox, toBox, removeBox].map((box) => inside(box, windowBox))).toEqual([true, true, true]);
  await page
    .locator('.week-grid .day', { has: page.locator('.window') })
    .first()
    .screenshot({ path: artifactPath('volunteer-availability-phone-ja.png') });
});
