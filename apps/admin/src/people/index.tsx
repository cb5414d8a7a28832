import BadgeIcon from '@mui/icons-material/Badge';
import {
  AutocompleteInput,
  BooleanField,
  BooleanInput,
  Create,
  DataTable,
  DateField,
  DateTimeInput,
  Edit,
  email,
  List,
  NullableBooleanInput,
  ReferenceField,
  ReferenceInput,
  required,
  SearchInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
} from 'react-admin';
import { SaveOnlyToolbar } from '../common/toolbars';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="orgUnitId" source="orgUnitId" reference="OrgUnit" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput optionText="path" />
  </ReferenceInput>,
  <NullableBooleanInput key="active" source="active" />,
];

export const PersonList = () => (
  <List filters={filters} sort={{ field: 'name', order: 'ASC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="email" />
      <DataTable.Col source="jobTitle" />
      <DataTable.Col source="orgUnitId" disableSort>
        <ReferenceField source="orgUnitId" reference="OrgUnit" link={false} emptyText="—">
          <TextField source="path" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="guidelinesAcknowledgedAt" disableSort>
        <DateField source="guidelinesAcknowledgedAt" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="active">
        <BooleanField source="active" />
      </DataTable.Col>
    </DataTable>
  </List>
);

export const PersonShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="email" />
      <TextField source="jobTitle" emptyText="—" />
      <ReferenceField source="orgUnitId" reference="OrgUnit" emptyText="—">
        <TextField source="path" />
      </ReferenceField>
      <DateField source="guidelinesAcknowledgedAt" showTime emptyText="—" />
      <BooleanField source="active" />
      <DateField source="createdAt" showTime />
      <DateField source="updatedAt" showTime />
    </SimpleShowLayout>
  </Show>
);

const PersonForm = () => (
  <SimpleForm toolbar={<SaveOnlyToolbar />} defaultValues={{ active: true }}>
    <TextInput source="name" validate={required()} />
    <TextInput source="email" type="email" validate={[required(), email()]} />
    <TextInput source="jobTitle" />
    <ReferenceInput source="orgUnitId" reference="OrgUnit" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput optionText="path" />
    </ReferenceInput>
    <DateTimeInput source="guidelinesAcknowledgedAt" helperText="resources.Person.helpers.guidelinesAcknowledgedAt" />
    <BooleanInput source="active" />
  </SimpleForm>
);

export const PersonEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <PersonForm />
  </Edit>
);

export const PersonCreate = () => (
  <Create redirect="show">
    <PersonForm />
  </Create>
);

export default {
  list: PersonList,
  show: PersonShow,
  edit: PersonEdit,
  create: PersonCreate,
  icon: BadgeIcon,
  recordRepresentation: 'name',
};
