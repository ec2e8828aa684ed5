import { AppError } from '../../../common/errors.js';
import type { JobHandler } from '../../../jobs/define.js';
import { actorOf } from '../../org/auth.service.js';
import { findUserById } from '../../org/index.js';
import { importCommitUpload } from './import.service.js';

/**
 * The commit of a previewed workbook as a background job, so the web page can show progress on a
 * large list. The run is marked done inside the import's own transaction: a process that dies after
 * the commit leaves the run succeeded, never retried against a file already consumed.
 */
export const importWorklistHandler: JobHandler<'worklists.import'> = async (ctx, payload, run) => {
  const user = run.actorId ? await findUserById(ctx.db, run.actorId) : undefined;
  if (!user) throw new AppError('FORBIDDEN');
  const progress = (message: string) => run.progress(0, null, message);
  return importCommitUpload(ctx, actorOf(user), payload, progress, (trx, result) => run.markDone(trx, result));
};
