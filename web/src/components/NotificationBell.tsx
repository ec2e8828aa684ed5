import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { $api } from '../api/client.js';
import { useI18n } from '../i18n.js';
import { notificationLabels } from '../pages/notifications/labels.js';

// A modest poll: messages come from daily jobs and colleagues' actions, not in real time. Any write
// of this browser (marking read included) refreshes the count at once (api/client.ts).
const POLL_MS = 60_000;

/** The unread count in the header; polls every minute and on each navigation. */
export function NotificationBell() {
  const { pick } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // A failed poll keeps the last count quietly; the page's own reads report real errors.
  const { data, refetch } = $api.useQuery(
    'get',
    '/api/v1/notifications/unread-count',
    {},
    { refetchInterval: POLL_MS, meta: { silent: true } },
  );
  useEffect(() => {
    void refetch();
  }, [pathname, refetch]);
  const unread = data?.unread ?? 0;

  const label = pick(notificationLabels.bell).replace('{n}', String(unread));
  // The count hangs off the bell's top-right corner; the button makes room for it so that a wide
  // "99+" never lies over the language switch next to it (390 px phones leave 2 px between them).
  const room = unread > 99 ? 30 : unread > 9 ? 22 : undefined;
  // …and moves the count right, into that room, so the bell itself stays visible.
  const shift = unread > 99 ? 10 : unread > 9 ? 6 : 0;
  return (
    <Button
      type="text"
      aria-label={label}
      title={label}
      onClick={() => navigate('/notifications')}
      style={room ? { paddingInlineEnd: room } : undefined}
    >
      <Badge count={unread} size="small" overflowCount={99} offset={[shift, 0]}>
        <BellOutlined style={{ fontSize: 17 }} />
      </Badge>
    </Button>
  );
}
