import { expect, it } from 'vitest';
import { type Client, describeEachDialect } from '../../test/harness.js';
import { registryOwnership, syntheticUscc } from '../policies/index.js';
import { multipart } from '../worklists/import/import.fixtures.js';

/**
 * Art. 39 related parties from the enterprise registry: the registry import takes the legal
 * representative and shareholders (optional columns), its public face returns them, and the
 * bids import flags two bidders who share them although the bids file says nothing — the why
 * names the person and the source.
 */

const uscc = (i: number) => syntheticUscc(900 + i, '150102', '有限责任公司');
const [A, B, C, D, E] = [1, 2, 3, 4, 5].map(uscc) as [string, string, string, string, string];

const REGISTRY = [
  '统一社会信用代码,企业名称,法定代表人,股东',
  `${A},（演示）关联甲建筑有限公司,王示例,`,
  `${B},（演示）关联乙建筑有限公司,王示例,张某某`,
  `${C},（演示）关联丙建筑有限公司,李示例,示例控股有限公司；赵某某`,
  `${D},（演示）关联丁建筑有限公司,周示例,示例控股有限公司`,
  `${E},（演示）无关戊建筑有限公司,,`,
].join('\n');

const BIDS = [
  'tender_id,title,bidder_id,bidder_name,amount,bid_date',
  `GL-1,示例关联一,${A},关联甲,1000000,2026-01-10`,
  `GL-1,示例关联一,${B},关联乙,1100000,2026-01-10`,
  `GL-1,示例关联一,${E},无关戊,1200000,2026-01-10`,
  `GL-2,示例关联二,${C},关联丙,500000,2026-01-12`,
  `GL-2,示例关联二,${D},关联丁,520000,2026-01-12`,
  `GL-2,示例关联二,${E},无关戊,560000,2026-01-12`,
].join('\n');

describeEachDialect('procurement related parties from the registry', (h) => {
  const send = (c: Client, url: string, text: string, name: string) => {
    const { body, headers } = multipart(Buffer.from(text), name);
    return c.request('POST', url, body, headers);
  };
  const flagsOf = async (c: Client, key: string) => {
    const list = (await c.get(`/api/v1/procurement/tenders?q=${key}`)).json();
    const t = list.items.find((x: { key: string }) => x.key === key);
    return (await c.get(`/api/v1/procurement/tenders/${t.id}`)).json().flags as {
      code: string;
      why: string;
      whyEn: string;
      inputs: object;
    }[];
  };

  it('imports the legal representative and shareholders with the registry, and the public face returns them', async () => {
    const office = await h.as('office');
    const res = await send(office, '/api/v1/policies/enterprises/import?commit=true', REGISTRY, 'registry.csv');
    expect(res.json()).toMatchObject({ committed: true, created: 5, problems: [] });
    const owners = await registryOwnership(h.ctx.db, [A, C, E]);
    expect(owners.get(A)).toMatchObject({ legalRepresentative: '王示例', shareholders: [] });
    expect(owners.get(C)).toMatchObject({ legalRepresentative: '李示例', shareholders: ['示例控股有限公司', '赵某某'] });
    // nothing recorded: not returned
    expect(owners.has(E)).toBe(false);
  });

  it('flags bidders sharing a legal representative or a shareholder only in the registry, naming person and source', async () => {
    const office = await h.as('office');
    const res = await send(office, '/api/v1/procurement/imports', BIDS, 'bids.csv');
    expect(res.statusCode).toBe(200);
    const rel = (await flagsOf(office, 'GL-1')).find((f) => f.code === 'ART39_RELATED_PARTIES')!;
    expect(rel.why).toContain('关联甲、关联乙');
    expect(rel.why).toContain('王示例');
    expect(rel.why).toContain('来源：企业登记信息');
    expect(rel.whyEn).toContain('from the enterprise registry');
    expect(rel.inputs).toMatchObject({ bidders: [A, B], values: ['王示例'], sources: ['registry'] });
    const shared = (await flagsOf(office, 'GL-2')).find((f) => f.code === 'ART39_SHARED_SHAREHOLDER')!;
    expect(shared.why).toContain('示例控股有限公司');
    expect(shared.why).toContain('企业登记信息');
    // the pair carries the signal across tenders too (the bidder's history)
    const history = (await office.get(`/api/v1/procurement/bidders/${A}`)).json();
    const pair = history.pairs.find((p: { other: string }) => p.other === B);
    expect(pair.flags.map((f: { code: string }) => f.code)).toContain('ART39_RELATED_PARTIES');
    // the unrelated bidder is in no related-party flag
    expect(rel.inputs).not.toMatchObject({ bidders: expect.arrayContaining([E]) });
  });

  it('says the imported file when the bids file names the same legal representative', async () => {
    const office = await h.as('office');
    const csv = [
      'tender_id,bidder_id,bidder_name,amount,legal_representative',
      'GL-3,X1,示例己,100,陈示例',
      'GL-3,X2,示例庚,110,陈示例',
      'GL-3,X3,示例辛,130,',
    ].join('\n');
    expect((await send(office, '/api/v1/procurement/imports', csv, 'bids.csv')).statusCode).toBe(200);
    const rel = (await flagsOf(office, 'GL-3')).find((f) => f.code === 'ART39_RELATED_PARTIES')!;
    expect(rel.why).toContain('陈示例');
    expect(rel.why).toContain('来源：导入的投标文件');
  });
});
