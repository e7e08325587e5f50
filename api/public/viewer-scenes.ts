import type { HallScene as ViewerScene } from '../../viewer/react/HallViewerIsland.tsx';
import type { HallScene } from './queries/hall-detail.ts';

/**
 * The hall's scenes as the viewer island takes them (plain JSON: ids as strings, angles in degrees), in the
 * page's language. Scenes without a finished panorama are left out.
 */
export function toViewerScenes(scenes: HallScene[], lang: 'zh' | 'en'): ViewerScene[] {
  const pick = (zh: string, en: string | null) => (lang === 'en' && en ? en : zh);
  return scenes
    .filter((scene) => scene.panorama)
    .map((scene) => ({
      id: String(scene.id),
      name: pick(scene.title, scene.titleEn),
      manifestUrl: scene.panorama!.manifestUrl,
      initialView: scene.initialView,
      hotspots: scene.hotspots.map((h) => ({
        id: String(h.id),
        kind: h.kind,
        yaw: h.yaw,
        pitch: h.pitch,
        label: pick(h.label, h.labelEn),
        target:
          h.kind === 'scene'
            ? String(h.targetSceneId)
            : h.kind === 'product'
              ? `product-${h.productId}`
              : h.kind === 'job'
                ? `job-${h.jobId}`
                : h.kind === 'project'
                  ? `project-${h.projectId}`
                  : h.kind === 'media'
                    ? (h.mediaUrl ?? undefined)
                    : undefined,
        description: h.body ?? undefined,
        targetView:
          h.kind === 'scene' && h.targetYaw != null
            ? { yaw: h.targetYaw, pitch: h.targetPitch ?? 0, ...(h.targetFov != null && { fov: h.targetFov }) }
            : undefined,
      })),
    }));
}
