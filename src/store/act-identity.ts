// An act's party ID number (party.idNumber of the exchange format), sealed at rest like the
// complainant's identity: SM4-CBC + HMAC-SM3 bound to the act (src/security/crypto.ts), under the
// personal-data key outside the database. It never stays in `acts.body`; it is opened only to decide
// whether the party was a minor (a do-not-publish rule), never shown or published.
import { open, seal } from '../security/crypto.js';
import { activeKeyring, type Keyring } from '../security/keys.js';

const context = (actId: string) => `acts.${actId}.party_id_number`;

export function sealPartyIdNumber(actId: string, idNumber: string, keys: Keyring = activeKeyring()): Buffer {
  const k = keys.pii.versions.get(keys.pii.current);
  if (!k) throw new Error(`no personal-data key of version ${keys.pii.current}`);
  return seal(k, idNumber, context(actId));
}

/** The ID number; throws SealError when the value was altered or moved from another act. */
export function openPartyIdNumber(
  actId: string,
  sealed: Uint8Array,
  keys: Keyring = activeKeyring(),
): string {
  return open((v) => keys.pii.versions.get(v), Buffer.from(sealed), context(actId));
}
