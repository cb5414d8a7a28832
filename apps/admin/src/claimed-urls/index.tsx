import LanguageIcon from '@mui/icons-material/Language';
import { Typography } from '@mui/material';
import { isDomainError, normalizeClaimedUrl } from '@ggsm/domain';
import { useWatch } from 'react-hook-form';
import {
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanField,
  BooleanInput,
  ChipField,
  Create,
  DataTable,
  DateField,
  DateInput,
  Edit,
  List,
  NumberField,
  ReferenceArrayField,
  ReferenceArrayInput,
  ReferenceField,
  ReferenceInput,
  required,
  SearchInput,
  SelectInput,
  Show,
  SimpleForm,
  SingleFieldList,
  Tab,
  TabbedShowLayout,
  TextField,
  TextInput,
  useLocaleState,
  useRecordContext,
  useTranslate,
  type Validator,
} from 'react-admin';
import { enumChoices, EnumField } from '../common/enums';
import { AuditHistory } from '../common/history';
import { SaveOnlyToolbar } from '../common/toolbars';
import { useVersionConflictHandling } from '../common/version-conflict';
import { ExpiryBadge } from './expiry';
import { LookalikesPanel } from './lookalikes-panel';

const mono = { fontFamily: 'monospace' };

/** "Verloopt binnen": the warning steps of the expiry watch. */
const WITHIN = [90, 60, 30, 14, 7].map(days => ({ id: days, name: `resources.ClaimedUrl.filters.within_${days}` }));

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="expiringWithinDays" source="expiringWithinDays" choices={WITHIN} alwaysOn />,
  <ReferenceInput key="orgUnitId" source="orgUnitId" reference="OrgUnit" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput optionText="path" />
  </ReferenceInput>,
  <SelectInput key="purpose" source="purpose" choices={enumChoices('ClaimedUrlPurpose')} />,
  <SelectInput key="expiryState" source="expiryState" choices={enumChoices('ExpiryState')} />,
  <SelectInput key="status" source="status" choices={enumChoices('ClaimedUrlStatus')} />,
  <SelectInput key="kind" source="kind" choices={enumChoices('ClaimedUrlKind')} />,
];

export const ClaimedUrlList = () => (
  <List filters={filters} sort={{ field: 'expiresAt', order: 'ASC' }} perPage={25}>
    {/* No bulk actions: nothing in ggsm is destroyed; a claim we let go is RELEASED. */}
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="valueUnicode">
        <TextField source="valueUnicode" sx={mono} />
      </DataTable.Col>
      <DataTable.Col source="kind">
        <EnumField source="kind" enumName="ClaimedUrlKind" />
      </DataTable.Col>
      <DataTable.Col source="purpose">
        <EnumField source="purpose" enumName="ClaimedUrlPurpose" />
      </DataTable.Col>
      <DataTable.Col source="orgUnitId" disableSort>
        <ReferenceField source="orgUnitId" reference="OrgUnit" link={false}>
          <TextField source="path" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="expiresAt">
        <DateField source="expiresAt" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="expiryState" label="resources.ClaimedUrl.fields.expiryState" disableSort>
        <ExpiryBadge />
      </DataTable.Col>
      <DataTable.Col source="status">
        <EnumField source="status" enumName="ClaimedUrlStatus" chip />
      </DataTable.Col>
    </DataTable>
  </List>
);

/** The lookalikes tab exists only for a DOMAIN claim: a subdomain or page has no typo domains of its own. */
const ClaimedUrlTabs = () => {
  const record = useRecordContext<{ kind?: string }>();
  return (
    <TabbedShowLayout>
      <Tab label="resources.ClaimedUrl.tabs.claim">
        <TextField source="value" sx={mono} />
        <TextField source="valueUnicode" sx={mono} />
        <EnumField source="kind" enumName="ClaimedUrlKind" />
        <TextField source="hostUnicode" sx={mono} />
        <TextField source="registrableDomainUnicode" sx={mono} />
        {record?.kind === 'PLATFORM_VANITY' ? <ReferenceField source="platformId" reference="Platform" link={false} /> : null}
        {record?.kind === 'PLATFORM_VANITY' ? <TextField source="handle" /> : null}
        <ReferenceField source="orgUnitId" reference="OrgUnit">
          <TextField source="path" />
        </ReferenceField>
        <EnumField source="purpose" enumName="ClaimedUrlPurpose" />
        <EnumField source="status" enumName="ClaimedUrlStatus" chip />
        <ReferenceArrayField source="accountIds" reference="SocialAccount" emptyText="—">
          <SingleFieldList linkType="show">
            <ChipField source="handle" size="small" />
          </SingleFieldList>
        </ReferenceArrayField>
        <TextField source="notes" emptyText="—" sx={{ whiteSpace: 'pre-line' }} />
      </Tab>
      <Tab label="resources.ClaimedUrl.tabs.registration" path="registration">
        <TextField source="registrar" emptyText="—" />
        <DateField source="registeredAt" emptyText="—" />
        <DateField source="expiresAt" emptyText="—" />
        <ExpiryBadge label="resources.ClaimedUrl.fields.expiryState" />
        <BooleanField source="autoRenew" />
        <NumberField source="version" />
        <DateField source="createdAt" showTime />
        <DateField source="updatedAt" showTime />
      </Tab>
      {record?.kind === 'DOMAIN' ? (
        <Tab label="resources.ClaimedUrl.tabs.lookalikes" path="lookalikes">
          <LookalikesPanel />
        </Tab>
      ) : null}
      <Tab label="ggsm.tabs.history" path="history">
        <AuditHistory entityType="ClaimedUrl" label={false} />
      </Tab>
    </TabbedShowLayout>
  );
};

