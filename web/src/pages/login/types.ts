export interface LoginValues {
  username: string;
  password: string;
  /** The authenticator's code: asked for once the password is right and the account has 2FA. */
  code?: string;
}

/** What went wrong on the last attempt, as shown above the form. */
export interface LoginProblem {
  kind: 'failed' | 'locked' | 'expired';
  message: string;
}
