/**
 * A `Content-Disposition: attachment` value for a download name that may be Chinese (RFC 6266 / RFC 5987): an ASCII
 * fallback with anything unusual replaced by `_`, and the exact name as `filename*` in UTF-8.
 */
export function downloadDisposition(name: string): string {
  return `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
