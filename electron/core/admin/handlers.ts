import type { Officer } from '../../../shared/contract/auth';
import { verifyChain } from '../audit/chain';
import { refreshOfficerSessions, signOutSessions, toAdmins } from '../auth/live-sessions';
import { actorOf, type Core, type GreenSocket } from '../context';
import { createOfficer, findOfficerById } from '../identity/officers';
import { readSettings } from '../settings-store';
import type { Handlers } from '../socket/handlers';
import { auditActions, queryAudit } from './audit-query';
import { changeOwnPin, listAccounts, resetPin, setActive, setRole, toAccount } from './officer-accounts';
import { updateSettings } from './settings-update';

type AdminEvent =
  | 'officers:list'
  | 'officers:create'
  | 'officers:setActive'
  | 'officers:setRole'
  | 'officers:resetPin'
  | 'account:changePin'
  | 'settings:get'
  | 'settings:update'
  | 'audit:query'
  | 'audit:actions'
  | 'audit:verify';

// The router has already checked the access level, so these sockets are signed-in officers.
const me = (socket: GreenSocket): Officer => (socket.data.principal as { officer: Officer }).officer;
const actor = (socket: GreenSocket) => actorOf(socket.data.principal);
const officersChanged = (core: Core) => toAdmins(core, 'officers:changed', listAccounts(core.db));

export const adminHandlers: Handlers<AdminEvent> = {
  'officers:list': (_req, { core }) => listAccounts(core.db),

  async 'officers:create'(req, { core, socket }) {
    const officer = await createOfficer(core.db, req, actor(socket), core.clock());
    officersChanged(core);
    return toAccount(findOfficerById(core.db, officer.id)!);
  },

  'officers:setActive'(req, { core, socket }) {
    const { account, endedSessions } = setActive(core.db, req.officerId, req.active, actor(socket), core.clock());
    signOutSessions(core, endedSessions, 'deactivated');
    officersChanged(core);
    return account;
  },

  'officers:setRole'(req, { core, socket }) {
    const account = setRole(core.db, req.officerId, req.role, actor(socket), core.clock());
    refreshOfficerSessions(core, req.officerId);
    officersChanged(core);
    return account;
  },

  async 'officers:resetPin'(req, { core, socket }) {
    const { account, endedSessions } = await resetPin(core.db, req.officerId, req.pin, me(socket).id, actor(socket), core.clock());
    signOutSessions(core, endedSessions, 'pinReset');
    officersChanged(core);
    return account;
  },

  async 'account:changePin'(req, { core, socket }) {
    const ended = await changeOwnPin(
      core.db,
      me(socket).id,
      req.currentPin,
      req.newPin,
      socket.data.sessionHash,
      actor(socket),
      core.clock(),
    );
    signOutSessions(core, ended, 'pinChanged');
    return null;
  },

  'settings:get': (_req, { core }) => readSettings(core.db),
  'settings:update': (req, { core, socket }) => updateSettings(core, req, actor(socket)),

  'audit:query': (req, { core }) => queryAudit(core.db, req),
  'audit:actions': (_req, { core }) => auditActions(core.db),
  'audit:verify': (_req, { core }) => verifyChain(core.db),
};
