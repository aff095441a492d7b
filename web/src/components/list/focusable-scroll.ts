import { useEffect, type RefObject } from 'react';

/**
 * antd tables that scroll sideways (`scroll.x`) make a scroll region a
 * keyboard user cannot reach (axe: scrollable-region-focusable). This gives
 * every such region under `root` a tab stop, also after re-renders. The
 * proper fix belongs in ListPage / the Table defaults; until then the
 * operations pages apply it themselves.
 */
export function useFocusableScroll(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const apply = () => {
      for (const region of el.querySelectorAll<HTMLElement>('.ant-table-content')) {
        if (!region.hasAttribute('tabindex')) region.tabIndex = 0;
      }
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(el, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [root]);
}
