/** Today's date in China (Asia/Shanghai, UTC+8) as YYYY-MM-DD: the program's deadlines and validity are dates there. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
