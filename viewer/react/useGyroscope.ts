import { useCallback, useEffect, useRef, useState } from 'react';
import { deviceOrientationToYawPitch } from '../view/gyro.ts';
import type { ViewController } from '../view/controller.ts';

type PermissionedOrientation = typeof DeviceOrientationEvent & { requestPermission?: () => Promise<'granted' | 'denied'> };

/**
 * Look around by moving the phone. `toggle` must run inside a tap handler: iOS only shows its permission prompt
 * from a user gesture. Drags while active shift the yaw offset instead of fighting the sensor.
 */
export function useGyroscope(controller: ViewController) {
  const [supported, setSupported] = useState(false);
  const [active, setActive] = useState(false);
  const offset = useRef<number | null>(null);
  const lastYaw = useRef(0);

  useEffect(() => {
    setSupported(typeof DeviceOrientationEvent !== 'undefined' && matchMedia('(pointer: coarse)').matches);
  }, []);

  useEffect(() => {
    if (!active) return;
    offset.current = null;
    const onOrientation = (e: DeviceOrientationEvent) => {
      if (e.alpha === null || e.beta === null || e.gamma === null) return;
      const angle = screen.orientation?.angle ?? 0;
      const device = deviceOrientationToYawPitch(e.alpha, e.beta, e.gamma, angle);
      // First reading: keep the current heading. Later: absorb any yaw change made by dragging since the last event.
      if (offset.current === null) offset.current = controller.view.yaw - device.yaw;
      else offset.current += controller.view.yaw - lastYaw.current;
      controller.set({ yaw: device.yaw + offset.current, pitch: device.pitch });
      lastYaw.current = controller.view.yaw;
    };
    window.addEventListener('deviceorientation', onOrientation);
    return () => window.removeEventListener('deviceorientation', onOrientation);
  }, [active, controller]);

  const toggle = useCallback(async () => {
    if (active) return setActive(false);
    const api = DeviceOrientationEvent as PermissionedOrientation;
    if (typeof api.requestPermission === 'function') {
      const state = await api.requestPermission().catch(() => 'denied' as const);
      if (state !== 'granted') return;
    }
    controller.interact();
    setActive(true);
  }, [active, controller]);

  return { supported, active, toggle };
}
