import type { Principal } from '../../../shared/contract/pushes';
import { actorOf } from '../context';
import { forbidden } from '../errors';

/** Who is writing: the officer row (for steps and crews) and the audit actor string. */
export interface EscortActor {
  officerId: number;
  actor: string;
}

export function escortActorOf(principal: Principal): EscortActor {
  if (principal.kind !== 'officer') throw forbidden('仅民警可记录护送');
  return { officerId: principal.officer.id, actor: actorOf(principal) };
}
