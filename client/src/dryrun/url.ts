// The dev database URL the user types: `mysql://user@host:3306/db`. Pure (no vscode): unit-tested.
// The password never goes into the URL: it is asked for separately and kept in SecretStorage.

export interface DatabaseTarget {
  /** normalised, without a password: what is stored in workspaceState and sent as `connection.url` */
  url: string;
  user: string;
  host: string;
  port: number;
  database: string;
}

/** the engine's default allow-list: a dry-run elsewhere needs the user's confirmation */
const LOCAL_HOSTS = ['localhost', '127.0.0.1', '::1', '[::1]'];
const LOCAL_SUFFIXES = ['.local', '.test'];

export function parseDatabaseUrl(input: string): DatabaseTarget | { error: string } {
  const text = input.trim();
  if (text === '') return { error: 'Enter a URL such as mysql://user@127.0.0.1:3306/app_dev' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { error: 'Not a URL: use mysql://user@host:3306/database' };
  }
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') return { error: 'The URL starts with mysql:// (or mariadb://)' };
  if (url.password !== '') return { error: 'Leave the password out of the URL: it is asked for next and kept in VS Code\'s secret storage' };
  const user = decodeURIComponent(url.username);
  if (user === '') return { error: 'Name the user: mysql://user@host:3306/database' };
  const host = url.hostname;
  if (host === '') return { error: 'Name the host: mysql://user@host:3306/database' };
  const port = url.port === '' ? 3306 : Number(url.port);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (database === '' || database.includes('/')) return { error: 'Name the database: mysql://user@host:3306/database' };
  if (url.search !== '' || url.hash !== '') return { error: 'No options after the database name, please' };
  return { url: `${url.protocol}//${encodeURIComponent(user)}@${host}:${port}/${encodeURIComponent(database)}`, user, host, port, database };
}

export function isLocalHost(host: string): boolean {
  const h = host.toLowerCase();
  return LOCAL_HOSTS.includes(h) || LOCAL_SUFFIXES.some((s) => h.endsWith(s));
}

/** `user@host/db` (the port when it is not 3306), for the status bar */
export function connectionLabel(target: DatabaseTarget): string {
  return `${target.user}@${target.host}${target.port === 3306 ? '' : `:${target.port}`}/${target.database}`;
}
