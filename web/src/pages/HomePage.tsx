import { Card, Col, Row, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { ROLE_LABELS, type Role } from '../../../src/common/roles.js';
import { type Label, useI18n } from '../i18n.js';
import { webModules } from '../modules.js';
import { menuFor } from '../registry.js';
import { useSession } from '../session.js';

/** What each role comes here to do — the first thing on its home page. */
const ROLE_INTRO: Record<Role, Label> = {
  admin: { zh: '管理用户、单位和系统设置，查看审计日志。', en: 'Manage users, units and settings; read the audit log.' },
  office: {
    zh: '导入并分派四表一单，审核进展，发布督办单和月通报，组织调度。',
    en: 'Load and assign the work lists, review progress, issue notices and bulletins, run dispatch meetings.',
  },
  leader: {
    zh: '在驾驶舱掌握全局进展，对重点事项作出批示。',
    en: 'Follow overall progress in the cockpit and write instructions on key items.',
  },
  unit_head: {
    zh: '审核本单位联络员报送的进展，确认后报送专班。',
    en: "Approve your unit's progress reports before they reach the office.",
  },
  liaison: {
    zh: '查看本单位承担的事项，报送进展和佐证材料，申请延期。',
    en: "See your unit's items, report progress with evidence, request extensions.",
  },
  specialist: {
    zh: '跟进免申即享匹配结果，告知企业并帮助企业享受惠企政策。',
    en: 'Follow the auto-grant matches through, tell enterprises and help them use policies.',
  },
  enterprise: {
    zh: '查看可享受的惠企政策，确认或放弃告知的政策。',
    en: 'See the policies you qualify for; confirm or decline those you are told of.',
  },
  // finance
  bank: {
    zh: '查看推送给本行的企业融资需求，回应并登记授信和放款。',
    en: 'See the financing needs published to your bank; answer them and record credit and loans.',
  },
};

export default function HomePage() {
  const { t, pick } = useI18n();
  const { user, can } = useSession();
  const shortcuts = menuFor(webModules, can).flatMap((n) => (n.children ? n.children.map((c) => ({ ...c, icon: n.icon })) : [n]));

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('home.welcome', { name: user.displayName })}
        </Typography.Title>
        <Typography.Paragraph style={{ marginBottom: 8 }}>{pick(ROLE_INTRO[user.role])}</Typography.Paragraph>
        <Space wrap size={[24, 4]}>
          <Typography.Text type="secondary">{t('home.roleIs', { role: pick(ROLE_LABELS[user.role]) })}</Typography.Text>
          {user.unitName && <Typography.Text type="secondary">{t('home.unitIs', { unit: user.unitName })}</Typography.Text>}
        </Space>
      </Card>
      <section aria-label={t('home.shortcuts')}>
        <Typography.Title level={5}>{t('home.shortcuts')}</Typography.Title>
        <Row gutter={[12, 12]}>
          {shortcuts.map((s) => (
            <Col key={s.key} xs={12} sm={8} lg={6}>
              <Link to={s.path!}>
                <Card hoverable size="small" style={{ textAlign: 'center' }}>
                  <div style={{ fontSize: 24, color: '#1d4ed8' }}>{s.icon}</div>
                  <div>{pick(s.label)}</div>
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      </section>
    </Space>
  );
}
