import { fillMessage } from './errors.ts';

/**
 * What the pipeline did to a photo it accepted that the firm should know about: shown on the finished job and kept
 * in the manifest. Codes are stable; messages are zh-CN first, then English.
 */
const PANORAMA_WARNINGS = {
  pano_gpano_ignored: {
    zh: '照片中的全景信息（GPano）与画面不符（可能是裁剪前留下的旧数据），已忽略；照片按完整的 2:1 的 360° 全景处理。',
    en: "The photo's panorama metadata (GPano) does not match its pixels (probably left over from before it was cropped) and was ignored; the photo was built as the full 2:1 360° sphere it is.",
  },
  pano_scaled_down: {
    zh: '照片所在的全景球宽 {fullWidth} 像素，超过上限 {limit} 像素，已按比例缩小到 {width}×{height} 像素后生成。',
    en: "The photo's sphere is {fullWidth} pixels wide, over the limit of {limit}; it was scaled down to {width}×{height} pixels and built.",
  },
} as const;

export type PanoramaWarningCode = keyof typeof PANORAMA_WARNINGS;

/** A warning as the manifest and the job API carry it. */
export interface PanoramaWarning {
  code: PanoramaWarningCode;
  message: string;
  messageEn: string;
}

/** Build a warning, filling its `{name}` placeholders. */
export function panoramaWarning(code: PanoramaWarningCode, params?: Record<string, string | number>): PanoramaWarning {
  const { zh, en } = PANORAMA_WARNINGS[code];
  return { code, message: fillMessage(zh, params), messageEn: fillMessage(en, params) };
}
