// One writer at a time, with real processes: the second writer is refused and told who holds
// the state, readers go on working, and a lock left by a dead process is taken over.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { UserError } from '../../src/core/errors.js';
import { openState } from '../../src/store/index.js';
import { localOf } from '../helpers/state-paths.js';
import { sampleReview, sampleState } from './fixtures/sample.js';
import { startChild, tempDir } from './helpers.js';

const clock = new ManualClock(Date.parse('2026-11-26T10:00:00Z'));

async function writerError(state: string): Promise<UserError> {
  try {
    (await openState(state, { mode: 'write', clock, command: 'paperdeck study second' })).close();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('the second writer was let in');
}

describe('one writer at a time', () => {
  it('refuses a second writer, naming the first, while readers still work', async () => {
    const state = tempDir();
    const holder = startChild(state, 'hold', 'd');
    await holder.waitForLine((line) => line === 'ready');

    const error = await writerError(state);
    expect(error.message).toContain(`pid ${holder.pid}`);
    expect(error.message).toContain('`paperdeck study d`');
    expect(error.message).toMatch(/finish that session first/);

    const reader = await openState(state, { mode: 'read', clock });
    expect(reader.deck('d').lastSeq()).toBe(3);
    expect(reader.deck('d').cardStates().get('card-3')).toEqual(sampleState(3));
    reader.close();
  });

  it('lets the next writer in once the first closes', async () => {
    const state = tempDir();
    const holder = startChild(state, 'hold', 'd');
    await holder.waitForLine((line) => line === 'ready');
    holder.process.stdin.write('close\n');
    await holder.exited;
    const writer = await openState(state, { mode: 'write', clock });
    expect(writer.deck('d').lastSeq()).toBe(3);
    writer.close();
    expect(existsSync(join(localOf(state), '.lock'))).toBe(false);
    expect(existsSync(join(localOf(state), '.lock-owner.json'))).toBe(false);
  });

  it('releases the lock when the first writer exits without closing', async () => {
    const state = tempDir();
    const holder = startChild(state, 'hold', 'd');
    await holder.waitForLine((line) => line === 'ready');
    holder.process.stdin.write('exit\n');
    expect((await holder.exited).code).toBe(0);
    expect(existsSync(join(localOf(state), '.lock'))).toBe(false);
    (await openState(state, { mode: 'write', clock })).close();
  });

  it('releases the lock when the first writer is interrupted (SIGINT, SIGTERM)', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const state = tempDir();
      const holder = startChild(state, 'hold', 'd');
      await holder.waitForLine((line) => line === 'ready');
      holder.process.kill(signal);
      await holder.exited;
      expect(existsSync(join(localOf(state), '.lock'))).toBe(false);
      const writer = await openState(state, { mode: 'write', clock });
      expect(writer.deck('d').lastSeq()).toBe(3);
      writer.close();
    }
  });

  it('takes over at once a lock whose owner was killed', async () => {
    const state = tempDir();
    const holder = startChild(state, 'hold', 'd');
    await holder.waitForLine((line) => line === 'ready');
    holder.process.kill('SIGKILL');
    await holder.exited;
    expect(existsSync(join(localOf(state), '.lock'))).toBe(true); // nothing could clean up after kill -9

    const writer = await openState(state, { mode: 'write', clock });
    expect(writer.deck('d').lastSeq()).toBe(3); // its answers were saved before it died
    writer.deck('d').append(sampleReview('after', 4));
    writer.close();
  });

  it('does not take over a fresh lock whose owner file is missing', async () => {
    const state = tempDir();
    mkdirSync(join(localOf(state), '.lock'), { recursive: true });
    const error = await writerError(state);
    expect(error.message).toMatch(/another paperdeck is using/);
  });

  it('names an owner on another host with its host', async () => {
    const state = tempDir();
    mkdirSync(join(localOf(state), '.lock'), { recursive: true });
    const owner = { pid: 4242, hostname: `not-${hostname()}`, command: 'paperdeck study x', startedAt: clock.now() };
    writeFileSync(join(localOf(state), '.lock-owner.json'), JSON.stringify(owner));
    const error = await writerError(state);
    expect(error.message).toContain(`pid 4242 on not-${hostname()}`);
    expect(existsSync(join(localOf(state), '.lock'))).toBe(true);
  });

  it('refuses a second writer in the same process, and lets it in after close', async () => {
    const state = tempDir();
    const first = await openState(state, { mode: 'write', clock });
    expect((await writerError(state)).message).toContain(`pid ${process.pid}`);
    first.close();
    first.close(); // idempotent
    (await openState(state, { mode: 'write', clock })).close();
  });
});
