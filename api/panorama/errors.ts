import { AppError, type Message } from '../lib/errors.ts';

/**
 * Every way a photo can be refused by the panorama pipeline, with its HTTP status and the words a person reads.
 * Codes are stable: the upload API and the portal's UI key on them.
 */
const PANORAMA_ERRORS = {
  pano_empty_file: {
    status: 400,
    zh: '文件是空的（0 字节），请重新选择全景照片。',
    en: 'The file is empty (0 bytes). Please choose the panorama photo again.',
  },
  pano_not_an_image: {
    status: 415,
    zh: '这个文件不是图片。请上传 JPEG、PNG 或 WebP 格式的 360° 全景照片。',
    en: 'This file is not an image. Please upload a 360° panorama as JPEG, PNG or WebP.',
  },
  pano_unsupported_format: {
    status: 415,
    zh: '不支持这种图片格式（如 GIF、SVG、HEIC）。请导出为 JPEG、PNG 或 WebP 后再上传。',
    en: 'This image format (e.g. GIF, SVG, HEIC) is not supported. Please export it as JPEG, PNG or WebP.',
  },
  pano_animated: {
    status: 415,
    zh: '动图不能作为全景照片。请上传单张静态图片。',
    en: 'Animated images cannot be used as panoramas. Please upload a single still image.',
  },
  pano_corrupt: {
    status: 422,
    zh: '图片已损坏或不完整（可能上传中断），无法读取。请重新导出后上传。',
    en: 'The image is damaged or incomplete (perhaps the upload was cut off). Please export it again and re-upload.',
  },
  pano_too_small: {
    status: 422,
    zh: '图片太小，不是全景照片。全景照片至少需要 512×256 像素。',
    en: 'The image is too small to be a panorama. A panorama needs at least 512×256 pixels.',
  },
  pano_too_large: {
    status: 413,
    zh: '图片像素过多：{width}×{height} 共 {pixels} 像素，超过上限 {limit} 像素（16384×8192）。请缩小后再上传。',
    en: 'The image has too many pixels: {width}×{height} is {pixels} pixels, over the limit of {limit} (16384×8192). Please scale it down.',
  },
  pano_sphere_too_large: {
    status: 413,
    zh: '照片所在的全景球宽 {fullWidth} 像素，超过上限 {limit} 像素；缩小到上限后照片只剩 {width}×{height} 像素，无法使用。请检查照片的 GPano 全景信息，或上传完整的 360° 全景图。',
    en: "The photo's sphere is {fullWidth} pixels wide, over the limit of {limit}; scaled to fit, the photo would be only {width}×{height} pixels. Please check its GPano metadata or upload the full 360° panorama.",
  },
  pano_projection_cylindrical: {
    status: 422,
    zh: '这是一张柱面投影的全景照片（手机的“全景模式”拍摄），只覆盖一圈水平视野，不是 360° 球面全景。请用全景相机或手机的“照片球/360° 全景”功能拍摄，并导出等距柱状投影（宽高比 2:1）的照片后上传。',
    en: 'This is a cylindrical panorama (a phone\'s "panorama mode"): it covers a horizontal band, not a 360° sphere. Please take it with a 360° camera or your phone\'s "photo sphere" / 360° mode and upload the equirectangular (2:1) photo it exports.',
  },
  pano_projection_unsupported: {
    status: 422,
    zh: '照片声明的投影方式是“{projection}”，不是 360° 球面全景所需的等距柱状投影。请用全景相机或手机的“照片球/360° 全景”功能拍摄，并导出等距柱状投影（宽高比 2:1）的照片后上传。',
    en: 'The photo declares the "{projection}" projection, not the equirectangular projection of a 360° sphere. Please take it with a 360° camera or your phone\'s "photo sphere" / 360° mode and upload the equirectangular (2:1) photo it exports.',
  },
  pano_not_equirectangular: {
    status: 422,
    zh: '这不是完整的 360° 全景照片：宽高比应为 2:1（或带有 GPano 全景信息）。请上传相机导出的等距柱状投影全景图。',
    en: 'This is not a full 360° panorama: the width must be twice the height (or the file must carry GPano data). Please upload the equirectangular photo your camera exports.',
  },
  pano_bad_gpano: {
    status: 422,
    zh: '照片中的全景信息（GPano）自相矛盾，无法确定画面在球面上的位置。',
    en: "The photo's panorama metadata (GPano) is inconsistent, so its place on the sphere cannot be determined.",
  },
} as const satisfies Record<string, Message & { status: number }>;

export type PanoramaErrorCode = keyof typeof PANORAMA_ERRORS;

/** Fill `{name}` placeholders of a message with the given values. */
export function fillMessage(text: string, params: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * The AppError for a refused photo. `params` fill the message's placeholders (sizes, limits, the projection);
 * `details` carries numbers for logs, never shown as the message.
 */
export function panoramaError(code: PanoramaErrorCode, details?: unknown, params?: Record<string, string | number>): AppError {
  const { status, zh, en } = PANORAMA_ERRORS[code];
  return new AppError(status, code, { zh: fillMessage(zh, params), en: fillMessage(en, params) }, details);
}

export const PANORAMA_ERROR_CODES = Object.keys(PANORAMA_ERRORS) as PanoramaErrorCode[];