export const ClaimedUrlShow = () => (
  <Show>
    <ClaimedUrlTabs />
  </Show>
);

/** The verdict of the domain library while typing: the same normalisation and messages the API applies. */
const useValueValidator = (): Validator => {
  const [locale] = useLocaleState();
  return (value: unknown, all: Record<string, unknown>) => {
    if (typeof value !== 'string' || value.trim() === '') return undefined;
    try {
      normalizeClaimedUrl(value, (all.kind as string | null | undefined) || undefined);
      return undefined;
    } catch (error) {
      if (!isDomainError(error)) return undefined;
      const text = error.violations[0]?.message ?? { nl: error.messageNl, en: error.message };
      return { message: locale === 'en' ? text.en : text.nl, args: { _: locale === 'en' ? text.en : text.nl } };
    }
  };
};

/** "Wordt vastgelegd als groningen.nl (domeinnaam)": what the value becomes, before saving. */
const NormalizedPreview = () => {
  const value = useWatch({ name: 'value' }) as string | undefined;
  const kind = useWatch({ name: 'kind' }) as string | undefined;
  const translate = useTranslate();
  if (!value?.trim()) return null;
  try {
    const claim = normalizeClaimedUrl(value, kind || undefined);
    return (
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }} data-testid="normalized-preview">
        {translate('resources.ClaimedUrl.helpers.preview', {
          value: claim.normalizedUnicode,
          kind: translate(`ggsm.enums.ClaimedUrlKind.${claim.kind}`),
        })}
      </Typography>
    );
  } catch {
    return null;
  }
};

interface ClaimForm {
  kind?: string | null;
  registrar?: string | null;
  registeredAt?: string | null;
  expiresAt?: string | null;
  notes?: string | null;
  [key: string]: unknown;
}

// Empty inputs are "not known", not an empty text or an invalid date.
const transform = (data: ClaimForm) => ({
  ...data,
  kind: data.kind || null,
  registrar: data.registrar || null,
  registeredAt: data.registeredAt || null,
  expiresAt: data.expiresAt || null,
  notes: data.notes || null,
});

const ClaimedUrlForm = ({ create = false }: { create?: boolean }) => {
  const validateValue = useValueValidator();
  return (
    <SimpleForm toolbar={<SaveOnlyToolbar />} defaultValues={create ? { purpose: 'PRIMARY', autoRenew: false, accountIds: [] } : undefined}>
      <TextInput source="value" validate={[required(), validateValue]} fullWidth helperText="resources.ClaimedUrl.helpers.value" sx={{ '& input': mono }} />
      <NormalizedPreview />
      <SelectInput source="kind" choices={enumChoices('ClaimedUrlKind')} emptyText="resources.ClaimedUrl.helpers.kind_auto" helperText="resources.ClaimedUrl.helpers.kind" />
      <ReferenceInput source="orgUnitId" reference="OrgUnit" sort={{ field: 'name', order: 'ASC' }} perPage={500}>
        <AutocompleteInput optionText="path" validate={required()} />
      </ReferenceInput>
      <SelectInput source="purpose" choices={enumChoices('ClaimedUrlPurpose')} validate={required()} />
      {create ? null : <SelectInput source="status" choices={enumChoices('ClaimedUrlStatus')} validate={required()} helperText="resources.ClaimedUrl.helpers.status" />}
      <TextInput source="registrar" />
      <DateInput source="registeredAt" />
      <DateInput source="expiresAt" helperText="resources.ClaimedUrl.helpers.expiresAt" />
      <BooleanInput source="autoRenew" />
      <ReferenceArrayInput source="accountIds" reference="SocialAccount" sort={{ field: 'handle', order: 'ASC' }} perPage={50}>
        <AutocompleteArrayInput helperText="resources.ClaimedUrl.helpers.accountIds" />
      </ReferenceArrayInput>
      <TextInput source="notes" multiline fullWidth />
    </SimpleForm>
  );
};

export const ClaimedUrlEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={transform} mutationOptions={useVersionConflictHandling()}>
    <ClaimedUrlForm />
  </Edit>
);

export const ClaimedUrlCreate = () => (
  <Create redirect="show" transform={transform}>
    <ClaimedUrlForm create />
  </Create>
);

export default {
  list: ClaimedUrlList,
  show: ClaimedUrlShow,
  edit: ClaimedUrlEdit,
  create: ClaimedUrlCreate,
  icon: LanguageIcon,
  recordRepresentation: 'valueUnicode',
};
