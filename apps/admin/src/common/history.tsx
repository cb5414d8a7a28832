import { Alert, Box, Chip, CircularProgress, Paper, Stack, Typography } from '@mui/material';
import { useEffect, useState, type ReactNode } from 'react';
import {
  useDataProvider,
  useGetManyAggregate,
  useGetRecordRepresentation,
  useLocaleState,
  usePermissions,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import type { AuditedEntityType, AuditEventRecord, GgsmDataProvider } from '../providers/data-provider';
import { enumLabel, type EnumName } from './enums';
import { mayAccess } from './permissions';

/** Date and time the way the reader writes it: "30 nov 2026 20:05:34" in Dutch. */
export const formatDateTime = (value: string | Date | null | undefined, locale: string): string => {
  if (!value) return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toLocaleString(locale === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'medium', timeStyle: 'medium' });
};

/** "Account gewijzigd" for `social_account.updated`; the code itself for an action the console does not know. */
export const useActionLabel = () => {
  const translate = useTranslate();
  return (action: string) => translate(`ggsm.audit.actions.${action}`, { _: action });
};

/** "Account" for SocialAccount, "Audittrail" for the trail's own events. */
export const useEntityTypeLabel = () => {
  const translate = useTranslate();
  return (entityType: string) => translate(`ggsm.audit.entity_types.${entityType}`, { _: entityType });
};

/** The actor's roles at the time ("EDITOR,COMMUNICATIONS" or SYSTEM), translated. */
export const useRoleLabel = () => {
  const translate = useTranslate();
  return (actorRole: string | null | undefined) =>
    (actorRole ?? '')
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(role => (role === 'SYSTEM' ? translate('ggsm.audit.system') : translate(enumLabel('Role', role), { _: role })))
      .join(', ');
};

/** Fields every change touches: the version counter and timestamps say nothing a reader needs. */
const HIDDEN_FIELDS = new Set(['id', 'version', 'createdAt', 'updatedAt']);

const ENUM_FIELDS: Record<string, Record<string, EnumName>> = {
  SocialAccount: { kind: 'AccountKind', status: 'AccountStatus', purposes: 'AccountPurpose' },
  OrgUnit: { kind: 'OrgUnitKind' },
  Platform: { status: 'PlatformStatus' },
  NamingRule: { type: 'NamingRuleType', severity: 'NamingSeverity' },
  ChecklistItem: { mode: 'ChecklistMode', kinds: 'AccountKind', purposes: 'AccountPurpose' },
  ReviewInterval: { kind: 'AccountKind' },
  ClaimedUrl: { kind: 'ClaimedUrlKind', purpose: 'ClaimedUrlPurpose', status: 'ClaimedUrlStatus' },
  User: { roles: 'Role' },
  ImpersonationReport: {
    state: 'ImpersonationState',
    source: 'ImpersonationSource',
    dismissalReason: 'DismissalReason',
    legalDecision: 'LegalDecision',
    takedownOutcome: 'TakedownOutcome',
  },
};

/** Fields holding the id of another record: shown by that record's name where the reader may see it. */
const REFERENCE_FIELDS: Record<string, Record<string, string>> = {
  SocialAccount: {
    platformId: 'Platform',
    orgUnitId: 'OrgUnit',
    primaryOwnerId: 'Person',
    backupOwnerIds: 'Person',
    requestedById: 'User',
    approvedById: 'User',
  },
  OrgUnit: { parentId: 'OrgUnit' },
  Person: { orgUnitId: 'OrgUnit' },
  ClaimedUrl: { orgUnitId: 'OrgUnit', accountIds: 'SocialAccount', platformId: 'Platform' },
  User: { scopeUnitId: 'OrgUnit', personId: 'Person' },
  ImpersonationReport: {
    platformId: 'Platform',
    suggestedAccountId: 'SocialAccount',
    imitatedAccountId: 'SocialAccount',
    createdById: 'User',
    legalDecidedById: 'User',
    takedownFiledById: 'User',
  },
};

/** Fields whose values are codes with a label (`ggsm.audit.values.<field>.<code>`): the login method, "password changed". */
const TRANSLATED_VALUES = new Set(['method', 'password']);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

const Empty = () => (
  <Box component="span" sx={{ color: 'text.disabled' }}>
    —
  </Box>
);

