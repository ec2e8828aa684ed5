import { describe, expect, it } from 'vitest';
import { referenceDirectory } from './import.fixtures.js';
import { readUnitCell } from './unit-cells.js';

const dir = referenceDirectory();
const names = (text: string) => readUnitCell(text, dir).units.map((u) => u.name);

describe('unit cells', () => {
  it('resolves short and long names through the aliases, with every separator offices use', () => {
    expect(names('市发改委')).toEqual(['呼和浩特市发展和改革委员会']);
    expect(names('呼和浩特市发展和改革委员会')).toEqual(['呼和浩特市发展和改革委员会']);
    expect(names('市发改委、市财政局，市住建局,市税务局；市公安局;市商务局\n市水务局')).toHaveLength(7);
    expect(names('土左旗、托县 和林县')).toEqual(['土默特左旗', '托克托县', '和林格尔县']);
  });

  it('reads "X县人民政府", a bare department name and a remark in brackets', () => {
    expect(names('清水河县人民政府')).toEqual(['清水河县']);
    expect(names('工业和信息化局')).toEqual(['呼和浩特市工业和信息化局']);
    expect(names('市场监管局')).toEqual(['呼和浩特市市场监督管理局']);
    expect(names('市发改委（牵头）')).toEqual(['呼和浩特市发展和改革委员会']);
  });

  it('expands the group phrases', () => {
    expect(names('各旗县区人民政府')).toHaveLength(dir.counties.length);
    const all = names('各旗县区、管委会');
    expect(all).toHaveLength(dir.counties.length + dir.zones.length);
    expect(all).toContain('和林格尔新区管理委员会');
    expect(names('市财政局、各旗县区')).toHaveLength(dir.counties.length + 1);
  });

  it('reports a collective phrase and an unknown name instead of guessing, and dedupes', () => {
    expect(readUnitCell('市直各相关部门', dir)).toEqual({ units: [], unknown: [], collective: ['市直各相关部门'] });
    const cell = readUnitCell('市数字经济局、市发改委、市发展改革委', dir);
    expect(cell.unknown).toEqual(['市数字经济局']);
    expect(cell.units.map((u) => u.name)).toEqual(['呼和浩特市发展和改革委员会']);
  });
});
