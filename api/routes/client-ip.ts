/** The client's address as the Node adapter recorded it on the request, or 'unknown' (in-process tests). */
export function clientIp(request: Request): string {
  const address = Reflect.get(request, Symbol.for('astro.clientAddress'));
  return typeof address === 'string' && address !== '' ? address : 'unknown';
}
