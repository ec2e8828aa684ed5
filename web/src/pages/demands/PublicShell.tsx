import { Layout, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { LangSwitch } from '../../components/LangSwitch.js';
import { useI18n } from '../../i18n.js';

/** The frame of the pages anyone may open without an account: title, language switch, content. */
export function PublicShell({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', paddingInline: 16, background: '#fff' }}
      >
        <Typography.Text strong ellipsis>
          {t('app.title')}
        </Typography.Text>
        <LangSwitch />
      </Layout.Header>
      <Layout.Content style={{ padding: 16, maxWidth: 1100, width: '100%', margin: '0 auto' }}>
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {children}
        </Space>
      </Layout.Content>
    </Layout>
  );
}
