export interface LoginValues {
  username: string;
  password: string;
}

/** What went wrong on the last attempt, as shown above the form. */
export interface LoginProblem {
  kind: 'failed' | 'locked' | 'expired';
  message: string;
}
