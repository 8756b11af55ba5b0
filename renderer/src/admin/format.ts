/** Times shown in the post's time zone (settings), whatever the browser's own zone. */
const formats = new Map<string, Intl.DateTimeFormat>();

export function formatTime(at: number, timeZone: string, lang = 'zh-CN'): string {
  const key = `${lang}|${timeZone}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(key, f);
  }
  return f.format(at);
}

export const formatDate = (at: number, timeZone: string, lang = 'zh-CN') =>
  new Intl.DateTimeFormat(lang, { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
