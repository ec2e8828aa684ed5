import { App, Button, Card, Col, Descriptions, Form, Input, Radio, Row } from 'antd';
import { useState } from 'react';
import { LIMITS } from '../../../src/common/limits.js';
import { ROLE_LABELS } from '../../../src/common/roles.js';
import { client, ok } from '../api/client.js';
import { PasswordForm } from '../components/PasswordForm.js';
import { useReportError } from '../components/feedback.js';
import { type Lang, useI18n } from '../i18n.js';
import { useSession } from '../session.js';

/** "My profile": display name, language, and changing one's password. */
export default function ProfilePage() {
  const { t, pick, setLang } = useI18n();
  const { user, setUser } = useSession();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<{ displayName: string }>();
  const [busy, setBusy] = useState(false);

  const save = async (v: { displayName: string }) => {
    setBusy(true);
    try {
      setUser(await ok(client.PATCH('/api/v1/auth/me', { body: { displayName: v.displayName } })));
      message.success(t('common.saved'));
    } catch (err) {
      report(err, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card title={t('profile.title')}>
          <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('profile.username')}>{user.username}</Descriptions.Item>
            <Descriptions.Item label={t('profile.role')}>{pick(ROLE_LABELS[user.role])}</Descriptions.Item>
            <Descriptions.Item label={t('profile.unit')}>{user.unitName ?? t('common.none')}</Descriptions.Item>
          </Descriptions>
          <Form form={form} layout="vertical" initialValues={{ displayName: user.displayName }} onFinish={save}>
            <Form.Item
              label={t('profile.displayName')}
              name="displayName"
              rules={[{ required: true, whitespace: true, max: LIMITS.displayName.max }]}
            >
              <Input />
            </Form.Item>
            <Form.Item label={t('profile.language')}>
              <Radio.Group
                value={user.locale}
                onChange={(e) => setLang(e.target.value as Lang)}
                options={[
                  { value: 'zh-CN', label: '中文' },
                  { value: 'en', label: 'English' },
                ]}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('password.title')}>
          <PasswordForm />
        </Card>
      </Col>
    </Row>
  );
}
