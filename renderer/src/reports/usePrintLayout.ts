import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import './print.css';

/** A4 portrait content width at 96 dpi with 15 mm margins. */
export const PRINT_PAGE_WIDTH = 680;

/**
 * While a print layout is mounted, print CSS shows only it (body.printing-report), with page numbers
 * in the bottom margin in the screen's language; `onReady` runs once it is drawn (two frames: React
 * has committed and any SVG charts have been laid out), i.e. when the page may be printed.
 */
export function usePrintLayout(onReady: () => void) {
  const { t } = useTranslation();
  useEffect(() => {
    document.body.classList.add('printing-report');
    const pages = document.createElement('style');
    pages.textContent = `@page { @bottom-center { content: ${t('reports.printPageCss')}; font-size: 9pt; color: #333; } }`;
    document.head.appendChild(pages);
    let second = 0;
    const first = requestAnimationFrame(() => (second = requestAnimationFrame(onReady)));
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
      pages.remove();
      document.body.classList.remove('printing-report');
    };
  }, [onReady, t]);
}
