// File names of exports: the tour and the date, safe on every system, and the header that
// carries them (RFC 6266 with an RFC 5987 `filename*` for names beyond ASCII).

/** Characters no file system or browser likes in a name, and control characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const unsafe = /[\u0000-\u001f\u007f<>:"/\\|?*]+/g;

export function exportFileName(parts: (string | null | undefined)[], extension: string): string {
  const stem = parts
    .filter((p): p is string => Boolean(p?.trim()))
    .map((p) => p.replace(unsafe, ' ').replace(/\s+/g, ' ').trim().replaceAll(' ', '-'))
    .join('_')
    .slice(0, 150);
  return `${stem || 'export'}.${extension}`;
}

/** `attachment` with an ASCII fallback and the exact name as UTF-8 (RFC 5987). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\%;]/g, '')
    .replace(/^[-_.]+/, '');
  const fallback = ascii.includes('.') && ascii.length > 4 ? ascii : `export${extOf(fileName)}`;
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

function extOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot >= 0 ? name.slice(dot) : '';
}
