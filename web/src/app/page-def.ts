import type { TFunction } from 'i18next';
import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { Language } from './i18n.ts';

/** Side-menu groups, in display order; a group with no permitted page is not shown. */
export const MENU_GROUPS = [
  'workspace',
  'maintenance',
  'assets',
  'organization',
  'administration',
] as const;
export type MenuGroup = (typeof MENU_GROUPS)[number];

/** A permission as the server's routes declare it (`scope: 'site'` = held at some site is enough). */
export type PagePermission = { permission: string; scope?: 'org' | 'site' };

/**
 * One page of the signed-in application. The router and the side menu are
 * both built from this list, so every menu item leads to a real page and
 * shows only for a user who may open it; typing the address of a page one
 * may not open shows "no access" (the server refuses the API calls anyway).
 */
export type PageDef = {
  /** Path under the root, without the leading slash; '' is the home page. */
  path: string;
  page: LazyExoticComponent<ComponentType>;
  /** Omitted: every signed-in user. A list: any one of them opens the page. */
  permission?: PagePermission | readonly PagePermission[];
  menu?: {
    group: MenuGroup;
    /** A shell text, or the two languages inline (module texts are not loaded with the menu). */
    label: ((t: TFunction) => string) | Record<Language, string>;
    icon: ReactNode;
  };
  /**
   * Without the shell (no menu or header): print pages such as label sheets,
   * and the QR landing page opened on a phone.
   */
  bare?: boolean;
};

export function menuLabel(def: NonNullable<PageDef['menu']>, t: TFunction, lang: Language): string {
  return typeof def.label === 'function' ? def.label(t) : def.label[lang];
}
