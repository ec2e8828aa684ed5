import type { Readable } from 'node:stream';
import type { ReadProblem } from './reader.js';
import type { Tender } from './tender.js';

import { readOcds, ocdsToTenders, type OcdsErrorDetail } from './ocds/index.js';

/**
 * OCDS input through the OCDS library of this module (ocds/: streaming reader of release packages
 * and JSON Lines, and the release → tender mapping with the bids extension).
 */

const bilingual = (p: OcdsErrorDetail) => (p.messageZh ? `${p.messageZh} / ${p.message}` : p.message);

export async function* readOcdsTenders(input: Readable, problem: (p: ReadProblem) => void): AsyncIterable<Tender> {
  try {
    for await (const { line, release } of readOcds(input)) {
      const tenders = ocdsToTenders(release, (p) => problem({ line: p.line ?? line, column: p.path, message: bilingual(p) }));
      for (const t of tenders) {
        const tender: Tender = {
          id: t.lotId && !t.id.endsWith(`/${t.lotId}`) ? `${t.id}/${t.lotId}` : t.id,
          tenderId: t.id,
          lotId: t.lotId,
          title: t.title,
          buyerId: t.buyerId,
          bids: [],
        };
        for (const b of t.bids) {
          if (!b.bidderId) {
            problem({ line, column: 'bids.details.tenderers.id', message: '投标人缺少编号 / the bidder has no identifier' });
            continue;
          }
          if (b.amount === null || !Number.isFinite(b.amount)) {
            problem({
              line,
              column: 'bids.details.value.amount',
              message: `${b.bidderName ?? b.bidderId} 的投标报价缺失 / the bid of ${b.bidderId} has no amount`,
            });
            continue;
          }
          if (b.amount <= 0) {
            problem({
              line,
              column: 'bids.details.value.amount',
              message: `${b.bidderName ?? b.bidderId} 的投标报价 ${b.amount} 不能为零或负数 / the bid amount ${b.amount} must be positive`,
            });
            continue;
          }
          tender.bids.push({
            bidderId: b.bidderId,
            bidderName: b.bidderName,
            amount: b.amount,
            date: b.date?.slice(0, 10),
            winner: b.winner,
          });
          if (b.date && (!tender.date || b.date.slice(0, 10) < tender.date)) tender.date = b.date.slice(0, 10);
        }
        yield tender;
      }
    }
  } catch (err) {
    // the reader stops at malformed JSON, naming the line; its details say where and why
    const details = (err as { details?: OcdsErrorDetail[] }).details;
    if (details?.length) for (const d of details) problem({ line: d.line ?? 0, column: d.path, message: bilingual(d) });
    else problem({ line: 0, message: `OCDS 文件无法读取 / the OCDS file cannot be read: ${(err as Error).message}` });
  }
}
