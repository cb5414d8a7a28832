import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import {
  AutocompleteInput,
  BooleanField,
  BooleanInput,
  Create,
  DataTable,
  DateField,
  Edit,
  email,
  List,
  minLength,
  NullableBooleanInput,
  PasswordInput,
  ReferenceField,
  ReferenceInput,
  required,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  Show,
  SimpleForm,
  Tab,
  TabbedShowLayout,
  TextField,
  TextInput,
  NumberField,
} from 'react-admin';
import { enumChoices, EnumArrayField } from '../common/enums';
import { AuditHistory } from '../common/history';
import { SaveOnlyToolbar } from '../common/toolbars';
import { useVersionConflictHandling } from '../common/version-conflict';

const roles = enumChoices('Role');
const PASSWORD_MIN = 12;

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roles} />,
  <NullableBooleanInput key="active" source="active" />,
];

export const UserList = () => (
  <List filters={filters} sort={{ field: 'email', order: 'ASC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="email" />
      <DataTable.Col source="displayName" />
      <DataTable.Col source="roles" disableSort>
        <EnumArrayField source="roles" enumName="Role" />
      </DataTable.Col>
      <DataTable.Col source="scopeUnitId" disableSort>
        <ReferenceField source="scopeUnitId" reference="OrgUnit" link={false} emptyText="—">
          <TextField source="path" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="active">
        <BooleanField source="active" />
      </DataTable.Col>
      <DataTable.Col source="lastLoginAt">
        <DateField source="lastLoginAt" showTime emptyText="—" />
      </DataTable.Col>
    </DataTable>
  </List>
);

export const UserShow = () => (
  <Show>
    <TabbedShowLayout>
      <Tab label="ggsm.tabs.details">
        <TextField source="email" />
        <TextField source="displayName" />
        <EnumArrayField source="roles" enumName="Role" />
        <ReferenceField source="scopeUnitId" reference="OrgUnit" emptyText="—">
          <TextField source="path" />
        </ReferenceField>
        <ReferenceField source="personId" reference="Person" emptyText="—" />
        <BooleanField source="active" />
        <DateField source="lastLoginAt" showTime emptyText="—" />
        <NumberField source="version" />
        <DateField source="createdAt" showTime />
        <DateField source="updatedAt" showTime />
      </Tab>
      {/* Logins, role changes, disabling: what an auditor looks for. */}
      <Tab label="ggsm.tabs.history" path="history">
        <AuditHistory entityType="User" label={false} />
      </Tab>
    </TabbedShowLayout>
  </Show>
);

const CommonInputs = () => (
  <>
    <TextInput source="displayName" validate={required()} />
    <SelectArrayInput source="roles" choices={roles} validate={required()} />
    <ReferenceInput source="scopeUnitId" reference="OrgUnit" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput optionText="path" helperText="resources.User.helpers.scopeUnitId" />
    </ReferenceInput>
    <ReferenceInput source="personId" reference="Person" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput optionText="name" />
    </ReferenceInput>
    <BooleanInput source="active" />
  </>
);

export const UserCreate = () => (
  <Create redirect="show">
    <SimpleForm toolbar={<SaveOnlyToolbar />} defaultValues={{ active: true, roles: ['EDITOR'] }}>
      <TextInput source="email" type="email" validate={[required(), email()]} />
      <CommonInputs />
      <PasswordInput
        source="password"
        autoComplete="new-password"
        validate={[required(), minLength(PASSWORD_MIN)]}
        helperText="resources.User.helpers.password"
      />
    </SimpleForm>
  </Create>
);

/** An empty new-password field means "keep the current password": don't send it at all. */
const dropEmptyPassword = ({ password, ...data }: Record<string, unknown>) =>
  typeof password === 'string' && password.length > 0 ? { ...data, password } : data;

export const UserEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={dropEmptyPassword} mutationOptions={useVersionConflictHandling()}>
    <SimpleForm toolbar={<SaveOnlyToolbar />}>
      <TextInput source="email" disabled />
      <CommonInputs />
      <PasswordInput
        source="password"
        label="resources.User.fields.newPassword"
        autoComplete="new-password"
        validate={minLength(PASSWORD_MIN)}
        helperText="resources.User.helpers.newPassword"
      />
    </SimpleForm>
  </Edit>
);

export default {
  list: UserList,
  show: UserShow,
  edit: UserEdit,
  create: UserCreate,
  icon: ManageAccountsIcon,
  recordRepresentation: 'displayName',
};