/** A record the reader may not see (outside an editor's unit subtree) or that is gone: say so, keep the id at hand. */
const UnknownReference = ({ id }: { id: string }) => {
  const translate = useTranslate();
  return (
    <span title={id}>
      <Box component="span" sx={{ fontStyle: 'italic' }}>
        {translate('ggsm.history.unknown_reference')}
      </Box>{' '}
      <Box component="span" sx={{ fontFamily: 'monospace', fontSize: '0.85em', color: 'text.secondary' }}>
        ({id.length > 13 ? `${id.slice(0, 8)}…` : id})
      </Box>
    </span>
  );
};

/** One referenced record by its name (the resource's recordRepresentation); its id when unreadable or gone. */
const ReferenceName = ({ reference, id }: { reference: string; id: string }) => {
  const { data, isPending } = useGetManyAggregate(reference, { ids: [id] });
  const represent = useGetRecordRepresentation(reference);
  const record = data?.find((r: RaRecord) => String(r.id) === String(id));
  if (isPending) return <span>…</span>;
  if (!record) return <UnknownReference id={id} />;
  return <span title={id}>{String(represent(record))}</span>;
};

const References = ({ reference, ids }: { reference: string; ids: string[] }) => {
  const { permissions } = usePermissions();
  if (ids.length === 0) return <Empty />;
  // Don't ask for what the API would refuse (users for anyone but administrators and auditors).
  if (!mayAccess(permissions, reference, 'show')) {
    return (
      <>
        {ids.map((id, i) => (
          <span key={`${id}-${i}`}>
            {i > 0 ? ', ' : null}
            <UnknownReference id={id} />
          </span>
        ))}
      </>
    );
  }
  return (
    <>
      {ids.map((id, i) => (
        <span key={`${id}-${i}`}>
          {i > 0 ? ', ' : null}
          <ReferenceName reference={reference} id={id} />
        </span>
      ))}
    </>
  );
};

/** One value of a changed field, readable: translated enums, names for ids, Dutch dates, Ja/Nee. */
export const ChangeValue = ({ entityType, field, value }: { entityType: string; field: string; value: unknown }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (isEmpty(value)) return <Empty />;
  const reference = REFERENCE_FIELDS[entityType]?.[field];
  if (reference) {
    const ids = (Array.isArray(value) ? value : [value]).map(String);
    return <References reference={reference} ids={ids} />;
  }
  const enumName = ENUM_FIELDS[entityType]?.[field];
  const one = (v: unknown): string => {
    if (v === null || v === undefined) return '—';
    if (enumName && typeof v === 'string') return translate(enumLabel(enumName, v), { _: v });
    if (typeof v === 'boolean') return translate(v ? 'ra.boolean.true' : 'ra.boolean.false');
    if (typeof v === 'string' && ISO_DATE.test(v)) return formatDateTime(v, locale);
    if (typeof v === 'string' && TRANSLATED_VALUES.has(field)) return translate(`ggsm.audit.values.${field}.${v}`, { _: v });
    if (typeof v === 'object') return JSON.stringify(v);
    return String(v);
  };
  const text = Array.isArray(value) ? value.map(one).join(', ') : one(value);
  return <span style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{text}</span>;
};

/** The label of a field of this record type, as its forms and pages call it. */
export const useFieldLabel = () => {
  const translate = useTranslate();
  return (entityType: string, field: string) =>
    translate(`resources.${entityType}.fields.${field}`, {
      _: translate(`ggsm.audit.fields.${field}`, { _: field }),
    });
};

/**
 * The changed fields of one event: "veld: oud → nieuw" per field; for a new record (no `before`)
 * just the values it was created with.
 */
export const ChangeList = ({
  entityType,
  before,
  after,
}: {
  entityType: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}) => {
  const fieldLabel = useFieldLabel();
  const created = before == null;
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    // A new record lists what it was created with: its empty fields say nothing.
    f => !HIDDEN_FIELDS.has(f) && !(created && isEmpty(after?.[f])),
  );
  if (fields.length === 0) return null;
  return (
    <Box
      component="dl"
      sx={{ display: 'grid', gridTemplateColumns: 'minmax(120px, max-content) 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}
      className="ggsm-changes"
    >
      {fields.map(field => (
        <Box key={field} sx={{ display: 'contents' }} data-field={field}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {fieldLabel(entityType, field)}:
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0 }}>
            {created ? (
              <ChangeValue entityType={entityType} field={field} value={after?.[field]} />
            ) : (
              <>
                <Box component="span" sx={{ color: 'text.secondary', textDecoration: 'line-through', textDecorationColor: 'rgba(0,0,0,0.25)' }}>
                  <ChangeValue entityType={entityType} field={field} value={before?.[field]} />
                </Box>
                <Box component="span" sx={{ mx: 1 }} aria-hidden>
                  →
                </Box>
                <ChangeValue entityType={entityType} field={field} value={after?.[field]} />
              </>
            )}
          </Typography>
        </Box>
      ))}
    </Box>
  );
};

