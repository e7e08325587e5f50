import { describe, expect, it } from 'vitest';
import { AUTOROTATE_SPEED, IDLE_SECONDS, ViewController } from './controller.ts';
import { DEG } from './types.ts';

const limits = { minFov: 20 * DEG, maxFov: 100 * DEG, minPitch: -Math.PI / 2, maxPitch: Math.PI / 2 };

describe('view controller', () => {
  it('keeps views within limits and notifies listeners only on change', () => {
    const c = new ViewController({ yaw: 0, pitch: 0, fov: 75 * DEG }, limits);
    const seen: number[] = [];
    c.subscribe((v) => seen.push(v.fov));
    c.zoomBy(0.01);
    c.zoomBy(0.01);
    expect(c.view.fov).toBeCloseTo(20 * DEG);
    expect(seen).toHaveLength(1);
    c.rotateBy(0, 10);
    expect(c.view.pitch).toBeCloseTo(Math.PI / 2);
  });

  it('coasts after a drag and then stops asking for frames', () => {
    const c = new ViewController({ yaw: 0, pitch: 0, fov: 75 * DEG }, limits);
    c.velocity = { yaw: 1, pitch: 0 };
    let frames = 0;
    while (c.step(1 / 60)) frames++;
    expect(c.view.yaw).toBeGreaterThan(0.2);
    expect(frames).toBeLessThan(300);
  });

  it('autorotates only after the idle delay, and interaction resets it', () => {
    const c = new ViewController({ yaw: 0, pitch: 0, fov: 75 * DEG }, limits);
    c.autorotate = true;
    expect(c.step(IDLE_SECONDS - 0.5)).toBe(false);
    c.interact();
    expect(c.step(IDLE_SECONDS - 0.5)).toBe(false);
    expect(c.step(1)).toBe(true);
    expect(c.view.yaw).toBeCloseTo(AUTOROTATE_SPEED);
  });

  it('counts real elapsed time toward idleness even when the motion step is clamped', () => {
    const c = new ViewController({ yaw: 0, pitch: 0, fov: 75 * DEG }, limits);
    c.autorotate = true;
    // The render loop slept for the whole idle delay, then woke for one frame with a clamped step.
    expect(c.step(1 / 15, IDLE_SECONDS + 0.1)).toBe(true);
    expect(c.view.yaw).toBeCloseTo(AUTOROTATE_SPEED / 15);
  });

  it('animates the short way round to a target and resolves', async () => {
    const c = new ViewController({ yaw: 170 * DEG, pitch: 0, fov: 75 * DEG }, limits);
    const done = c.animateTo({ yaw: -170 * DEG, fov: 40 * DEG }, 0.5);
    c.step(0.25);
    expect(Math.abs(c.view.yaw)).toBeGreaterThan(170 * DEG);
    c.step(0.3);
    await done;
    expect(c.view.yaw / DEG).toBeCloseTo(-170);
    expect(c.view.fov / DEG).toBeCloseTo(40);
  });
});
