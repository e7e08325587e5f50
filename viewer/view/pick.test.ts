import { describe, expect, it } from 'vitest';
import { pickHotspot } from './pick.ts';
import { DEG } from './types.ts';

describe('hotspot picking by direction', () => {
  const hotspots = [
    { id: 'a', yaw: 0, pitch: 0 },
    { id: 'b', yaw: 10 * DEG, pitch: 0 },
  ];
  it('picks the nearest hotspot within reach, or none', () => {
    expect(pickHotspot(hotspots, { yaw: 6 * DEG, pitch: 0 }, 5 * DEG)?.id).toBe('b');
    expect(pickHotspot(hotspots, { yaw: 1 * DEG, pitch: 1 * DEG }, 5 * DEG)?.id).toBe('a');
    expect(pickHotspot(hotspots, { yaw: 90 * DEG, pitch: 0 }, 5 * DEG)).toBeNull();
  });
});
