export type MockUser = {
  name: string;
  /** For `error.<code>` users: the code every Data call fails with. */
  errorCode: string | null;
};

const USER_NAME = /^[A-Za-z0-9._-]{1,64}$/;

export function isValidUserName(name: string): boolean {
  return USER_NAME.test(name);
}

/**
 * TrueLayer's mock provider: `john`, `john1`… and any other name get sample data (different per name);
 * `error.<code>` logs in fine and then every Data call fails with `<code>`.
 */
export function describeUser(name: string): MockUser {
  const match = /^error\.(.+)$/.exec(name);
  return { name, errorCode: match?.[1] ?? null };
}
