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
  SimpleForm,
  TextField,
  TextInput,
} from 'react-admin';
import { enumChoices, EnumArrayField } from '../common/enums';
import { SaveOnlyToolbar } from '../common/toolbars';

const roles = enumChoices('Role');
const PASSWORD_MIN = 12;

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roles} />,
  <NullableBooleanInput key="active" source="active" />,
];

export const UserList = () => (
  <List filters={filters} sort={{ field: 'email', order: 'ASC' }}>
    <DataTable rowClick="edit" bulkActionButtons={false}>
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
  <Create redirect="list">
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
  <Edit mutationMode="pessimistic" transform={dropEmptyPassword}>
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
  edit: UserEdit,
  create: UserCreate,
  icon: ManageAccountsIcon,
  recordRepresentation: 'displayName',
};
