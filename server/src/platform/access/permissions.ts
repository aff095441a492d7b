import type { LocalizedText } from '../i18n.ts';

/** A permission is a `module:action` string; its label is shown in the role editor. */
export type PermissionDef = { key: string; module: string; label: LocalizedText };

const catalogue = new Map<string, PermissionDef>();

/**
 * Modules declare their permissions here when their policy file loads, so the
 * catalogue always matches the code and built-in roles can be expanded from it.
 */
export function definePermissions<M extends string, A extends string>(
  module: M,
  actions: Record<A, LocalizedText>,
): { [K in A]: `${M}:${K}` } {
  const keys: Record<string, string> = {};
  for (const [action, label] of Object.entries(actions) as [A, LocalizedText][]) {
    const key = `${module}:${action}`;
    catalogue.set(key, { key, module, label });
    keys[action] = key;
  }
  return keys as { [K in A]: `${M}:${K}` };
}

export function allPermissions(): PermissionDef[] {
  return [...catalogue.values()].sort((a, b) => a.key.localeCompare(b.key));
}

export function isKnownPermission(key: string): boolean {
  return catalogue.has(key);
}

/** Expands patterns like `org:*`, `*:read` or `*` against the catalogue; `!x:y` removes one. */
export function expandPatterns(patterns: readonly string[]): string[] {
  const matching = (pattern: string) => {
    const [mod, action] = pattern === '*' ? ['*', '*'] : pattern.split(':');
    return [...catalogue.keys()].filter((key) => {
      const [m, a] = key.split(':');
      return (mod === '*' || mod === m) && (action === '*' || action === a);
    });
  };
  const out = new Set<string>();
  for (const p of patterns.filter((x) => !x.startsWith('!')))
    matching(p).forEach((k) => out.add(k));
  for (const p of patterns.filter((x) => x.startsWith('!')))
    matching(p.slice(1)).forEach((k) => out.delete(k));
  return [...out].sort();
}
