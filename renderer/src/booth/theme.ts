import type { ThemeConfig } from 'antd';

/**
 * Preset tags (color="green" …) write in the palette's 7th shade on its 1st. Where that is under
 * 4.5:1, the 8th shade (for gold and yellow, the 9th) is used instead.
 */
const tagText = {
  green: '#237804',
  orange: '#ad4e00',
  gold: '#874d00',
  volcano: '#ad2102',
  lime: '#3f6600',
  cyan: '#006d75',
  yellow: '#876800',
};
// Ant Design keeps every shade under two names, green7 and green-7 (the CSS variable): both are set.
const presetTagText = Object.fromEntries(
  Object.entries(tagText).flatMap(([color, shade]) => [
    [`${color}7`, shade],
    [`${color}-7`, shade],
  ]),
);

/**
 * The booth's Ant Design theme. Ant Design's default greys and status colours are lighter than WCAG
 * AA allows for text (4.5:1; axe-core checks it in tests/e2e/axe.spec.ts): the secondary text under a
 * form, a statistic's title and a tag's label read at about 3.3:1. Each token below is the first step
 * dark enough to reach AA on white and on the board's #f5f7f6, set here once rather than element by element.
 */
export const boothTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1f7a3f',
    // White on a hovered primary button (derived #378751, 4.4:1): 5.1:1.
    colorPrimaryHover: '#2b7d47',
    fontSize: 15,
    // Descriptions, hints, statistic titles, empty states (default 0.45 black, 3.4:1): 5.3:1 on white.
    colorTextTertiary: 'rgba(0, 0, 0, 0.58)',
    colorTextDescription: 'rgba(0, 0, 0, 0.58)',
    // A select's placeholder is the only label some filters have (default 0.25 black, 1.8:1): 4.7:1.
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    // Status colours are also text: links and 进行中 tags (info), 正常/已完成 tags (success), danger
    // buttons and errors. Their defaults reach 2.2–3.8:1; these are each palette's 7th or 8th shade.
    colorInfo: '#0958d9',
    // A hovered link goes darker rather than lighter (derived #579df2, 2.7:1).
    colorLinkHover: '#003eb3',
    colorSuccess: '#237804',
    // From so dark a seed Ant Design derives a muddy grey-green background: keep its usual light one.
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorError: '#cf1322',
    // The warning icon keeps its amber; only warning text (Typography type="warning") is darker.
    colorWarningText: '#874d00',
    ...presetTagText,
  },
};
