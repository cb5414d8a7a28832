import { Chip, Stack, Typography } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import {
  ACCOUNT_KINDS,
  ACCOUNT_PURPOSES,
  ACCOUNT_STATUSES,
  ORG_UNIT_KINDS,
  PLATFORM_STATUSES,
  NAMING_RULE_TYPES,
  NamingSeverity,
  ChecklistMode,
  ROLES,
  CLAIMED_URL_KINDS,
  CLAIMED_URL_PURPOSES,
  CLAIMED_URL_STATUSES,
  EXPIRY_STATES,
  IMPERSONATION_STATES,
  IMPERSONATION_SOURCES,
  DISMISSAL_REASONS,
  LEGAL_DECISIONS,
  TAKEDOWN_OUTCOMES,
} from '@ggsm/domain';

/** The GraphQL enums the console shows; their labels live under `ggsm.enums.<Enum>.<VALUE>`. */
export const ENUMS = {
  Role: ROLES,
  OrgUnitKind: ORG_UNIT_KINDS,
  AccountKind: ACCOUNT_KINDS,
  AccountPurpose: ACCOUNT_PURPOSES,
  AccountStatus: ACCOUNT_STATUSES,
  PlatformStatus: PLATFORM_STATUSES,
  NamingRuleType: NAMING_RULE_TYPES,
  NamingSeverity: Object.values(NamingSeverity),
  ChecklistMode: Object.values(ChecklistMode),
  ClaimedUrlKind: CLAIMED_URL_KINDS,
  ClaimedUrlPurpose: CLAIMED_URL_PURPOSES,
  ClaimedUrlStatus: CLAIMED_URL_STATUSES,
  ExpiryState: EXPIRY_STATES,
  ImpersonationState: IMPERSONATION_STATES,
  ImpersonationSource: IMPERSONATION_SOURCES,
  DismissalReason: DISMISSAL_REASONS,
  LegalDecision: LEGAL_DECISIONS,
  TakedownOutcome: TAKEDOWN_OUTCOMES,
  ImpersonationEvidenceKind: ['URL', 'NOTE', 'FILE'],
} as const;

export type EnumName = keyof typeof ENUMS;

export const enumLabel = (name: EnumName, value: string) => `ggsm.enums.${name}.${value}`;

/** Choices for SelectInput & co.; react-admin translates the `name` keys. */
export const enumChoices = (name: EnumName) =>
  ENUMS[name].map(value => ({ id: value, name: enumLabel(name, value) }));

type ChipColor = 'default' | 'primary' | 'secondary' | 'success' | 'warning' | 'error' | 'info';

const STATUS_COLORS: Record<string, ChipColor> = {
  DRAFT: 'default',
  SUBMITTED: 'info',
  ACTIVE: 'success',
  SUSPENDED: 'warning',
  REJECTED: 'error',
  ARCHIVED: 'secondary',
  DEPRECATED: 'warning',
  DEFUNCT: 'default',
};

interface EnumFieldProps extends FieldProps {
  enumName: EnumName;
  /** Render as a coloured chip (statuses). */
  chip?: boolean;
}

/** One enum value, translated; optionally as a status chip. */
export const EnumField = ({ enumName, chip = false, source }: EnumFieldProps) => {
  const value = useFieldValue({ source }) as string | null | undefined;
  const translate = useTranslate();
  if (!value) return null;
  const label = translate(enumLabel(enumName, value), { _: value });
  if (!chip) {
    return (
      <Typography component="span" variant="body2">
        {label}
      </Typography>
    );
  }
  return <Chip size="small" label={label} color={STATUS_COLORS[value] ?? 'default'} variant="outlined" />;
};

/** A list of enum values (roles, purposes) as translated chips. */
export const EnumArrayField = ({ enumName, source }: EnumFieldProps) => {
  const values = useFieldValue({ source }) as string[] | null | undefined;
  const translate = useTranslate();
  if (!values?.length) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {values.map(value => (
        <Chip key={value} size="small" label={translate(enumLabel(enumName, value), { _: value })} />
      ))}
    </Stack>
  );
};

/** A list of plain strings (languages) as chips. */
export const StringArrayField = ({ source }: FieldProps) => {
  const values = useFieldValue({ source }) as string[] | null | undefined;
  if (!values?.length) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {values.map(value => (
        <Chip key={value} size="small" variant="outlined" label={value} />
      ))}
    </Stack>
  );
};

/** A list of enum values, translated and joined; a dash when empty (empty means "all" in scopes). */
export const EnumListField = ({ enumName, source }: { enumName: EnumName; source: string; label?: string }) => {
  const value = useFieldValue({ source }) as string[] | null | undefined;
  const translate = useTranslate();
  if (!value?.length) return <Typography component="span" variant="body2">—</Typography>;
  return (
    <Typography component="span" variant="body2">
      {value.map(v => translate(enumLabel(enumName, v), { _: v })).join(', ')}
    </Typography>
  );
};
