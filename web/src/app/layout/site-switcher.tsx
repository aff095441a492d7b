/**
 * Placeholder for the site (院区 / 校区) switcher. It appears once pages
 * scope their lists by a chosen site; until then a control that changes
 * nothing would only mislead.
 */
export function SiteSwitcher() {
  return null;
}
