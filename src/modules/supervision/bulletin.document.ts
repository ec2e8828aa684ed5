import { AppError } from '../../common/errors.js';
import type { BulletinView } from '../../common/schemas/supervision.js';

/** The bulletin as a GB/T 9704 document — rendered by the reports module (pending). */
export async function bulletinDocument(_b: BulletinView, _format: 'docx' | 'pdf'): Promise<Buffer> {
  throw new AppError('DOCUMENT_RENDER_FAILED');
}
