/** Public URLs of content-addressed media. Everything under /media is immutable. */
export const MEDIA_PREFIX = '/media';

export function panoramaBaseUrl(panoramaId: string): string {
  return `${MEDIA_PREFIX}/panoramas/${panoramaId}/`;
}

export function panoramaManifestUrl(panoramaId: string): string {
  return `${panoramaBaseUrl(panoramaId)}manifest.json`;
}

export function panoramaPosterUrl(panoramaId: string, posterFile: string): string {
  return panoramaBaseUrl(panoramaId) + posterFile;
}
