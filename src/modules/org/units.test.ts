import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/harness.js';
import { SHARED_DATA } from '../../test/shared-data.js';
import { UNITS_CSV, readReferenceUnits } from './seed.js';

describe('reference units', () => {
  it('ships the same units.csv as shared/data', () => {
    const shared = path.join(SHARED_DATA, 'units.csv');
    if (!fs.existsSync(shared)) {
      expect(process.env.CI, 'shared/data is present beside the checkout in CI').not.toBe('true');
      return;
    }
    expect(fs.readFileSync(UNITS_CSV, 'utf8')).toBe(fs.readFileSync(shared, 'utf8'));
  });

  it('has the city, 9 county-level units (4 districts, 1 banner, 4 counties), 2 zones and 43 departments', () => {
    const rows = readReferenceUnits();
    const counties = rows.filter((r) => r.kind === 'county');
    expect(rows.filter((r) => r.kind === 'city')).toHaveLength(1);
    expect(counties).toHaveLength(9);
    expect(counties.filter((c) => c.name.endsWith('区'))).toHaveLength(4);
    expect(counties.filter((c) => c.name.endsWith('旗'))).toHaveLength(1);
    expect(counties.filter((c) => c.name.endsWith('县'))).toHaveLength(4);
    expect(rows.filter((r) => r.kind === 'zone')).toHaveLength(2);
    expect(rows.filter((r) => r.kind === 'department')).toHaveLength(43);
  });
});

