import type { Officer } from '../../../shared/contract/auth';
import { DomainError } from '../errors';
import { login } from '../identity/login';
import { countOfficers, createOfficer } from '../identity/officers';
import { createSession, endSession } from '../identity/sessions';
import type { Handlers } from '../socket/handlers';
import { signOutSessions } from './live-sessions';

export const authHandlers: Handlers<'setup:createAdmin' | 'auth:login' | 'auth:logout' | 'auth:me'> = {
  async 'setup:createAdmin'(req, { core }) {
    if (countOfficers(core.db) > 0) throw new DomainError('FORBIDDEN', '系统已初始化，不能再次创建管理员');
    const now = core.clock();
    const officer = await createOfficer(core.db, { ...req, role: 'admin' }, 'setup', now);
    return createSession(core.db, officer, now);
  },

  'auth:login': (req, { core }) => login(core.db, req.badge, req.pin, core.clock()),

  'auth:logout'(_req, { core, socket }) {
    const hash = socket.data.sessionHash;
    if (hash) {
      endSession(core.db, hash);
      // Every window of this session is signed out, not just the one that asked.
      signOutSessions(core, [hash], 'logout');
    }
    return null;
  },

  'auth:me': (_req, { socket }) => (socket.data.principal as { officer: Officer }).officer,
};
