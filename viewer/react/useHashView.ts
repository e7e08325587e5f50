import { useCallback, useEffect, useRef } from 'react';
import type { ViewDegrees } from '../types.ts';
import { decodeViewHash, encodeViewHash, type ViewLink } from '../view/hash.ts';
import { DEG } from '../view/types.ts';

/** How often the hash may be rewritten while looking around; replaceState is cheap but not free. */
const WRITE_EVERY_MS = 300;

/** The deep link in location.hash, in degrees. */
export function readHashLink(): { scene?: string; view: Partial<ViewDegrees> } {
  const link: ViewLink = decodeViewHash(typeof location === 'undefined' ? '' : location.hash);
  const view: Partial<ViewDegrees> = {};
  if (link.view.yaw !== undefined) view.yaw = link.view.yaw / DEG;
  if (link.view.pitch !== undefined) view.pitch = link.view.pitch / DEG;
  if (link.view.fov !== undefined) view.fov = link.view.fov / DEG;
  return link.scene ? { scene: link.scene, view } : { view };
}

/**
 * Keep location.hash following the view (replaceState, throttled, no history entries) and report hashes changed
 * from outside (a pasted link, the back button) to `onExternalChange`.
 */
export function useHashView(onExternalChange: (link: ReturnType<typeof readHashLink>) => void) {
  const pending = useRef<{ scene: string; view: ViewDegrees } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const written = useRef('');
  const external = useRef(onExternalChange);
  external.current = onExternalChange;

  const flush = useCallback(() => {
    timer.current = undefined;
    const next = pending.current;
    if (!next) return;
    const hash = encodeViewHash({ scene: next.scene, view: { yaw: next.view.yaw * DEG, pitch: next.view.pitch * DEG, fov: next.view.fov * DEG } });
    if (hash !== location.hash) {
      written.current = hash;
      history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
    }
  }, []);

  const write = useCallback(
    (scene: string, view: ViewDegrees) => {
      pending.current = { scene, view };
      timer.current ??= setTimeout(flush, WRITE_EVERY_MS);
    },
    [flush],
  );

  useEffect(() => {
    const onHashChange = () => {
      if (location.hash !== written.current) external.current(readHashLink());
    };
    window.addEventListener('hashchange', onHashChange);
    return () => {
      window.removeEventListener('hashchange', onHashChange);
      clearTimeout(timer.current);
    };
  }, []);

  return write;
}
