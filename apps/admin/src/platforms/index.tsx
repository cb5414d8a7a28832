import AppsIcon from '@mui/icons-material/Apps';
import {
  DataTable,
  Edit,
  List,
  NumberField,
  required,
  SearchInput,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
} from 'react-admin';
import { enumChoices, EnumField } from '../common/enums';
import { SaveOnlyToolbar } from '../common/toolbars';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={enumChoices('PlatformStatus')} />,
];

export const PlatformList = () => (
  <List filters={filters} sort={{ field: 'sortOrder', order: 'ASC' }} perPage={25}>
    <DataTable rowClick="edit" bulkActionButtons={false}>
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

// The key, handle syntax and URL template come from the domain library's catalogue; only name and status are editable.
export const PlatformEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm toolbar={<SaveOnlyToolbar />}>
      <TextInput source="key" disabled />
      <TextInput source="name" validate={required()} />
      <SelectInput source="status" choices={enumChoices('PlatformStatus')} validate={required()} />
    </SimpleForm>
  </Edit>
);

export default {
  list: PlatformList,
  edit: PlatformEdit,
  icon: AppsIcon,
  recordRepresentation: 'name',
};
