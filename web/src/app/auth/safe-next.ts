/**
 * The page to return to after signing in, from `?next=`. Only a path on this
 * site: `//evil.example` or `https://…` would turn the login page into an
 * open redirect.
 */
export function safeNext(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/';
  }
  return value;
}
