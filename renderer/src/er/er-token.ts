import { storedToken } from '../net/device-token';

// The ER screen's device token survives restarts until the screen is unpaired at the booth.
export const erToken = storedToken('greenpost.erToken');

export const erAuth = (): Record<string, string> => {
  const token = erToken.get();
  return token ? { erToken: token } : {};
};
