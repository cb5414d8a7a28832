import { Chip, Stack, Typography } from '@mui/material';
import { useEffect, useMemo } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  cleanHandleInput,
  evaluateNamingRules,
  NamingSeverity,
  parseHandleInput,
  PLATFORM_SYNTAX_RULE_KEY,
  profileUrl,
  validateHandle,
  type AccountKind,
  type NamingRule,
  type NamingViolation,
} from '@ggsm/domain';
import { required, TextInput, useGetList, useLocaleState, useTranslate, type Validator } from 'react-admin';

/**
 * The handle with the platform's own syntax rules checked while typing: the same `validateHandle`
 * the API runs, so the console shows the verdict the API will give. Every violation is listed, in
 * the current locale; a valid handle shows its normalised form and profile URL instead.
 */
export const HandleInput = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { trigger, getFieldState } = useFormContext();
  const platformId = useWatch({ name: 'platformId' }) as string | undefined;
  const legacy = useWatch({ name: 'legacy' }) as boolean | undefined;
  const handle = useWatch({ name: 'handle' }) as string | undefined;

  const validate = useMemo<Validator[]>(
    () => [
      required(),
      (value: unknown, values: { platformId?: string; legacy?: boolean }) => {
        if (typeof value !== 'string' || value.trim() === '' || !values.platformId) return undefined;
        const violations = validateHandle(values.platformId, value, { legacy: !!values.legacy });
        if (violations.length === 0) return undefined;
        return violations.map(v => (locale === 'en' ? v.message.en : v.message.nl)).join('\n');
      },
    ],
    [locale],
  );

  // The verdict depends on the platform and the legacy flag too, and its text on the locale.
  useEffect(() => {
    if (handle || getFieldState('handle').isTouched) void trigger('handle');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [platformId, legacy, locale]);

  const preview = useMemo(() => {
    if (!platformId) return translate('resources.SocialAccount.helpers.handle_choose_platform');
    if (!handle || validateHandle(platformId, handle, { legacy: !!legacy }).length > 0) return '';
    return translate('resources.SocialAccount.helpers.handle_preview', {
      handle: parseHandleInput(platformId, handle)?.handle ?? cleanHandleInput(handle),
      url: profileUrl(platformId, handle),
    });
  }, [platformId, handle, legacy, translate]);

  return (
    <TextInput
      source="handle"
      validate={validate}
      helperText={<span>{preview}</span>}
      autoComplete="off"
      spellCheck={false}
      sx={{ '& .MuiFormHelperText-root': { whiteSpace: 'pre-line' } }}
    />
  );
};

/** A naming rule as the API returns it (`NamingRule`): the messages as two fields. */
interface NamingRuleRecord {
  id: string;
  key: string;
  type: NamingRule['type'];
  severity: NamingSeverity;
  params: Record<string, unknown>;
  scope?: { platforms?: string[]; kinds?: AccountKind[]; orgUnitIds?: string[] } | null;
  messageNl: string;
  messageEn: string;
  sortOrder: number;
}

interface OrgUnitRecord {
  id: string;
  parentId: string | null;
  handlePrefix: string | null;
}

const toRule = (r: NamingRuleRecord): NamingRule =>
  ({
    key: r.key,
    type: r.type,
    severity: r.severity,
    params: r.params ?? {},
    scope: r.scope ?? {},
    message: { nl: r.messageNl, en: r.messageEn },
  }) as NamingRule;

/**
 * The active naming rules checked while typing, with the same `evaluateNamingRules` the API runs at
 * approval: no round trip. Shown as information only: a naming ERROR blocks approval, not saving a draft.
 * The platform's own syntax is left to the handle's validator above.
 */
export const NamingFeedback = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const platformId = useWatch({ name: 'platformId' }) as string | undefined;
  const handle = useWatch({ name: 'handle' }) as string | undefined;
  const kind = useWatch({ name: 'kind' }) as AccountKind | undefined;
  const orgUnitId = useWatch({ name: 'orgUnitId' }) as string | undefined;
  const legacy = useWatch({ name: 'legacy' }) as boolean | undefined;

  const { data: ruleRecords } = useGetList<NamingRuleRecord>(
    'NamingRule',
    { filter: { active: true }, pagination: { page: 1, perPage: 200 }, sort: { field: 'sortOrder', order: 'ASC' } },
    { staleTime: 60_000 },
  );
  const { data: units } = useGetList<OrgUnitRecord>(
    'OrgUnit',
    { pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' } },
    { staleTime: 60_000 },
  );

  const violations = useMemo<NamingViolation[]>(() => {
    if (!platformId || !handle?.trim() || !kind || !orgUnitId || !ruleRecords) return [];
    const byId = new Map((units ?? []).map(u => [String(u.id), u]));
    const unit = byId.get(String(orgUnitId));
    // The parent chain as far as this user may see it (an editor sees only its own subtree).
    const ancestorIds: string[] = [];
    for (let parent = unit?.parentId; parent && !ancestorIds.includes(parent); parent = byId.get(parent)?.parentId) ancestorIds.push(parent);
    return evaluateNamingRules({
      platform: platformId,
      handle,
      kind,
      legacy: !!legacy,
      orgUnit: { id: String(orgUnitId), handlePrefix: unit?.handlePrefix ?? null, ancestorIds },
      rules: ruleRecords.map(toRule),
    }).filter(v => v.ruleKey !== PLATFORM_SYNTAX_RULE_KEY);
  }, [platformId, handle, kind, orgUnitId, legacy, ruleRecords, units]);

  if (violations.length === 0) return null;
  return (
    <Stack component="ul" spacing={0.5} sx={{ listStyle: 'none', p: 0, mt: -1, mb: 2 }} aria-label={translate('resources.SocialAccount.helpers.naming')} data-testid="naming-feedback">
      {violations.map(v => (
        <Stack component="li" key={`${v.ruleKey}-${v.code}`} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Chip
            size="small"
            variant="outlined"
            color={v.severity === NamingSeverity.ERROR ? 'error' : 'warning'}
            label={translate(`ggsm.enums.NamingSeverity.${v.severity}`)}
          />
          <Typography variant="body2" color="text.secondary">
            {locale === 'en' ? v.message.en : v.message.nl}
          </Typography>
        </Stack>
      ))}
    </Stack>
  );
};
