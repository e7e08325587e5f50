import { clampView, type ViewLimits } from './limits.ts';
import { decayVelocity, easeInOut, yawDelta, zoomFov, type ViewVelocity } from './motion.ts';
import { DEG, type View } from './types.ts';

/** Seconds without interaction before autorotate starts. */
export const IDLE_SECONDS = 4;
/** Autorotate speed, rad/s: one turn in two minutes, slow enough not to read as motion sickness bait. */
export const AUTOROTATE_SPEED = (2 * Math.PI) / 120;

interface Animation {
  from: View;
  to: View;
  elapsed: number;
  duration: number;
  done: () => void;
}

/**
 * The live view and everything that moves it: drags, inertia, zoom, autorotate, scripted turns. Plain logic with a
 * clock passed in, so the React layer can drive it from the render loop and tests can drive it by hand.
 */
export class ViewController {
  view: View;
  limits: ViewLimits;
  velocity: ViewVelocity = { yaw: 0, pitch: 0 };
  /** Autorotate is allowed at all (off under prefers-reduced-motion, or by prop). */
  autorotate = false;
  #idle = 0;
  #animation: Animation | null = null;
  #listeners = new Set<(view: View) => void>();

  constructor(view: View, limits: ViewLimits) {
    this.limits = limits;
    this.view = clampView(view, limits);
  }

  /** Call on every user input: stops autorotate and any scripted turn's hold on the view. */
  interact(): void {
    this.#idle = 0;
  }

  set(view: Partial<View>): void {
    const next = clampView({ ...this.view, ...view }, this.limits);
    if (next.yaw === this.view.yaw && next.pitch === this.view.pitch && next.fov === this.view.fov) return;
    this.view = next;
    for (const listener of this.#listeners) listener(next);
  }

  /** Ask listeners for frames without changing the view (e.g. after setting velocity). */
  wake(): void {
    for (const listener of this.#listeners) listener(this.view);
  }

  setLimits(limits: ViewLimits): void {
    this.limits = limits;
    this.set({});
  }

  rotateBy(dYaw: number, dPitch: number): void {
    this.set({ yaw: this.view.yaw + dYaw, pitch: this.view.pitch + dPitch });
  }

  /** factor > 1 zooms out. */
  zoomBy(factor: number): void {
    this.set({ fov: zoomFov(this.view.fov, factor) });
  }

  /** Turn (and zoom) smoothly to a view; resolves when there. Zero duration jumps. */
  animateTo(to: Partial<View>, duration: number): Promise<void> {
    this.#animation?.done();
    const target = clampView({ ...this.view, ...to }, this.limits);
    if (duration <= 0) {
      this.set(target);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.#animation = { from: this.view, to: target, elapsed: 0, duration, done: resolve };
    });
  }

  /**
   * Advance motion by dt seconds. `elapsed` is the real time since the last step, which can be much longer than the
   * (clamped) motion step after the render loop slept; idle time counts it in full.
   * Returns true while something is still moving (keep rendering).
   */
  step(dt: number, elapsed = dt): boolean {
    this.#idle += elapsed;
    if (this.#animation) {
      const a = this.#animation;
      a.elapsed += dt;
      const k = easeInOut(a.elapsed / a.duration);
      this.set({
        yaw: a.from.yaw + yawDelta(a.from.yaw, a.to.yaw) * k,
        pitch: a.from.pitch + (a.to.pitch - a.from.pitch) * k,
        fov: a.from.fov + (a.to.fov - a.from.fov) * k,
      });
      if (a.elapsed >= a.duration) {
        this.#animation = null;
        a.done();
      }
      return true;
    }
    if (this.velocity.yaw || this.velocity.pitch) {
      this.rotateBy(this.velocity.yaw * dt, this.velocity.pitch * dt);
      this.velocity = decayVelocity(this.velocity, dt);
      return true;
    }
    if (this.autorotate && this.#idle >= IDLE_SECONDS) {
      this.rotateBy(AUTOROTATE_SPEED * dt, 0);
      return true;
    }
    return false;
  }

  /** Seconds until autorotate would start, or Infinity if it will not. Lets the idle loop sleep instead of polling. */
  get secondsUntilAutorotate(): number {
    return this.autorotate ? Math.max(0, IDLE_SECONDS - this.#idle) : Infinity;
  }

  subscribe(listener: (view: View) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

export const DEFAULT_VIEW: View = { yaw: 0, pitch: 0, fov: 75 * DEG };
