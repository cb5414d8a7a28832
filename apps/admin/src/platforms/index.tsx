import AppsIcon from '@mui/icons-material/Apps';
import {
  DataTable,
  Edit,
  List,
  NumberField,
  required,
  SearchInput,
  SelectInput,
  Show,
  SimpleForm,
  Tab,
  TabbedShowLayout,
  TextField,
  TextInput,
  useLocaleState,
} from 'react-admin';
import { enumChoices, EnumField } from '../common/enums';
import { AuditHistory } from '../common/history';
import { SaveOnlyToolbar } from '../common/toolbars';
import { useVersionConflictHandling } from '../common/version-conflict';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={enumChoices('PlatformStatus')} />,
];

export const PlatformList = () => (
  <List filters={filters} sort={{ field: 'sortOrder', order: 'ASC' }} perPage={25}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="key">
        <TextField source="key" sx={{ fontFamily: 'monospace' }} />
      </DataTable.Col>
      <DataTable.Col source="name" />
      <DataTable.Col source="status">
        <EnumField source="status" enumName="PlatformStatus" chip />
      </DataTable.Col>
      <DataTable.Col source="profileUrlTemplate" disableSort>
        <TextField source="profileUrlTemplate" sx={{ fontFamily: 'monospace' }} />
      </DataTable.Col>
      <DataTable.Col source="accountCount" disableSort>
        <NumberField source="accountCount" />
      </DataTable.Col>
    </DataTable>
  </List>
);

/** The platform's handle rules, in the reader's language. */
const SyntaxField = (_props: { label?: string }) => {
  const [locale] = useLocaleState();
  return <TextField source={locale === 'en' ? 'syntaxEn' : 'syntaxNl'} emptyText="—" sx={{ whiteSpace: 'pre-line' }} />;
};

export const PlatformShow = () => (
  <Show>
    <TabbedShowLayout>
      <Tab label="ggsm.tabs.details">
        <TextField source="key" sx={{ fontFamily: 'monospace' }} />
        <TextField source="name" />
        <EnumField source="status" enumName="PlatformStatus" chip />
        <TextField source="profileUrlTemplate" sx={{ fontFamily: 'monospace' }} />
        <SyntaxField label="resources.Platform.fields.syntax" />
        <NumberField source="accountCount" />
        <NumberField source="version" />
      </Tab>
      <Tab label="ggsm.tabs.history" path="history">
        <AuditHistory entityType="Platform" label={false} />
      </Tab>
    </TabbedShowLayout>
  </Show>
);

// The key, handle syntax and URL template come from the domain library's catalogue; only name and status are editable.
export const PlatformEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" mutationOptions={useVersionConflictHandling()}>
    <SimpleForm toolbar={<SaveOnlyToolbar />}>
      <TextInput source="key" disabled />
      <TextInput source="name" validate={required()} />
      <SelectInput source="status" choices={enumChoices('PlatformStatus')} validate={required()} />
    </SimpleForm>
  </Edit>
);

export default {
  list: PlatformList,
  show: PlatformShow,
  edit: PlatformEdit,
  icon: AppsIcon,
  recordRepresentation: 'name',
};
