// Two-factor sign-in: TOTP (RFC 6238; SHA-1, 6 digits, 30-second steps — what authenticator
// apps use) through otplib.
import { generate, generateSecret, generateURI, verify } from 'otplib';

export const TOTP_ISSUER = '问责 Wenze';
const PERIOD = 30;

export const newTotpSecret = (): string => generateSecret({ length: 20 });

export const totpUri = (username: string, secret: string): string =>
  generateURI({ issuer: TOTP_ISSUER, label: username, secret, period: PERIOD, digits: 6 });

/** The current code (tests and the enrolment check). */
export const totpCode = (secret: string, epochSeconds = Math.floor(Date.now() / 1000)) =>
  generate({ secret, epoch: epochSeconds, period: PERIOD, digits: 6 });

/**
 * The time step a code is good for (the current one, or one step either side for clock drift),
 * or null. The caller refuses a step already used.
 */
export async function totpStep(
  secret: string,
  code: string,
  epochSeconds = Math.floor(Date.now() / 1000),
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const r = await verify({
      secret,
      token: code,
      epoch: epochSeconds,
      period: PERIOD,
      digits: 6,
      epochTolerance: PERIOD,
    });
    return r.valid && 'timeStep' in r ? r.timeStep : null;
  } catch {
    return null;
  }
}
