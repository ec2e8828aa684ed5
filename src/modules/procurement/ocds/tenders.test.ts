import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_DATA } from '../../../test/shared-data.js';
import { ocdsToTenders, type OcdsErrorDetail } from './index.js';
import { BID_STATUSES } from './tenders.js';

const bid = (id: string, tenderer: string | string[], amount: number | undefined, extra: Record<string, unknown> = {}) => ({
  id,
  status: 'valid',
  tenderers: (Array.isArray(tenderer) ? tenderer : [tenderer]).map((t) => ({ id: t })),
  ...(amount === undefined ? {} : { value: { amount, currency: 'CNY' } }),
  ...extra,
});

describe('ocdsToTenders', () => {
  it('gives one tender per lot, with the bids for that lot and who won it', () => {
    const release = {
      ocid: 'ocds-x-1',
      buyer: { id: 'B1', name: '示例市住建局' },
      parties: [
        { id: 'T1', name: '示例建设甲公司' },
        { id: 'T2', name: '示例建设乙公司' },
      ],
      tender: { title: '道路工程（示例）', procurementMethod: 'open', lots: [{ id: 'L1', title: '一标段' }, { id: 'L2' }] },
      bids: {
        details: [
          bid('b1', 'T1', 100, { relatedLots: ['L1'], date: '2026-03-01T09:00:00+08:00' }),
          bid('b2', 'T2', 105, { relatedLots: ['L1', 'L2'] }),
          bid('b3', 'T1', 200, { relatedLots: ['L2'] }),
          bid('b4', 'T9', 1, { status: 'withdrawn', relatedLots: ['L1'] }),
        ],
      },
      awards: [
        { id: 'a1', status: 'active', relatedLots: ['L1'], suppliers: [{ id: 'T1' }] },
        { id: 'a2', status: 'cancelled', relatedLots: ['L2'], suppliers: [{ id: 'T1' }] },
        { id: 'a3', status: 'active', relatedLots: ['L2'], suppliers: [{ id: 'T2' }] },
      ],
    };
    expect(ocdsToTenders(release)).toEqual([
      {
        id: 'ocds-x-1',
        lotId: 'L1',
        title: '一标段',
        buyerId: 'B1',
        procurementMethod: 'open',
        bids: [
          {
            bidderId: 'T1',
            bidderName: '示例建设甲公司',
            amount: 100,
            currency: 'CNY',
            date: '2026-03-01T09:00:00+08:00',
            status: 'valid',
            winner: true,
          },
          { bidderId: 'T2', bidderName: '示例建设乙公司', amount: 105, currency: 'CNY', status: 'valid', winner: false },
        ],
      },
      {
        id: 'ocds-x-1',
        lotId: 'L2',
        title: '道路工程（示例）',
        buyerId: 'B1',
        procurementMethod: 'open',
        bids: [
          { bidderId: 'T2', bidderName: '示例建设乙公司', amount: 105, currency: 'CNY', status: 'valid', winner: true },
          { bidderId: 'T1', bidderName: '示例建设甲公司', amount: 200, currency: 'CNY', status: 'valid', winner: false },
        ],
      },
    ]);
  });

  it('gives one tender without lots; a consortium is one bidder; a missing amount is null; numeric ids become text', () => {
    const [tender] = ocdsToTenders({
      ocid: 'ocds-x-2',
      bids: {
        details: [
          bid('1', ['T3', 'T2'], 50),
          bid('2', 'T4', undefined, { status: 'disqualified' }),
          { id: '3', tenderers: [{ id: 7 }], value: { amount: 60 } },
        ],
      },
      awards: [{ status: 'active', suppliers: [{ id: 'T2' }, { id: 'T3' }] }],
    });
    expect(tender.lotId).toBeUndefined();
    expect(tender.bids).toEqual([
      { bidderId: 'T2+T3', amount: 50, currency: 'CNY', status: 'valid', winner: true },
      { bidderId: 'T4', amount: null, status: 'disqualified', winner: false },
      { bidderId: '7', amount: 60, winner: false },
    ]);
  });

  it('gives nothing for a release without bids', () => {
    expect(ocdsToTenders({ ocid: 'ocds-x-3', tender: { title: '规划阶段' } })).toEqual([]);
  });

  it('reports a bidder without an identifier and a bad amount with their place in the release, and goes on', () => {
    const problems: OcdsErrorDetail[] = [];
    const [tender] = ocdsToTenders(
      {
        ocid: 'o',
        bids: {
          details: [
            bid('1', 'T1', 5),
            { id: '2', tenderers: [{ name: '无标识公司' }] },
            bid('3', 'T3', -5),
            bid('4', 'T4', 1, { value: { amount: '5' } }),
          ],
        },
      },
      (p) => problems.push(p),
    );
    expect(tender.bids.map((b) => [b.bidderId, b.amount])).toEqual([
      ['T1', 5],
      ['', null],
      ['T3', -5],
      ['T4', null],
    ]);
    expect(problems.map((p) => p.path)).toEqual([
      'bids.details[1].tenderers[0].id',
      'bids.details[2].value.amount',
      'bids.details[3].value.amount',
    ]);
    expect(problems[1]).toMatchObject({
      message: 'o: bids.details[2].value.amount must be a number ≥ 0, not -5',
      messageZh: 'o：bids.details[2].value.amount 应为不小于 0 的数，而不是 -5',
    });
  });

  it('knows the bid statuses of the OCDS bids extension, and reports any other', () => {
    const csv = fs.readFileSync(path.join(SHARED_DATA, 'procurement/ocds_bid_extension/codelists/bidStatus.csv'), 'utf8');
    const codes = csv
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0]);
    expect([...BID_STATUSES]).toEqual(codes);
    const problems: OcdsErrorDetail[] = [];
    ocdsToTenders({ ocid: 'o', bids: { details: [bid('1', 'T1', 5, { status: 'qualified' })] } }, (p) => problems.push(p));
    expect(problems.map((p) => p.path)).toEqual(['bids.details[0].status']);
  });
});
