import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

export interface ExpiryRecord {
  status?: string;
  expiryState?: 'OK' | 'EXPIRING' | 'EXPIRED' | null;
  daysUntilExpiry?: number | null;
  warningThreshold?: number | null;
}

type ChipColor = 'success' | 'info' | 'warning' | 'error' | 'default';

/** Calmer the further away: 90 and 60 days are notice, 30 a warning, 14 and 7 (and expired) an alarm. */
export function expiryColor(record: ExpiryRecord): ChipColor {
  if (record.status && record.status !== 'ACTIVE') return 'default';
  if (record.expiryState === 'EXPIRED') return 'error';
  if (record.expiryState === 'OK') return 'success';
  const step = record.warningThreshold ?? 90;
  if (step <= 14) return 'error';
  if (step <= 30) return 'warning';
  return 'info';
}

/** The expiry watch of one claim as a chip: "verloopt over 45 dagen", "verlopen", nothing without a date. */
export const ExpiryBadge = (_props: { label?: string; sortBy?: string }) => {
  const record = useRecordContext<ExpiryRecord>();
  const translate = useTranslate();
  if (!record?.expiryState || record.daysUntilExpiry === null || record.daysUntilExpiry === undefined) return null;
  const days = record.daysUntilExpiry;
  const label =
    record.expiryState === 'EXPIRED'
      ? translate('resources.ClaimedUrl.expiry.expired', { smart_count: -days })
      : days === 0
        ? translate('resources.ClaimedUrl.expiry.today')
        : translate(record.expiryState === 'OK' ? 'resources.ClaimedUrl.expiry.ok' : 'resources.ClaimedUrl.expiry.expiring', { smart_count: days });
  return (
    <Chip
      size="small"
      label={label}
      color={expiryColor(record)}
      variant={record.expiryState === 'OK' ? 'outlined' : 'filled'}
      data-testid="expiry-badge"
      data-state={record.expiryState}
      data-threshold={record.warningThreshold ?? ''}
    />
  );
};
