import { Spin } from 'antd';
import { type ComponentType, type LazyExoticComponent, type ReactNode, Suspense, lazy } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import type { Permission } from '../../src/common/permissions.js';
import { AppLayout } from './components/AppLayout.js';
import { Forbidden, NotFound } from './components/StatusPages.js';
import { publicPages, webModules } from './modules.js';
import { LoginPage } from './pages/LoginPage.js';
import { routesOf } from './registry.js';
import { useSession } from './session.js';

const HomePage = lazy(() => import('./pages/HomePage.js'));
const ProfilePage = lazy(() => import('./pages/ProfilePage.js'));
const ChangePasswordPage = lazy(() => import('./pages/ChangePasswordPage.js'));

const routes = routesOf(webModules);

export function FullPageSpin() {
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '60vh' }}>
      <Spin size="large" />
    </div>
  );
}

function Lazy({ page: Page }: { page: LazyExoticComponent<ComponentType> }) {
  return (
    <Suspense fallback={<FullPageSpin />}>
      <Page />
    </Suspense>
  );
}

function Guarded({ permissions, children }: { permissions: readonly Permission[]; children: ReactNode }) {
  const { can } = useSession();
  return permissions.every(can) ? children : <Forbidden />;
}

export function App() {
  const { state } = useSession();
  const location = useLocation();

  if (state.status === 'loading') return <FullPageSpin />;

  // demands: public pages render the same for everyone, before any session decision
  const publicPage = publicPages.find((p) => p.path === location.pathname);
  if (publicPage) return <Lazy page={publicPage.page} />;

  if (state.status === 'anonymous') {
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="*" element={<Navigate to="/login" replace state={{ from: location.pathname + location.search }} />} />
      </Routes>
    );
  }

  const { user } = state;
  // A temporary password (new account, admin reset) must be replaced before anything else.
  if (user.mustChangePassword) {
    return (
      <Routes>
        <Route path="/change-password" element={<Lazy page={ChangePasswordPage} />} />
        <Route path="*" element={<Navigate to="/change-password" replace />} />
      </Routes>
    );
  }

  const from = (location.state as { from?: string } | null)?.from;
  return (
    <Routes>
      <Route path="/login" element={<Navigate to={from && from !== '/login' ? from : '/'} replace />} />
      <Route path="/change-password" element={<Navigate to="/" replace />} />
      <Route element={<AppLayout />}>
        {/* A leader comes to read the cockpit: it is the leader's home page. */}
        <Route index element={user.role === 'leader' ? <Navigate to="/cockpit" replace /> : <Lazy page={HomePage} />} />
        <Route path="/profile" element={<Lazy page={ProfilePage} />} />
        {routes.map((r) => (
          <Route
            key={r.path}
            path={r.path}
            element={
              <Guarded permissions={r.permissions}>
                <Lazy page={r.page} />
              </Guarded>
            }
          />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
