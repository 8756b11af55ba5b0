import { createContext, useContext } from 'react';
import type { Narrator } from './useNarrator';

/** The rider's reading aids: 大字 and 自动朗读 (both last until the attract loop) and the narrator itself. */
export interface RiderAids {
  largeText: boolean;
  setLargeText(on: boolean): void;
  /** Each screen's main text (the choice, each quiz question) is read as it appears. */
  autoRead: boolean;
  setAutoRead(on: boolean): void;
  narrator: Narrator;
}

export const RiderAidsContext = createContext<RiderAids | null>(null);

export function useRiderAids(): RiderAids {
  const aids = useContext(RiderAidsContext);
  if (!aids) throw new Error('useRiderAids outside RiderAidsProvider');
  return aids;
}
