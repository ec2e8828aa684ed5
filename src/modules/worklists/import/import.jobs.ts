import { AppError } from '../../../common/errors.js';
import { importCommitBody } from '../../../common/schemas/worklists-import.js';
import { defineJob } from '../../../jobs/define.js';
import { actorOf } from '../../org/auth.service.js';
import { findUserById } from '../../org/index.js';
import { importCommitUpload } from './import.service.js';

/**
 * The commit of a previewed workbook as a background job, so the web page can show progress on a
 * large list. A second attempt is harmless: re-importing updates the same items by code.
 */
export const importWorklistJob = defineJob({
  name: 'worklists.import',
  label: { zh: 'Excel 清单导入', en: 'Work list import from Excel' },
  payload: importCommitBody,
  retry: { attempts: 2, delaySeconds: 5 },
  handler: async (ctx, payload, run) => {
    const user = run.actorId ? await findUserById(ctx.db, run.actorId) : undefined;
    if (!user) throw new AppError('FORBIDDEN');
    return importCommitUpload(ctx, actorOf(user), payload, (message) => run.progress(0, null, message));
  },
});
