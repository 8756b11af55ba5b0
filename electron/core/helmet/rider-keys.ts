import { createHmac } from 'node:crypto';
import { idLast4, maskPhone } from '../../../shared/domain/helmet';

export interface RiderKeys {
  idHash: string | null;
  idLast4: string | null;
  phoneHash: string | null;
  phoneMasked: string | null;
}

/**
 * Keyed hashes for repeat lookup plus what the booth shows; the clear values go no further than
 * this. `secret` is the rider key (secrets/rider-secret.ts), which never sits in the database: an
 * ID number or a phone has too little entropy for any hash to hide it from whoever holds the key.
 */
export function riderKeys(secret: Buffer, idNumber: string | undefined, phone: string | undefined): RiderKeys {
  if (!idNumber && !phone) return { idHash: null, idLast4: null, phoneHash: null, phoneMasked: null };
  const mac = (kind: string, value: string) => createHmac('sha256', secret).update(`${kind}:${value}`).digest('hex');
  return {
    idHash: idNumber ? mac('id', idNumber) : null,
    idLast4: idNumber ? idLast4(idNumber) : null,
    phoneHash: phone ? mac('phone', phone) : null,
    phoneMasked: phone ? maskPhone(phone) : null,
  };
}
