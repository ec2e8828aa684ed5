import type { BulletinSection, BulletinSectionBlock } from '../../common/schemas/supervision.js';
import type { AppContext } from '../../context.js';
import { demandsBulletinSection } from '../demands/index.js';
import { enforcementBulletinSection } from '../enforcement/index.js';
import { financeBulletinSection } from '../finance/index.js';
import { procurementBulletinSection } from '../procurement/index.js';
import { servicesBulletinSection } from '../services/index.js';

/**
 * A module's section of the monthly bulletin. `build` gives the section's figures as they stood at
 * the end of `month` (blocks without the section heading, which the bulletin adds); no blocks
 * means no data for that month, and the bulletin says so in one sentence.
 */
export interface BulletinSectionProvider {
  key: string;
  title: { zh: string; en: string };
  build(ctx: AppContext, month: string): Promise<BulletinSectionBlock[]>;
}

/** Without the provider's own level-1 heading: the bulletin numbers the section heading itself. */
const body = (blocks: BulletinSectionBlock[]) => (blocks[0]?.type === 'heading' && blocks[0].level === 1 ? blocks.slice(1) : blocks);

/** The providers, in the order their sections appear (after the work-list sections, before 下一步工作). */
export const BULLETIN_SECTION_PROVIDERS: BulletinSectionProvider[] = [
  // finance's blocks are DocBlocks without images, so they fit the frozen JSON model.
  {
    key: 'finance',
    title: { zh: '融资环境', en: 'Access to finance' },
    build: async (ctx, month) => body((await financeBulletinSection(ctx, month)) as BulletinSectionBlock[]),
  },
  { key: 'procurement', title: { zh: '招标投标与政府采购', en: 'Tendering and procurement' }, build: procurementBulletinSection },
  { key: 'services', title: { zh: '政务服务', en: 'Government services' }, build: servicesBulletinSection },
  { key: 'enforcement', title: { zh: '法治环境', en: 'Law-based environment' }, build: enforcementBulletinSection },
  // demands
  { key: 'demands', title: { zh: '企业诉求办理', en: 'Enterprise demands' }, build: demandsBulletinSection },
];

/** The sentence a section without data for its month shows instead of an empty table. */
export const noDataText = (title: string) => `本月${title}方面暂无可通报的数据。`;

/** Every provider's section for `month`; a section with no data keeps its heading and says so. */
export async function collectBulletinSections(
  ctx: AppContext,
  month: string,
  providers = BULLETIN_SECTION_PROVIDERS,
): Promise<BulletinSection[]> {
  const out: BulletinSection[] = [];
  // One after another: the providers read the same database, and SQLite serialises them anyway.
  for (const p of providers) {
    const blocks = await p.build(ctx, month);
    out.push({
      key: p.key,
      title: p.title,
      blocks: blocks.length ? blocks : [{ type: 'paragraph', indent: true, text: noDataText(p.title.zh) }],
    });
  }
  return out;
}
