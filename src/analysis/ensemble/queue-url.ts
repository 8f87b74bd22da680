/** The `--queue redis://HOST:PORT[/DB]` option, checked and turned into connection settings. */
import { InputError } from '../../sd/ir/diagnostics.js';

export interface QueueAddress {
  host: string;
  port: number;
  db: number;
  password?: string;
  username?: string;
  /** The URL without a password, for messages. */
  label: string;
}

export function parseQueueUrl(text: string, where = '--queue'): QueueAddress {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError(where, { en: `"${text}" is not a URL; use redis://HOST:PORT`, es: `"${text}" no es una URL; use redis://HOST:PORT` });
  }
  if (url.protocol !== 'redis:') throw new InputError(where, { en: `"${text}": only redis://HOST:PORT queues are supported`, es: `"${text}": solo se admiten colas redis://HOST:PORT` });
  if (!url.hostname) throw new InputError(where, { en: `"${text}" names no host; use redis://HOST:PORT`, es: `"${text}" no indica ningún host; use redis://HOST:PORT` });
  const port = url.port === '' ? 6379 : Number(url.port);
  const path = url.pathname.replace(/^\//, '');
  const db = path === '' ? 0 : Number(path);
  if (!(Number.isInteger(db) && db >= 0)) throw new InputError(where, { en: `"${text}": the database after the port must be a whole number`, es: `"${text}": la base de datos después del puerto debe ser un número entero` });
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    host,
    port,
    db,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    label: `redis://${url.host}${db ? `/${db}` : ''}`,
  };
}