/** Who did it: the e-mail address and roles at the time, or "Systeem" for demo data and migrations. */
export const ActorText = ({ event }: { event: Pick<AuditEventRecord, 'actorEmail' | 'actorRole'> }) => {
  const translate = useTranslate();
  const roleLabel = useRoleLabel();
  const roles = roleLabel(event.actorRole);
  const who = event.actorEmail ?? translate('ggsm.audit.system');
  return (
    <span>
      {who}
      {roles && roles !== who ? (
        <Box component="span" sx={{ color: 'text.secondary' }}>
          {' — '}
          {roles}
        </Box>
      ) : null}
    </span>
  );
};

/** Reason and request id, when the event has them. */
export const EventMeta = ({ event }: { event: Pick<AuditEventRecord, 'reason' | 'requestId'> }) => {
  const translate = useTranslate();
  if (!event.reason && !event.requestId) return null;
  return (
    <Stack spacing={0.25} sx={{ mt: 1 }}>
      {event.reason ? (
        <Typography variant="body2">
          <Box component="span" sx={{ color: 'text.secondary' }}>
            {translate('ggsm.audit.reason')}:
          </Box>{' '}
          {event.reason}
        </Typography>
      ) : null}
      {event.requestId ? (
        <Typography variant="caption" color="text.secondary">
          {translate('ggsm.audit.request_id')}: <code>{event.requestId}</code>
        </Typography>
      ) : null}
    </Stack>
  );
};

const HistoryEntry = ({ event }: { event: AuditEventRecord }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const actionLabel = useActionLabel();
  const version = event.after && typeof event.after.version === 'number' ? event.after.version : null;
  return (
    <Paper variant="outlined" component="li" sx={{ p: 1.5, listStyle: 'none' }} data-action={event.action}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'baseline', flexWrap: 'wrap', mb: 0.5 }}>
        <Typography variant="subtitle2" component="h3" sx={{ fontWeight: 600 }}>
          {actionLabel(event.action)}
        </Typography>
        {version !== null ? <Chip size="small" variant="outlined" label={translate('ggsm.history.version', { version })} /> : null}
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt, locale)}</time>
        {' · '}
        {translate('ggsm.history.by')} <ActorText event={event} />
      </Typography>
      <ChangeList entityType={event.entityType} before={event.before} after={event.after} />
      <EventMeta event={event} />
    </Paper>
  );
};

/**
 * The History tab of a record: its audit events, newest first, as a readable timeline. Whoever may
 * read the record may read its history (the API checks). Reloads when the record's version changes.
 */
export const AuditHistory = ({ entityType }: { entityType: AuditedEntityType; label?: false | string }) => {
  const record = useRecordContext();
  const dataProvider = useDataProvider<GgsmDataProvider>();
  const translate = useTranslate();
  const [state, setState] = useState<{ events?: AuditEventRecord[]; error?: string }>({});
  const id = record?.id === undefined ? undefined : String(record.id);
  const version = record?.version as number | undefined;

  useEffect(() => {
    if (!id) return;
    let current = true;
    dataProvider.auditHistory(entityType, id).then(
      events => current && setState({ events: [...events].reverse() }),
      (error: unknown) => current && setState({ error: (error as { message?: string })?.message || 'ra.notification.http_error' }),
    );
    return () => {
      current = false;
    };
  }, [dataProvider, entityType, id, version]);

  let content: ReactNode;
  if (state.error) content = <Alert severity="error">{translate(state.error, { _: state.error })}</Alert>;
  else if (!state.events) content = <CircularProgress size={24} aria-label={translate('ra.page.loading')} />;
  else if (state.events.length === 0) content = <Typography color="text.secondary">{translate('ggsm.history.empty')}</Typography>;
  else
    content = (
      <Stack component="ol" spacing={1.5} sx={{ p: 0, m: 0 }} aria-label={translate('ggsm.tabs.history')}>
        {state.events.map(event => (
          <HistoryEntry key={event.id} event={event} />
        ))}
      </Stack>
    );
  return (
    <Box sx={{ maxWidth: 960, width: '100%' }} className="ggsm-history">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {translate('ggsm.history.intro')}
      </Typography>
      {content}
    </Box>
  );
};
