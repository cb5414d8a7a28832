import CloseIcon from '@mui/icons-material/Close';
import { Alert, AlertTitle, Button, IconButton, Stack } from '@mui/material';
import { ErrorCode } from '@ggsm/domain';
import { useCallback } from 'react';
import { useCloseNotification, useNotify, useRefresh, useResourceContext, useTranslate } from 'react-admin';

/** The API's `extensions.code`, which the data provider keeps in `body.code` of its errors. */
const codeOf = (error: unknown): string | undefined => {
  const body = (error as { body?: { code?: unknown } } | null | undefined)?.body;
  return typeof body?.code === 'string' ? body.code : undefined;
};

export const isVersionConflict = (error: unknown): boolean => codeOf(error) === ErrorCode.VERSION_CONFLICT;

/**
 * Shown when a save was refused because someone else changed the record since the form was opened.
 * "Opnieuw laden" refetches the record: the form then shows the other change (and loses the
 * user's own edits, which must be made again on top of it: the API asks exactly that).
 */
export const VersionConflictNotice = ({ resource }: { resource?: string }) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const close = useCloseNotification();
  const title = translate(`ggsm.conflict.titles.${resource ?? ''}`, { _: translate('ggsm.conflict.title') });
  return (
    <Alert
      severity="error"
      variant="filled"
      role="alert"
      data-testid="version-conflict"
      action={
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Button
            color="inherit"
            size="small"
            variant="outlined"
            sx={{ whiteSpace: 'nowrap' }}
            onClick={() => {
              refresh();
              close();
            }}
          >
            {translate('ggsm.conflict.reload')}
          </Button>
          {/* Closing without reloading keeps the form as typed, e.g. to copy the text first. */}
          <IconButton color="inherit" size="small" aria-label={translate('ra.action.close')} onClick={close}>
            <CloseIcon fontSize="small" />
          </IconButton>
        </Stack>
      }
      sx={{ maxWidth: 640, alignItems: 'center' }}
    >
      <AlertTitle>{title}</AlertTitle>
      {translate('ggsm.conflict.body')}
    </Alert>
  );
};

/**
 * `mutationOptions` for an `<Edit>`: a VERSION_CONFLICT gets its own message with a reload action,
 * that stays until read; any other error is notified as react-admin does by default (and field
 * violations stay under their inputs).
 */
export const useVersionConflictHandling = () => {
  const notify = useNotify();
  const resource = useResourceContext();
  const onError = useCallback(
    (error: unknown) => {
      if (isVersionConflict(error)) {
        notify(<VersionConflictNotice resource={resource} />, { type: 'error', autoHideDuration: null });
        return;
      }
      const fieldErrors = (error as { body?: { errors?: Record<string, unknown> } } | null)?.body?.errors;
      if (fieldErrors && Object.keys(fieldErrors).length > 0) return; // shown under the inputs
      const message = typeof error === 'string' ? error : (error as { message?: string } | null)?.message;
      notify(message || 'ra.notification.http_error', { type: 'error', messageArgs: { _: message } });
    },
    [notify, resource],
  );
  return { onError };
};
