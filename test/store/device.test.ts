// Which machine this is (store/device.ts): a reader (`due`, on every prompt) takes the same name
// and fingerprint as a writer, though it reads the install id and hashes the fingerprint only
// when asked, and never makes the id.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { thisDevice } from '../../src/store/device.js';

describe('this device', () => {
  it('is the same machine to a reader as to the writer that made its install id, and a reader makes none', () => {
    const home = mkdtempSync(join(tmpdir(), 'paperdeck-device-'));
    for (const given of [undefined, 'desk-1']) {
      const env = { XDG_STATE_HOME: join(home, given ?? 'none'), ...(given ? { PAPERDECK_DEVICE: given } : {}) };
      const before = thisDevice(env);
      expect(existsSync(join(env.XDG_STATE_HOME, 'paperdeck', 'install-id'))).toBe(false);
      const writer = thisDevice(env, true);
      expect(existsSync(join(env.XDG_STATE_HOME, 'paperdeck', 'install-id'))).toBe(true);
      const reader = thisDevice(env);
      expect({ name: reader.name, fingerprint: reader.fingerprint }).toEqual(writer);
      if (given) expect(writer.name).toBe(given);
      // Without the install id the name is the same wherever the machine has an id of its own.
      if (!given && existsSync('/etc/machine-id')) expect(before.name).toBe(writer.name);
    }
  });

  it('refuses a PAPERDECK_DEVICE that is not a device name', () => {
    expect(() => thisDevice({ PAPERDECK_DEVICE: '../x' })).toThrow('is not a device name');
  });
});
