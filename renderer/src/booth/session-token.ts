// The officer's session token lives for this window's life only: closing the booth signs out.
const KEY = 'greenpost.session';

export const sessionToken = {
  get: () => sessionStorage.getItem(KEY) ?? undefined,
  set: (token: string) => sessionStorage.setItem(KEY, token),
  clear: () => sessionStorage.removeItem(KEY),
};

export const boothAuth = (): Record<string, string> => {
  const token = sessionToken.get();
  return token ? { token } : {};
};
