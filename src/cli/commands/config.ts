import type { CommandContext } from '../context.js';
import { UserError } from '../../core/errors.js';

export async function run(_ctx: CommandContext): Promise<number> {
  throw new UserError('config is not built yet');
}
