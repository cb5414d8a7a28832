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
  NumberField,
  ReferenceField,
  ReferenceInput,
  required,
  SearchInput,
  Show,
  SimpleForm,
  Tab,
  TabbedShowLayout,
  TextField,
  TextInput,
} from 'react-admin';
import { AuditHistory } from '../common/history';
import { useUnitRequired } from '../common/permissions';
import { SaveOnlyToolbar } from '../common/toolbars';
import { useVersionConflictHandling } from '../common/version-conflict';

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
    <TabbedShowLayout>
      <Tab label="ggsm.tabs.details">
        <TextField source="name" />
        <TextField source="email" />
        <TextField source="jobTitle" emptyText="—" />
        <ReferenceField source="orgUnitId" reference="OrgUnit" emptyText="—">
          <TextField source="path" />
        </ReferenceField>
        <DateField source="guidelinesAcknowledgedAt" showTime emptyText="—" />
        <BooleanField source="active" />
        <NumberField source="version" />
        <DateField source="createdAt" showTime />
        <DateField source="updatedAt" showTime />
      </Tab>
      <Tab label="ggsm.tabs.history" path="history">
        <AuditHistory entityType="Person" label={false} />
      </Tab>
    </TabbedShowLayout>
  </Show>
);

const PersonForm = () => {
  // An editor only sees its own unit subtree: a person without a unit would be invisible to it, and the API refuses one.
  const unitRequired = useUnitRequired();
  return (
    <SimpleForm toolbar={<SaveOnlyToolbar />} defaultValues={{ active: true }}>
      <TextInput source="name" validate={required()} />
      <TextInput source="email" type="email" validate={[required(), email()]} />
      <TextInput source="jobTitle" />
      <ReferenceInput source="orgUnitId" reference="OrgUnit" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput
          optionText="path"
          validate={unitRequired ? required() : undefined}
          helperText={unitRequired ? 'resources.Person.helpers.orgUnitId' : undefined}
        />
      </ReferenceInput>
      <DateTimeInput source="guidelinesAcknowledgedAt" helperText="resources.Person.helpers.guidelinesAcknowledgedAt" />
      <BooleanInput source="active" />
    </SimpleForm>
  );
};

export const PersonEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" mutationOptions={useVersionConflictHandling()}>
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
