import { describe, expect, it } from 'vitest';
import type { HallScene } from './queries/hall-detail.ts';
import type { Hotspot } from '../db/schema/index.ts';
import { toViewerScenes } from './viewer-scenes.ts';

const at = new Date(0);
const spot = (over: Partial<Hotspot>): Hotspot => ({
  id: 1, sceneId: 1, kind: 'scene', yaw: 10, pitch: 0, label: '前往车间', labelEn: 'To the workshop', targetSceneId: 2,
  targetYaw: null, targetPitch: null, targetFov: null, productId: null, jobId: null, projectId: null, body: null,
  mediaUrl: null, createdAt: at, updatedAt: at, ...over,
});
const scene = (id: number, hotspots: Hotspot[]): HallScene => ({
  id, position: id, title: `展厅${id}`, titleEn: null, initialView: { yaw: 0, pitch: 0, fov: 90 }, map: null, hotspots,
  panorama: { id: 'p', manifestUrl: `/media/panoramas/p${id}/manifest.json`, posterUrl: '', posterWidth: 2, posterHeight: 1, placeholder: '' },
});

describe('toViewerScenes', () => {
  it('hands a scene link its arrival view, only when one is set, and only for scene links', () => {
    const [first] = toViewerScenes(
      [
        scene(1, [
          spot({ id: 1, targetYaw: -120, targetPitch: 8, targetFov: 70 }),
          spot({ id: 2, targetYaw: 45 }),
          spot({ id: 3 }),
          spot({ id: 4, kind: 'info', targetSceneId: null, body: '简介', targetYaw: 30 }),
        ]),
      ],
      'en',
    );
    expect(first!.hotspots!.map((h) => h.targetView)).toEqual([{ yaw: -120, pitch: 8, fov: 70 }, { yaw: 45, pitch: 0 }, undefined, undefined]);
    expect(first!.hotspots![0]).toMatchObject({ target: '2', label: 'To the workshop' });
  });
});
