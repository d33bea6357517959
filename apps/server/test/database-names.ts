/** The maintenance database of the server DATABASE_URL points at, for CREATE/DROP DATABASE. */
export function adminUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
}

export function withDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** The login the suite's servers connect as: a member of spanner_server, owner of nothing. */
export const TEST_SERVER_LOGIN = 'spanner_test_server';

/** `databaseUrl` with the test server's login instead of the owner's. */
export function asServerLogin(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.username = TEST_SERVER_LOGIN;
  url.password = TEST_SERVER_LOGIN;
  return url.toString();
}
