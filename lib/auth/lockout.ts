// When sign-in attempts are refused before the password is even checked. Pure, so the rules can
// be tested without a database; lib/dal/accounts.ts feeds it counts from `login_attempts`.

export const lockout = {
  /** Failures of one account within the window that lock it. */
  maxAccountFailures: 10,
  /**
   * Distinct accounts failing from one address within the window that block the address: a
   * password spray tries many accounts, while one person's typos (or a few people's) at a hotel
   * never reach it, so nobody else on that network is refused.
   */
  maxAddressAccounts: 10,
  windowMinutes: 15,
} as const;

export interface AttemptHistory {
  accountFailures: number;
  /** When the oldest failure still in the window happened, for "try again at". */
  accountOldest: Date | null;
  addressAccounts: number;
  addressOldest: Date | null;
}

export type LockDecision = { locked: false } | { locked: 'account' | 'address'; retryAt: Date };

export function decideLock(history: AttemptHistory): LockDecision {
  const windowMs = lockout.windowMinutes * 60_000;
  if (history.accountFailures >= lockout.maxAccountFailures && history.accountOldest) {
    return { locked: 'account', retryAt: new Date(history.accountOldest.getTime() + windowMs) };
  }
  if (history.addressAccounts >= lockout.maxAddressAccounts && history.addressOldest) {
    return { locked: 'address', retryAt: new Date(history.addressOldest.getTime() + windowMs) };
  }
  return { locked: false };
}

/** Whole minutes until `retryAt`, at least 1: what the refusal tells the person. */
export function minutesUntil(retryAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
}
