import { z } from 'zod';
import { HOTSPOT_KINDS } from '../db/schema/index.ts';
import { idParam, optionalHttpUrl, optionalText, plainText } from '../lib/fields.ts';

const yaw = z.number().min(-180).max(180);
const pitch = z.number().min(-90).max(90);
const fov = z.number().min(20).max(120);

export const sceneCreate = z.object({
  panoramaId: z.string().regex(/^[a-f0-9]{16,64}$/, '全景图编号无效 (invalid panorama id)'),
  title: plainText(40, 1),
  titleEn: optionalText(80),
});

export const scenePatch = z
  .object({
    title: plainText(40, 1),
    titleEn: optionalText(80),
    initialYaw: yaw,
    initialPitch: pitch,
    initialFov: fov,
    mapX: z.number().min(0).max(1).nullable(),
    mapY: z.number().min(0).max(1).nullable(),
  })
  .partial();

export const sceneOrder = z.object({ sceneIds: z.array(idParam).min(1).max(50) });

const hotspotFields = z.object({
  kind: z.enum(HOTSPOT_KINDS),
  yaw,
  pitch,
  label: plainText(60, 1),
  labelEn: optionalText(100),
  targetSceneId: idParam.nullable(),
  /** The view a scene link opens its target at; null: the target scene's initial view. */
  targetYaw: yaw.nullable(),
  targetPitch: pitch.nullable(),
  targetFov: fov.nullable(),
  productId: idParam.nullable(),
  jobId: idParam.nullable(),
  projectId: idParam.nullable(),
  body: optionalText(2000),
  mediaUrl: optionalHttpUrl,
});

/** The target field each hotspot kind needs. */
export const HOTSPOT_TARGET = {
  scene: 'targetSceneId',
  product: 'productId',
  job: 'jobId',
  project: 'projectId',
  info: 'body',
  media: 'mediaUrl',
} as const;

export const hotspotCreate = hotspotFields
  .partial()
  .required({ kind: true, yaw: true, pitch: true, label: true })
  .refine((h) => h[HOTSPOT_TARGET[h.kind]] != null, {
    message: '请为热点选择目标 (the hotspot needs a target for its kind)',
    path: ['target'],
  });

export const hotspotPatch = hotspotFields.omit({ kind: true }).partial();
