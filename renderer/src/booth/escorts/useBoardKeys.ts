import { useEffect } from 'react';

export interface BoardKeys {
  enabled: boolean;
  onNew(): void;
  onMove(delta: -1 | 1): void;
  onAdvanceSelected(): void;
}

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * Board shortcuts: N opens 新建护送, ←/→ move the selection, Enter advances the selected escort.
 * Ignored while typing, while a dialog is open and on a held key's repeats; Enter on a focused button
 * keeps its own meaning.
 */
export function useBoardKeys({ enabled, onNew, onMove, onAdvanceSelected }: BoardKeys) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      // A held key repeats: only the first keydown of a press counts.
      if (e.repeat || e.ctrlKey || e.altKey || e.metaKey || typing(e.target)) return;
      if (e.key === 'n' || e.key === 'N') {
        e.preventDefault();
        onNew();
      } else if (e.key === 'ArrowRight' || e.key === 'ArrowDown') {
        e.preventDefault();
        onMove(1);
      } else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') {
        e.preventDefault();
        onMove(-1);
      } else if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
        e.preventDefault();
        onAdvanceSelected();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, onNew, onMove, onAdvanceSelected]);
}
