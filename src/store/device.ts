// Which machine this is. Each machine sharing a state folder (through Syncthing, a cloud folder
// or git) writes only files named after it, so its name must be the same every time it runs and
// differ from every other machine's, with nothing to configure. It never comes from a file inside
// the state folder: that file would be synced to the other machine, which would then take the
// same name. PAPERDECK_DEVICE overrides it; two machines given the same name are caught by the
// device record (`devices/<name>.json`), which holds the fingerprint of the machine that first
// wrote under that name.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { Fingerprint } from '../core/fingerprint.js';
import { cli } from '../core/invocation.js';
import { toSafeLine } from '../core/sanitize.js';
import { writeFileAtomicSync } from './atomic-file.js';
import { isConflictCopyName } from './conflict-copies.js';
import { DEVICES_DIR, displayPath } from './layout.js';
import { readRegularFile } from './read-file.js';
import { isJsonObject } from './schema.js';

export interface Device {
  /** Safe in a file name: letters, digits, `.`, `_`, `-`; at most 64 characters. */
  name: string;
  /** Tells this machine (and user account) from another that took the same name. */
  fingerprint: string;
}

const DEVICE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const MACHINE_ID_FILES = ['/etc/machine-id', '/var/lib/dbus/machine-id'];

/** Whether `name` can be a device name (and so a file name in every synced folder). */
export function isDeviceName(name: string): boolean {
  // A sync tool's conflict copy of a device's file is never taken for another device's file.
  return DEVICE_NAME.test(name) && !name.endsWith('.') && !isConflictCopyName(name);
}

/** A host name made safe for a file name: lower case, other characters as `-`, at most 32. */
export function safeHostName(host: string): string {
  const safe = host
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/, '');
  return safe === '' ? 'machine' : safe;
}

/** Not node:crypto: `due`, which runs on every shell prompt, asks for the device too. */
function shortHash(text: string, length: number): string {
  return new Fingerprint().update(Buffer.from(text, 'utf8')).digest().slice(0, length);
}

function readSmallText(file: string): string | null {
  try {
    const bytes = readRegularFile(file, 4096);
    const text = bytes?.toString('utf8').trim();
    return text ? text : null;
  } catch {
    return null;
  }
}

/** Where this user's paperdeck keeps what is its own on this machine, outside any synced folder. */
function ownStateHome(env: NodeJS.ProcessEnv): string {
  const xdg = env.XDG_STATE_HOME;
  return join(xdg && xdg.startsWith('/') ? xdg : join(homedir(), '.local', 'state'), 'paperdeck');
}

/**
 * A random id kept in this user's own state home, made on first use (when `create`). Two user
 * accounts, or two machines cloned from one image (same /etc/machine-id), still differ by it.
 */
function installId(env: NodeJS.ProcessEnv, create: boolean): string | null {
  const file = join(ownStateHome(env), 'install-id');
  const existing = readSmallText(file);
  if (existing !== null || !create) return existing;
  try {
    mkdirSync(ownStateHome(env), { recursive: true });
    // Loaded here alone: only a writer's first run on this machine makes the id.
    const { randomBytes } = process.getBuiltinModule('node:crypto') as typeof import('node:crypto');
    writeFileAtomicSync(file, randomBytes(16).toString('hex') + '\n');
  } catch {
    return null;
  }
  return readSmallText(file);
}

/**
 * This machine: PAPERDECK_DEVICE when set (refused unless it is a safe file name), else its
 * host name and a short hash of its machine id (or of the install id where there is none).
 * `create` lets it make the install id (writers); readers write nothing.
 */
export function thisDevice(env: NodeJS.ProcessEnv = process.env, create = false): Device {
  const given = env.PAPERDECK_DEVICE;
  if (given !== undefined && given !== '' && !isDeviceName(given)) {
    throw new UserError(
      `PAPERDECK_DEVICE ${JSON.stringify(toSafeLine(given))} is not a device name: use letters, digits, '.', '_' and '-' (at most 64, not starting with '.' or '-')`,
    );
  }
  const machineId = given ? null : firstMachineId();
  // A writer makes the install id now; a reader (`due` on every prompt) reads it, and hashes the
  // fingerprint, only if asked: only writers claim a name with it.
  let install: string | null | undefined = create ? installId(env, true) : undefined;
  const installOnce = () => (install === undefined ? (install = installId(env, false)) : install);
  let fingerprint: string | undefined;
  const fingerprintOnce = () => (fingerprint ??= shortHash(`${(given ? firstMachineId() : machineId) ?? ''}:${installOnce() ?? ''}`, 16));
  const name = given ? given : `${safeHostName(hostname())}-${shortHash(machineId ?? installOnce() ?? hostname(), 6)}`;
  if (create) return { name, fingerprint: fingerprintOnce() };
  return {
    name,
    get fingerprint() {
      return fingerprintOnce();
    },
  };
}

/** The first machine id found: the files after it are not read. */
function firstMachineId(): string | null {
  for (const file of MACHINE_ID_FILES) {
    const id = readSmallText(file);
    if (id !== null) return id;
  }
  return null;
}

interface DeviceRecord {
  paperdeck: 'device';
  device: string;
  fingerprint: string;
}

function deviceRecordFile(stateDir: string, name: string): string {
  return join(stateDir, DEVICES_DIR, `${name}.json`);
}

function readDeviceRecord(file: string): DeviceRecord | null {
  const text = readSmallText(file);
  if (text === null) return null;
  try {
    const doc: unknown = JSON.parse(text);
    if (isJsonObject(doc) && typeof doc.device === 'string' && typeof doc.fingerprint === 'string') return doc as unknown as DeviceRecord;
  } catch {
    // an unreadable record claims nothing
  }
  return null;
}

/**
 * Writers only, before writing anything named after `device`: its record is written once; a
 * record of the same name holding another fingerprint means another machine already writes
 * under this name, and sharing its files would make sync conflicts: refused in one line.
 */
export function claimDeviceName(stateDir: string, device: Device): void {
  const file = deviceRecordFile(stateDir, device.name);
  const record = readDeviceRecord(file);
  if (record !== null) {
    if (record.fingerprint === device.fingerprint) return;
    throw new UserError(
      `another machine already writes to this state folder as device ${device.name} (${displayPath(file)}); give this one another name with PAPERDECK_DEVICE=NAME ${cli()} ...`,
    );
  }
  if (existsSync(file)) return; // there but unreadable (half-synced?): not ours to overwrite
  mkdirSync(join(stateDir, DEVICES_DIR), { recursive: true });
  const doc: DeviceRecord = { paperdeck: 'device', device: device.name, fingerprint: device.fingerprint };
  writeFileAtomicSync(file, JSON.stringify(doc) + '\n');
}

/** The names of the devices that have a record in the state folder, sorted. */
export function recordedDevices(stateDir: string): string[] {
  try {
    return readdirSync(join(stateDir, DEVICES_DIR))
      .filter((name) => name.endsWith('.json') && isDeviceName(name.slice(0, -5)))
      .map((name) => name.slice(0, -5))
      .sort();
  } catch {
    return [];
  }
}
