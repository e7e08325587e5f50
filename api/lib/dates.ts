/** Today's date in China (Asia/Shanghai, UTC+8) as YYYY-MM-DD: the program's deadlines and validity are dates there. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A moment as people in China read it, `YYYY-MM-DD HH:mm` in Asia/Shanghai (UTC+8), from an ISO timestamp. */
export function chinaDateTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
