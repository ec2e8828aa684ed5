export const ROLES = [
  'admin',
  'office',
  'leader',
  'unit_head',
  'liaison',
  'specialist',
  'enterprise',
  // finance
  'bank',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose users must belong to a unit, since everything they see is scoped to it. */
export const UNIT_SCOPED_ROLES: readonly Role[] = ['unit_head', 'liaison'];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '系统管理员', en: 'System admin' },
  office: { zh: '专班/办公室', en: 'Office staff' },
  leader: { zh: '领导', en: 'Leader' },
  unit_head: { zh: '单位负责人', en: 'Unit head' },
  liaison: { zh: '单位联络员', en: 'Unit liaison' },
  specialist: { zh: '企业服务专员', en: 'Service specialist' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  // finance
  bank: { zh: '银行客户经理', en: 'Bank account manager' },
};

export const UNIT_KINDS = ['city', 'county', 'zone', 'department'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, { zh: string; en: string }> = {
  city: { zh: '市', en: 'City' },
  county: { zh: '旗县区', en: 'County-level unit' },
  zone: { zh: '开发区管委会', en: 'Development zone' },
  department: { zh: '市直部门', en: 'City department' },
};
