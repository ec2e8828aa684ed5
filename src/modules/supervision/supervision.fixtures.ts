import type { Harness } from '../../test/harness.js';

/** Test helpers of the supervision module: move items through the worklists life cycle via the API. */

/** The liaison reports, the unit head approves; returns the report id now awaiting the office. */
export async function reportUp(h: Harness, itemId: number, who: { liaison: string; head: string }, percent: number): Promise<number> {
  const liaison = await h.as(who.liaison);
  const res = await liaison.post(`/api/v1/items/${itemId}/reports`, { text: `进展 ${percent}%`, percent });
  if (res.statusCode !== 200) throw new Error(`report: ${res.statusCode} ${res.body}`);
  const reportId = res.json().reports[0].id as number;
  const approved = await (await h.as(who.head)).post(`/api/v1/items/${itemId}/reports/${reportId}/approve`, {});
  if (approved.statusCode !== 200) throw new Error(`approve: ${approved.statusCode} ${approved.body}`);
  return reportId;
}

/** Reports 100 % and has the office accept it: the item is closed (销号). */
export async function closeItem(h: Harness, itemId: number, who: { liaison: string; head: string }): Promise<void> {
  const reportId = await reportUp(h, itemId, who, 100);
  const res = await (await h.as('office')).post(`/api/v1/items/${itemId}/reports/${reportId}/accept`, {});
  if (res.statusCode !== 200 || res.json().status !== 'closed') throw new Error(`accept: ${res.statusCode} ${res.body}`);
}

/** Reports and has the office return the report with a reason. */
export async function returnReport(h: Harness, itemId: number, who: { liaison: string; head: string }): Promise<void> {
  const reportId = await reportUp(h, itemId, who, 50);
  const res = await (await h.as('office')).post(`/api/v1/items/${itemId}/reports/${reportId}/return`, { reason: '佐证材料不足' });
  if (res.statusCode !== 200) throw new Error(`return: ${res.statusCode} ${res.body}`);
}

/** Sets the harness clock to a China wall-clock time on a date. */
export function setChinaTime(h: Harness, date: string, time = '10:00'): void {
  h.now = new Date(`${date}T${time}:00+08:00`);
}

export const DEMO_PAIR = { liaison: 'liaison', head: 'unit_head' };

/** Every entry of a zip file (.docx, .xlsx) by name, for checking a document's structure. */
export async function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  const { default: yauzl } = await import('yauzl');
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out = new Map<string, Buffer>();
      zip.on('entry', (entry: { fileName: string }) => {
        zip.openReadStream(entry as never, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

export { once } from '../../test/harness.js';