describeEachDialect('units API', (h) => {
  const auditCount = async () =>
    Number(
      (
        await h.ctx.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const unitCount = async () =>
    Number(
      (
        await h.ctx.db
          .selectFrom('unit')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('seeds the tree: counties and zones under the city, division codes kept', async () => {
    const office = await h.as('office');
    const units = (await office.get('/api/v1/units')).json();
    expect(units).toHaveLength(55);
    const city = units.find((u: { kind: string }) => u.kind === 'city');
    expect(city).toMatchObject({ name: '呼和浩特市', divisionCode: '150100', parentId: null });
    const tumote = units.find((u: { name: string }) => u.name === '土默特左旗');
    expect(tumote).toMatchObject({ kind: 'county', countyType: 'banner', divisionCode: '150121', parentId: city.id, aliases: ['土左旗'] });
    expect(units.filter((u: { parentId: number }) => u.parentId === city.id)).toHaveLength(54);
  });

  it('resolves short names and aliases: 市发改委 = 呼和浩特市发展和改革委员会', async () => {
    const office = await h.as('office');
    const res = await office.get(`/api/v1/units/resolve?name=${encodeURIComponent('市发改委')}`);
    expect(res.json().name).toBe('呼和浩特市发展和改革委员会');
    const fullWidth = await office.get(
      `/api/v1/units/resolve?name=${encodeURIComponent('内蒙古电力(集团)有限责任公司呼和浩特供电分公司')}`,
    );
    expect(fullWidth.statusCode).toBe(200);
    const unknown = await office.get(`/api/v1/units/resolve?name=${encodeURIComponent('市直各相关部门')}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().details[0].path).toBe('query.name');
  });

  it('scopes the list: a liaison sees only their own unit', async () => {
    const liaison = await h.as('liaison');
    const units = (await liaison.get('/api/v1/units')).json();
    expect(units.map((u: { name: string }) => u.name)).toEqual(['呼和浩特市行政审批和政务服务局']);
    const other = (await (await h.as('office')).get(`/api/v1/units/resolve?name=${encodeURIComponent('市教育局')}`)).json();
    expect((await liaison.get(`/api/v1/units/${other.id}`)).statusCode).toBe(404);
  });

  it('adds, renames (old name kept as alias), retires and deletes a unit, auditing each write', async () => {
    const admin = await h.as('admin');
    const city = (await admin.get('/api/v1/units?kind=city')).json()[0];
    const created = await admin.post('/api/v1/units', {
      name: '呼和浩特市数据局（测试）',
      kind: 'department',
      parentId: city.id,
      aliases: ['市数据局测试'],
    });
    expect(created.statusCode).toBe(201);
    const u = created.json();
    const renamed = await admin.patch(`/api/v1/units/${u.id}`, { version: u.version, name: '呼和浩特市数据局（更名测试）' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().aliases).toContain('呼和浩特市数据局（测试）');
    const stale = await admin.patch(`/api/v1/units/${u.id}`, { version: u.version, sortOrder: 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const retired = await admin.post(`/api/v1/units/${u.id}/retire`, { version: renamed.json().version });
    expect(retired.json().status).toBe('retired');
    expect((await admin.get('/api/v1/units')).json().some((x: { id: number }) => x.id === u.id)).toBe(false);
    expect((await admin.get('/api/v1/units?includeRetired=true')).json().some((x: { id: number }) => x.id === u.id)).toBe(true);
    expect((await admin.delete(`/api/v1/units/${u.id}`)).statusCode).toBe(200);
    const actions = await h.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'unit')
      .where('entity_id', '=', String(u.id))
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['unit.create', 'unit.rename', 'unit.retire', 'unit.delete']);
  });

  it('merges a unit: users move, its names resolve to the target, history stays', async () => {
    const admin = await h.as('admin');
    const city = (await admin.get('/api/v1/units?kind=city')).json()[0];
    const a = (
      await admin.post('/api/v1/units', { name: '测试合并甲局', kind: 'department', parentId: city.id, aliases: ['甲局'] })
    ).json();
    const b = (await admin.post('/api/v1/units', { name: '测试合并乙局', kind: 'department', parentId: city.id })).json();
    const user = (
      await admin.post('/api/v1/users', {
        username: 'merge_liaison',
        displayName: '合并测试联络员',
        role: 'liaison',
        unitId: a.id,
        password: 'Merge-test-2026',
      })
    ).json();
    const merged = await admin.post(`/api/v1/units/${a.id}/merge`, { intoUnitId: b.id, version: a.version });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().aliases).toEqual(expect.arrayContaining(['甲局', '测试合并甲局']));
    expect((await admin.get(`/api/v1/users/${user.id}`)).json().unitId).toBe(b.id);
    expect((await admin.get(`/api/v1/units/resolve?name=${encodeURIComponent('甲局')}`)).json().id).toBe(b.id);
    const old = (await admin.get(`/api/v1/units/${a.id}`)).json();
    expect(old).toMatchObject({ status: 'retired', mergedIntoId: b.id, name: '测试合并甲局' });
  });

  describe('bad input changes nothing', () => {
    it('malformed JSON', async () => {
      const admin = await h.as('admin');
      const [audits, units] = [await auditCount(), await unitCount()];
      const res = await admin.request('POST', '/api/v1/units', '{"name": "x",', { 'content-type': 'application/json' });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'MALFORMED_JSON' });
      expect(res.body).not.toMatch(/at .*\.(js|ts):\d+/);
      expect([await auditCount(), await unitCount()]).toEqual([audits, units]);
    });

    it('unknown fields, wrong types and over-long strings are located', async () => {
      const admin = await h.as('admin');
      const units = await unitCount();
      const unknown = await admin.post('/api/v1/units', { name: '某单位', kind: 'department', parentId: 1, colour: 'red' });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().code).toBe('VALIDATION_FAILED');
      expect(unknown.json().details[0].message).toContain('colour');
      const wrongType = await admin.post('/api/v1/units', { name: 42, kind: 'department' });
      expect(wrongType.json().details[0].path).toBe('body.name');
      const tooLong = await admin.post('/api/v1/units', { name: '长'.repeat(81), kind: 'department', parentId: 1 });
      expect(tooLong.statusCode).toBe(400);
      expect(tooLong.json().details[0].path).toBe('body.name');
      const badKind = await admin.post('/api/v1/units', { name: '某单位', kind: 'ministry', parentId: 1 });
      expect(badKind.json().details[0].path).toBe('body.kind');
      expect(await unitCount()).toBe(units);
    });

    it('a duplicate unit name or alias', async () => {
      const admin = await h.as('admin');
      const city = (await admin.get('/api/v1/units?kind=city')).json()[0];
      const units = await unitCount();
      const dup = await admin.post('/api/v1/units', { name: '呼和浩特市教育局', kind: 'department', parentId: city.id });
      expect(dup.statusCode).toBe(409);
      expect(dup.json()).toMatchObject({ code: 'DUPLICATE_NAME', details: [{ path: 'body.name' }] });
      const dupAlias = await admin.post('/api/v1/units', {
        name: '全新单位',
        kind: 'department',
        parentId: city.id,
        aliases: ['市发改委'],
      });
      expect(dupAlias.json().details[0].path).toBe('body.aliases.0');
      expect(await unitCount()).toBe(units);
    });

    it('deleting a unit that has users', async () => {
      const admin = await h.as('admin');
      const unit = (await admin.get(`/api/v1/units/resolve?name=${encodeURIComponent('市行政审批局')}`)).json();
      const audits = await auditCount();
      const res = await admin.delete(`/api/v1/units/${unit.id}`);
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('UNIT_IN_USE');
      expect(res.json().message).toContain('呼和浩特市行政审批和政务服务局');
      expect((await admin.get(`/api/v1/units/${unit.id}`)).statusCode).toBe(200);
      expect(await auditCount()).toBe(audits);
    });

    it('a parent that would make a cycle', async () => {
      const admin = await h.as('admin');
      const city = (await admin.get('/api/v1/units?kind=city')).json()[0];
      const a = (await admin.post('/api/v1/units', { name: '循环测试上级', kind: 'department', parentId: city.id })).json();
      const b = (await admin.post('/api/v1/units', { name: '循环测试下级', kind: 'department', parentId: a.id })).json();
      const res = await admin.patch(`/api/v1/units/${a.id}`, { version: a.version, parentId: b.id });
      expect(res.statusCode).toBe(400);
      expect(res.json().details[0].path).toBe('body.parentId');
    });
  });
});
