/** A paired screen's device token, kept in localStorage until that screen is unpaired. */
export const storedToken = (key: string) => ({
  get: () => localStorage.getItem(key) ?? undefined,
  set: (token: string) => localStorage.setItem(key, token),
  clear: () => localStorage.removeItem(key),
});
