import { useState } from 'react';

/** A yes/no kept in localStorage (mute switches survive a reload). */
export const storedFlag = (key: string) => ({
  get: () => localStorage.getItem(key) === '1',
  set: (on: boolean) => (on ? localStorage.setItem(key, '1') : localStorage.removeItem(key)),
});

/** A stored flag as React state: its value and a toggle that writes it back. */
export function useStoredFlag(flag: ReturnType<typeof storedFlag>) {
  const [on, setOn] = useState(flag.get);
  const toggle = () => {
    flag.set(!on);
    setOn(!on);
  };
  return [on, toggle] as const;
}
