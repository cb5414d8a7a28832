import DoneIcon from '@mui/icons-material/Done';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import OpenInNewIcon from '@mui/icons-material/ArrowForward';
import {
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  Chip,
  FormControlLabel,
  FormGroup,
  List,
  ListItem,
  ListItemText,
  Stack,
  Switch,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { Loading, Title, useDataProvider, useLocale, useNavigate, useNotify, useTranslate } from 'react-admin';
import type { GgsmDataProvider, NotificationList, NotificationPreferences, NotificationRecord } from '../providers/data-provider';

export const NOTIFICATIONS_PATH = '/notifications';
/** Fired on window when this page marks notifications read, so the bell counts again at once. */
export const NOTIFICATIONS_CHANGED = 'ggsm:notifications-changed';
const PER_PAGE = 20;

const NotificationRow = ({ n, onRead }: { n: NotificationRecord; onRead: (id: string) => void }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const navigate = useNavigate();
  const title = locale === 'en' ? n.title : n.titleNl;
  const body = locale === 'en' ? n.body : n.bodyNl;
  // The API gives the hash route ("#/SocialAccount/<id>/show"); the router wants the path behind the #.
  const open = () => {
    if (!n.read) onRead(n.id);
    navigate(n.link.replace(/^#/, ''));
  };
  return (
    <ListItem
      divider
      data-testid="notification"
      data-read={n.read ? 'true' : 'false'}
      sx={{ alignItems: 'flex-start', bgcolor: n.read ? undefined : 'action.hover' }}
      secondaryAction={
        <Stack direction="row" spacing={1}>
          <Button size="small" startIcon={<OpenInNewIcon />} onClick={open}>
            {translate('ggsm.notifications.open')}
          </Button>
          {n.read ? null : (
            <Button size="small" startIcon={<DoneIcon />} onClick={() => onRead(n.id)} data-testid="notification-mark-read">
              {translate('ggsm.notifications.mark_read')}
            </Button>
          )}
        </Stack>
      }
    >
      <ListItemText
        sx={{ pr: 24 }}
        primary={
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
            <Typography component="span" sx={{ fontWeight: n.read ? 400 : 600 }}>
              {title}
            </Typography>
            {n.read ? null : <Chip size="small" color="primary" label={translate('ggsm.notifications.unread')} />}
          </Stack>
        }
        secondary={
          <>
            <Typography component="span" variant="body2" sx={{ display: 'block' }}>
              {body}
            </Typography>
            <Typography component="span" variant="caption" color="text.secondary">
              {new Date(n.createdAt).toLocaleString(locale === 'en' ? 'en-GB' : 'nl-NL')} · {translate(`ggsm.notifications.kinds.${n.kind}`, { _: n.kind })} ·{' '}
              {translate(`ggsm.notifications.email.${n.emailStatus}`, { _: n.emailStatus })}
            </Typography>
          </>
        }
      />
    </ListItem>
  );
};

const Preferences = () => {
  const dataProvider = useDataProvider<GgsmDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const [prefs, setPrefs] = useState<NotificationPreferences | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    dataProvider.myNotificationPreferences().then(
      (p) => {
        setPrefs(p);
        setChosen(new Set(p.emailKinds));
      },
      (err: Error) => notify(err.message, { type: 'error' }),
    );
  }, [dataProvider, notify]);

  if (!prefs) return null;
  const save = async () => {
    setSaving(true);
    try {
      const saved = await dataProvider.updateMyNotificationPreferences(prefs.kinds.filter((k) => chosen.has(k)));
      setChosen(new Set(saved.emailKinds));
      notify('ggsm.notifications.preferences.saved', { type: 'success' });
    } catch (err) {
      notify((err as Error).message, { type: 'error' });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card variant="outlined" sx={{ mt: 3 }} data-testid="notification-preferences">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('ggsm.notifications.preferences.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {translate('ggsm.notifications.preferences.hint')}
        </Typography>
        {prefs.emailConfigured ? null : (
          <Typography variant="body2" color="warning.main" gutterBottom>
            {translate('ggsm.notifications.preferences.no_smtp')}
          </Typography>
        )}
        <FormGroup>
          {prefs.kinds.map((kind) => (
            <FormControlLabel
              key={kind}
              control={
                <Checkbox
                  checked={chosen.has(kind)}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.target.checked) next.add(kind);
                    else next.delete(kind);
                    setChosen(next);
                  }}
                  slotProps={{ input: { 'data-kind': kind } as object }}
                />
              }
              label={translate(`ggsm.notifications.kinds.${kind}`, { _: kind })}
            />
          ))}
        </FormGroup>
        <Button variant="contained" onClick={save} disabled={saving} sx={{ mt: 1 }} data-testid="notification-preferences-save">
          {translate('ggsm.notifications.preferences.save')}
        </Button>
      </CardContent>
    </Card>
  );
};

/** The logged-in user's notifications, newest first, and which kinds they also get by e-mail. */
export const NotificationsPage = () => {
  const dataProvider = useDataProvider<GgsmDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(0);
  const [list, setList] = useState<NotificationList | null>(null);

  const load = useCallback(() => {
    dataProvider.myNotifications({ unreadOnly, page, perPage: PER_PAGE }).then(setList, (err: Error) => notify(err.message, { type: 'error' }));
  }, [dataProvider, notify, unreadOnly, page]);
  useEffect(load, [load]);

  const mark = async (target: { ids: string[] } | { all: true }) => {
    try {
      await dataProvider.markNotificationsRead(target);
      window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
      load();
    } catch (err) {
      notify((err as Error).message, { type: 'error' });
    }
  };

  const from = list && list.total ? page * PER_PAGE + 1 : 0;
  const to = list ? Math.min(list.total, (page + 1) * PER_PAGE) : 0;
  return (
    <Box sx={{ mt: 2 }} data-testid="notifications-page">
      <Title title={translate('ggsm.notifications.title')} />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <FormControlLabel
          control={
            <Switch
              checked={unreadOnly}
              onChange={(e) => {
                setUnreadOnly(e.target.checked);
                setPage(0);
              }}
            />
          }
          label={translate('ggsm.notifications.unread_only')}
        />
        <Button startIcon={<DoneAllIcon />} onClick={() => mark({ all: true })} disabled={!list?.unreadCount} data-testid="notification-mark-all-read">
          {translate('ggsm.notifications.mark_all_read')}
        </Button>
      </Stack>
      {!list ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <Typography color="text.secondary">{translate('ggsm.notifications.empty')}</Typography>
      ) : (
        <Card variant="outlined">
          <List disablePadding>
            {list.items.map((n) => (
              <NotificationRow key={n.id} n={n} onRead={(id) => mark({ ids: [id] })} />
            ))}
          </List>
        </Card>
      )}
      {list && list.total > PER_PAGE ? (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mt: 1 }}>
          <Button disabled={page === 0} onClick={() => setPage(page - 1)}>
            {translate('ggsm.notifications.previous')}
          </Button>
          <Typography variant="body2">{translate('ggsm.notifications.page', { from, to, total: list.total })}</Typography>
          <Button disabled={to >= list.total} onClick={() => setPage(page + 1)}>
            {translate('ggsm.notifications.next')}
          </Button>
        </Stack>
      ) : null}
      <Preferences />
    </Box>
  );
};
