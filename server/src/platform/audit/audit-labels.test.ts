import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { attachmentEntityTypes } from '../files/registry.ts';
import {
  AUDIT_ACTION_NAMES_EN,
  AUDIT_ACTION_NAMES_ZH,
  AUDIT_ENTITY_NAMES_EN,
  AUDIT_ENTITY_NAMES_ZH,
} from './audit-names.ts';

/**
 * Every record type and action the server writes to the audit log has a
 * Chinese and an English name in audit-names.ts, which the web's locales
 * (`activity.entity.*`, `activity.action.*`: the audit log page and the
 * records' timelines) and the log's Excel export both use. The codes come from the server itself: every `audit-codes.ts`
 * under server/src (recordAudit's action type is built from those lists, so
 * no service writes an action outside them), the attachable record types the
 * modules register, and, as a net for record types (which arrive as strings),
 * every `entityType: '…'` and `runImport(…, '…')` literal in the source.
 */

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

type CodeLists = { AUDIT_ENTITY_TYPES?: readonly string[]; AUDIT_ACTIONS?: readonly string[] };

const files = sourceFiles(SRC);
const codeFiles = files.filter((f) => path.basename(f) === 'audit-codes.ts');

/** Record types written as literals: `entityType: 'x'`, `entityType: c ? 'x' : 'y'`, `runImport(db, actor, 'x', …)`. */
function literalEntityTypes(): Map<string, string> {
  const found = new Map<string, string>(); // code → first file that writes it
  const patterns = [
    /entityType:\s*(?:z\.literal\()?'([a-z_]+)'/g,
    /entityType:[^\n,]*\?\s*'([a-z_]+)'\s*:\s*'([a-z_]+)'/g,
    /runImport\(\s*\w+,\s*\w+,\s*'([a-z_]+)'/g,
  ];
  for (const file of files) {
    if (codeFiles.includes(file)) continue;
    const text = fs.readFileSync(file, 'utf8');
    for (const re of patterns)
      for (const m of text.matchAll(re))
        for (const code of m.slice(1))
          if (code && !found.has(code)) found.set(code, path.relative(SRC, file));
  }
  return found;
}

let t: TestApp;
const entityTypes = new Set<string>();
const actions = new Set<string>();

beforeAll(async () => {
  // Building the app registers every module, hence every attachable record type.
  t = await createTestApp();
  for (const file of codeFiles) {
    const lists = (await import(file)) as CodeLists;
    for (const code of lists.AUDIT_ENTITY_TYPES ?? []) entityTypes.add(code);
    for (const code of lists.AUDIT_ACTIONS ?? []) actions.add(code);
  }
  for (const code of attachmentEntityTypes()) entityTypes.add(code);
});
afterAll(() => t.close());

/** The codes of `codes` that have no non-empty name in `names`. */
function unnamed(codes: Iterable<string>, names: Record<string, string>): string[] {
  return [...codes].filter((c) => !(typeof names[c] === 'string' && names[c].trim() !== ''));
}

describe('audit log labels', () => {
  it('gathers the codes of the platform, every module and the seeds', () => {
    const where = codeFiles.map((f) => path.relative(SRC, f).replaceAll(path.sep, '/')).sort();
    expect(where).toEqual(
      expect.arrayContaining([
        'modules/assets/audit-codes.ts',
        'modules/maintenance/audit-codes.ts',
        'modules/org/audit-codes.ts',
        'platform/audit/audit-codes.ts',
        'seed/audit-codes.ts',
      ]),
    );
    // One of each source: platform, org, maintenance (workflow), assets (built per document kind), attachments.
    for (const code of ['user', 'location', 'work_order', 'stock_document', 'asset_custody'])
      expect(entityTypes).toContain(code);
    for (const code of [
      'login',
      'regenerate_qr',
      'rate',
      'sla_breach_completion',
      'approve_requisition',
    ])
      expect(actions).toContain(code);
  });

  it('lists every record type the source writes as a literal', () => {
    const missing = [...literalEntityTypes()]
      .filter(([code]) => !entityTypes.has(code))
      .map(([code, file]) => `${code} (${file})`);
    expect(missing, 'add these to an audit-codes.ts AUDIT_ENTITY_TYPES').toEqual([]);
  });

  it('names every record type in Chinese and English', () => {
    expect(unnamed(entityTypes, AUDIT_ENTITY_NAMES_ZH), 'AUDIT_ENTITY_NAMES_ZH').toEqual([]);
    expect(unnamed(entityTypes, AUDIT_ENTITY_NAMES_EN), 'AUDIT_ENTITY_NAMES_EN').toEqual([]);
  });

  it('names every action in Chinese and English', () => {
    expect(unnamed(actions, AUDIT_ACTION_NAMES_ZH), 'AUDIT_ACTION_NAMES_ZH').toEqual([]);
    expect(unnamed(actions, AUDIT_ACTION_NAMES_EN), 'AUDIT_ACTION_NAMES_EN').toEqual([]);
  });
});
