import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Connection, ConnectionState } from './connection';

export const ConnectionContext = createContext<Connection | undefined>(undefined);

export function useConnection(): Connection {
  const c = useContext(ConnectionContext);
  if (!c) throw new Error('useConnection outside <ConnectionContext.Provider>');
  return c;
}

export function useConnectionState(): ConnectionState {
  const c = useConnection();
  return useSyncExternalStore(c.subscribe, c.getState);
}
