import { Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import {
  AutocompleteInput,
  BooleanField,
  CreateButton,
  DataTable,
  FilterButton,
  List,
  NullableBooleanInput,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { enumChoices, EnumField } from '../common/enums';
import { AccountExportButtons } from '../import-export/export-buttons';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="platformId" source="platformId" reference="Platform" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <SelectInput key="status" source="status" choices={enumChoices('AccountStatus')} />,
  <SelectInput key="kind" source="kind" choices={enumChoices('AccountKind')} />,
  <ReferenceInput key="orgUnitId" source="orgUnitId" reference="OrgUnit" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput optionText="path" />
  </ReferenceInput>,
  <NullableBooleanInput key="legacy" source="legacy" />,
  <NullableBooleanInput key="reviewOverdue" source="reviewOverdue" label="ggsm.flags.reviewOverdue" />,
];

const FLAG_COLORS: Record<string, 'error' | 'warning'> = { DEFUNCT_PLATFORM: 'error', NAMING_ERROR: 'error', TOO_FEW_OWNERS: 'warning', REVIEW_OVERDUE: 'warning' };

/** The account's signals (computed by the API) as small chips; nothing when all is well. */
export const FlagsField = (_props: { label?: string }) => {
  const record = useRecordContext<{ flags?: string[] }>();
  const translate = useTranslate();
  const flags = record?.flags ?? [];
  if (!flags.length) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {flags.map((f) => (
        <Chip key={f} size="small" variant="outlined" color={FLAG_COLORS[f] ?? 'default'} label={translate(`ggsm.flags.${f}`, { _: f })} />
      ))}
    </Stack>
  );
};

/** Shown instead of an empty table: what ggsm is for, and where to start. */
const Welcome = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2, maxWidth: 640 }}>
      <Card>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            {translate('ggsm.welcome.title')}
          </Typography>
          <Typography gutterBottom>{translate('ggsm.welcome.body')}</Typography>
          <Typography color="text.secondary" gutterBottom>
            {translate('resources.SocialAccount.empty')}
          </Typography>
          <CreateButton variant="contained" />
        </CardContent>
      </Card>
    </Box>
  );
};

// The export comes from the API (CSV that imports again, JSON), not react-admin's page-by-page exporter.
const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <AccountExportButtons />
  </TopToolbar>
);

export const AccountList = () => (
  <List filters={filters} sort={{ field: 'handle', order: 'ASC' }} perPage={25} empty={<Welcome />} actions={<ListActions />} exporter={false}>
    {/* No bulk actions: in particular no bulk delete, nothing in ggsm is destroyed. */}
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="platformId">
        <ReferenceField source="platformId" reference="Platform" link={false} />
      </DataTable.Col>
      <DataTable.Col source="handle">
        <TextField source="handle" sx={{ fontFamily: 'monospace' }} />
      </DataTable.Col>
      <DataTable.Col source="displayName" />
      <DataTable.Col source="orgUnitId" disableSort>
        <ReferenceField source="orgUnitId" reference="OrgUnit" link={false}>
          <TextField source="path" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="kind">
        <EnumField source="kind" enumName="AccountKind" />
      </DataTable.Col>
      <DataTable.Col source="status">
        <EnumField source="status" enumName="AccountStatus" chip />
      </DataTable.Col>
      <DataTable.Col source="legacy">
        <BooleanField source="legacy" />
      </DataTable.Col>
      <DataTable.Col source="flags" label="ggsm.flags.column" disableSort>
        <FlagsField />
      </DataTable.Col>
    </DataTable>
  </List>
);
