import { describe, expect, it } from 'vitest';
import { attachment } from './download.js';

describe('download header', () => {
  it('names a Chinese file in UTF-8 (RFC 5987) with an ASCII stand-in', () => {
    // 周 = E5 91 A8, 督 = E7 9D A3, 查 = E6 9F A5 in UTF-8, written out by hand.
    expect(attachment('周督查-2026-03-23.xlsx', 'weekly-2026-03-23.xlsx')).toBe(
      `attachment; filename="weekly-2026-03-23.xlsx"; filename*=UTF-8''%E5%91%A8%E7%9D%A3%E6%9F%A5-2026-03-23.xlsx`,
    );
  });

  it('derives the stand-in when none is given, keeping the extension', () => {
    expect(attachment('兑现清单.xlsx')).toBe(
      `attachment; filename="download.xlsx"; filename*=UTF-8''%E5%85%91%E7%8E%B0%E6%B8%85%E5%8D%95.xlsx`,
    );
    expect(attachment('report 2026 (final).pdf')).toBe(
      `attachment; filename="report 2026 (final).pdf"; filename*=UTF-8''report%202026%20%28final%29.pdf`,
    );
    expect(attachment('营商环境report.pdf')).toContain('filename="____report.pdf"');
  });

  it('cannot be broken or disguised by the stored name', () => {
    const header = attachment('a"b\r\nSet-Cookie: x=1\u202Efdp.exe');
    expect(header).not.toMatch(/[\r\n\u202e]/);
    expect(header).toBe(`attachment; filename="a_bSet-Cookie: x=1fdp.exe"; filename*=UTF-8''a%22bSet-Cookie%3A%20x%3D1fdp.exe`);
    expect(attachment('')).toBe(`attachment; filename="download"; filename*=UTF-8''download`);
  });
});
