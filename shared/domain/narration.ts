/**
 * Kiosk narration 朗读: pre-recorded Mandarin clips (resources/narration, made by scripts/make-narration.ts),
 * one clip per exact text the kiosk shows. A screen is read as a list of such texts, played in turn.
 *
 * A clip is found by its text, character for character; its file is named after the SHA-256 of that text.
 * A text an admin edited (legal text, a quiz question) therefore finds no clip and its 朗读 is disabled:
 * the kiosk never plays stale audio, never calls a network voice and never depends on the browser's
 * speechSynthesis (Chromium without system voices has none).
 */

/** Where the core serves resources/narration. */
export const NARRATION_URL = '/narration/';

export interface NarrationClip {
  /** The exact text spoken, as the kiosk shows it. */
  text: string;
  /** SHA-256 of the text's UTF-8 bytes, hex. */
  sha256: string;
  /** File name under NARRATION_URL: the first 16 hex digits of sha256, then `.ogg`. */
  file: string;
  durationSec: number;
}

export interface NarrationManifest {
  voice: string;
  clips: NarrationClip[];
}

/** The file a text's clip must have: named from its hash, so an edited text can never match an old clip. */
export const clipFileFor = (sha256: string) => `${sha256.slice(0, 16)}.ogg`;

/** The texts of the choice screen, read in the order they stand on it (the legal text has its own 朗读). */
export interface ChoiceTexts {
  title: string;
  lead: string;
  education: string;
  educationDetail: string;
  fine: string;
  fineDetail: string;
  /** Shown to motorcycle riders only. */
  motorcycle?: string;
}

export const choiceReading = (c: ChoiceTexts): string[] => [
  c.title,
  c.lead,
  c.education,
  c.educationDetail,
  c.fine,
  c.fineDetail,
  ...(c.motorcycle ? [c.motorcycle] : []),
];

/** A quiz question is read as the question, then each answer in the order shown. */
export const quizReading = (q: { question: string; options: readonly string[] }): string[] => [
  q.question,
  ...q.options,
];

/** The legal footing is read as its heading, then the text from the settings. */
export const legalReading = (heading: string, text: string): string[] => [heading, text];
