import { HomeOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Drawer, Dropdown, Grid, Layout, Menu, type MenuProps, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS } from '../../../src/common/roles.js';
import { useI18n } from '../i18n.js';
import { webModules } from '../modules.js';
import { type MenuNode, menuFor } from '../registry.js';
import { useSession } from '../session.js';
import { LangSwitch } from './LangSwitch.js';
import { NotificationBell } from './NotificationBell.js';

const { Header, Sider, Content } = Layout;

/** The longest menu path that the current location starts with. */
function selectedKey(paths: string[], pathname: string): string {
  return (
    paths
      .filter((p) => (p === '/' ? pathname === '/' : pathname === p || pathname.startsWith(`${p}/`)))
      .sort((a, b) => b.length - a.length)[0] ?? ''
  );
}

export function AppLayout() {
  const { user, can, logout } = useSession();
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  // Phones (below md, e.g. 390 px wide) get a drawer instead of the side bar.
  const isPhone = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);

  const nodes = useMemo<MenuNode[]>(
    () => [{ key: '/', path: '/', label: { zh: '首页', en: 'Home' }, icon: <HomeOutlined /> }, ...menuFor(webModules, can)],
    [can],
  );
  const paths = nodes.flatMap((n) => (n.children ? n.children.map((c) => c.path!) : [n.path!]));
  const items: MenuProps['items'] = nodes.map((n) => ({
    key: n.key,
    icon: n.icon,
    label: pick(n.label),
    children: n.children?.map((c) => ({ key: c.key, label: pick(c.label) })),
  }));
  const groupKeys = nodes.filter((n) => n.children).map((n) => n.key);

  const menu = (
    <Menu
      mode="inline"
      aria-label={t('layout.menu')}
      selectedKeys={[selectedKey(paths, location.pathname)]}
      defaultOpenKeys={groupKeys}
      items={items}
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(key);
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  const userMenu: MenuProps = {
    items: [
      { key: 'profile', icon: <UserOutlined />, label: t('layout.profile') },
      { key: 'logout', icon: <LogoutOutlined />, label: t('layout.logout') },
    ],
    onClick: async ({ key }) => {
      if (key === 'profile') navigate('/profile');
      else {
        await logout();
        navigate('/login', { replace: true });
      }
    },
  };

  const title = (
    <Typography.Text strong style={{ fontSize: isPhone ? 15 : 16, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
      {isPhone ? t('app.short') : t('app.title')}
    </Typography.Text>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!isPhone && (
        <Sider
          theme="light"
          width={224}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          style={{ borderInlineEnd: '1px solid #f0f0f0' }}
        >
          <div style={{ height: 56, display: 'flex', alignItems: 'center', justifyContent: 'center', fontWeight: 600, color: '#1d4ed8' }}>
            {collapsed ? '营' : t('app.short')}
          </div>
          {menu}
        </Sider>
      )}
      {isPhone && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          width={260}
          title={t('app.title')}
          styles={{ body: { padding: 0 } }}
        >
          {menu}
        </Drawer>
      )}
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: isPhone ? '0 8px' : '0 20px',
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          {isPhone && <Button type="text" icon={<MenuOutlined />} aria-label={t('layout.menu')} onClick={() => setDrawerOpen(true)} />}
          <div style={{ flex: 1, minWidth: 0, display: 'flex' }}>{title}</div>
          <Space size={isPhone ? 2 : 8}>
            <NotificationBell />
            <LangSwitch />
            <Dropdown menu={userMenu} trigger={['click']}>
              <Button type="text" icon={<UserOutlined />} aria-label={user.displayName}>
                {!isPhone && (
                  <span>
                    {user.displayName}
                    <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
                      {pick(ROLE_LABELS[user.role])}
                    </Typography.Text>
                  </span>
                )}
              </Button>
            </Dropdown>
          </Space>
        </Header>
        <Content style={{ padding: isPhone ? 12 : 24, minWidth: 0 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
