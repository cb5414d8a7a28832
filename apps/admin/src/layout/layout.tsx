import type { ReactNode } from 'react';
import { AppBar, Layout, LocalesMenuButton, TitlePortal } from 'react-admin';
import { GgsmMenu } from '../accounts/approval-queue';
import { NotificationBell } from '../notifications/notification-bell';

// The language switcher sits in the app bar: Dutch first, English for colleagues who need it. The bell
// shows the unread notifications.
const GgsmAppBar = () => (
  <AppBar
    toolbar={
      <>
        <NotificationBell />
        <LocalesMenuButton />
      </>
    }
  >
    <TitlePortal />
  </AppBar>
);

export const GgsmLayout = ({ children }: { children: ReactNode }) => <Layout appBar={GgsmAppBar} menu={GgsmMenu}>{children}</Layout>;
