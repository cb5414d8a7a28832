import AccountTreeIcon from '@mui/icons-material/AccountTree';
import {
  AutocompleteInput,
  Create,
  DataTable,
  Edit,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
} from 'react-admin';
import { enumChoices, EnumField } from '../common/enums';
import { OrgUnitForm } from './org-unit-form';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={enumChoices('OrgUnitKind')} />,
  <ReferenceInput key="parentId" source="parentId" reference="OrgUnit" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput optionText="path" />
  </ReferenceInput>,
];

export const OrgUnitList = () => (
  <List filters={filters} sort={{ field: 'name', order: 'ASC' }}>
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="shortCode" />
      <DataTable.Col source="kind">
        <EnumField source="kind" enumName="OrgUnitKind" />
      </DataTable.Col>
      <DataTable.Col source="parentId" disableSort>
        <ReferenceField source="parentId" reference="OrgUnit" link={false} emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="handlePrefix" disableSort />
      <DataTable.Col source="path" disableSort />
    </DataTable>
  </List>
);

export const OrgUnitEdit = () => (
  <Edit mutationMode="pessimistic">
    <OrgUnitForm />
  </Edit>
);

export const OrgUnitCreate = () => (
  <Create redirect="list">
    <OrgUnitForm />
  </Create>
);

export default {
  list: OrgUnitList,
  edit: OrgUnitEdit,
  create: OrgUnitCreate,
  icon: AccountTreeIcon,
  recordRepresentation: 'name',
};
