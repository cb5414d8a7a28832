import NotificationsIcon from '@mui/icons-material/Notifications';
import { Badge, IconButton, Tooltip } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { LinkBase, useDataProvider, useLocation, usePermissions, useTranslate } from 'react-admin';
import type { GgsmDataProvider } from '../providers/data-provider';
import { NOTIFICATIONS_PATH, NOTIFICATIONS_CHANGED } from './notifications-page';

/** How often the bell asks for the unread count while the page stays open. */
const POLL_MS = 60_000;

/** The unread count, asked on every navigation, every minute, and when the notifications page marks some read. */
export const NotificationBell = () => {
  const { permissions } = usePermissions();
  const signedIn = Array.isArray(permissions) && permissions.length > 0;
  const dataProvider = useDataProvider<GgsmDataProvider>();
  const translate = useTranslate();
  const location = useLocation();
  const [count, setCount] = useState<number | null>(null);

  const refresh = useCallback(() => {
    if (!signedIn) return;
    dataProvider.myNotifications({ unreadOnly: true, perPage: 1 }).then(
      (list) => setCount(list.unreadCount),
      // The bell is a hint: a failed poll keeps the last count (the next one tries again).
      () => undefined,
    );
  }, [dataProvider, signedIn]);

  useEffect(refresh, [refresh, location.pathname]);
  useEffect(() => {
    if (!signedIn) return undefined;
    const timer = window.setInterval(refresh, POLL_MS);
    window.addEventListener(NOTIFICATIONS_CHANGED, refresh);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(NOTIFICATIONS_CHANGED, refresh);
    };
  }, [refresh, signedIn]);

  if (!signedIn) return null;
  const label = translate('ggsm.notifications.bell', { count: count ?? 0 });
  return (
    <Tooltip title={label}>
      <IconButton component={LinkBase} to={NOTIFICATIONS_PATH} color="inherit" aria-label={label} data-testid="notification-bell">
        <Badge badgeContent={count ?? 0} color="error" max={99} slotProps={{ badge: { 'data-testid': 'notification-count' } as object }}>
          <NotificationsIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
};
