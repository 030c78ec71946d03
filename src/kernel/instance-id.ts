import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * This process's name in leases and the delivery ledger: host, process id and a random part, so that
 * two instances on one host (or a restarted one) are never taken for each other.
 */
export function createInstanceId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}
