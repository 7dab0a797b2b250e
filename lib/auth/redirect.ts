// Where to go after signing in. The value comes from the address bar, so it is resolved the way
// a browser would resolve it (a backslash is a slash, tabs and newlines vanish) and kept only when
// it stays on this site; then only its path, query and fragment are used. Anything else goes home.

const here = 'http://tourdesk.invalid';

export function safeCallbackPath(value: string | null | undefined): string {
  if (!value || value.length > 2048) return '/';
  let url: URL;
  try {
    url = new URL(value, here);
  } catch {
    return '/';
  }
  if (url.origin !== here) return '/';
  // A path that starts with two slashes would be read as another host once it leaves here.
  const path = url.pathname.replace(/^\/{2,}/, '/');
  return `${path}${url.search}${url.hash}`;
}
