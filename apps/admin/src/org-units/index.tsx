import AccountTreeIcon from '@mui/icons-material/AccountTree';
import {
  AutocompleteInput,
  Create,
  DataTable,
  DateField,
  Edit,
  List,
  NumberField,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  Show,
  Tab,
  TabbedShowLayout,
  TextField,
} from 'react-admin';
import { enumChoices, EnumField } from '../common/enums';
import { AuditHistory } from '../common/history';
import { useVersionConflictHandling } from '../common/version-conflict';
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
    <DataTable rowClick="show" bulkActionButtons={false}>
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

export const OrgUnitShow = () => (
  <Show>
    <TabbedShowLayout>
      <Tab label="ggsm.tabs.details">
        <TextField source="name" />
        <TextField source="shortCode" />
        <EnumField source="kind" enumName="OrgUnitKind" />
        {/* An editor does not see the units above its own: the parent then stays empty. */}
        <ReferenceField source="parentId" reference="OrgUnit" emptyText="—">
          <TextField source="path" />
        </ReferenceField>
        <TextField source="path" />
        <TextField source="handlePrefix" emptyText="—" />
        <NumberField source="version" />
        <DateField source="createdAt" showTime />
        <DateField source="updatedAt" showTime />
      </Tab>
      <Tab label="ggsm.tabs.history" path="history">
        <AuditHistory entityType="OrgUnit" label={false} />
      </Tab>
    </TabbedShowLayout>
  </Show>
);

export const OrgUnitEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" mutationOptions={useVersionConflictHandling()}>
    <OrgUnitForm />
  </Edit>
);

export const OrgUnitCreate = () => (
  <Create redirect="show">
    <OrgUnitForm />
  </Create>
);

export default {
  list: OrgUnitList,
  show: OrgUnitShow,
  edit: OrgUnitEdit,
  create: OrgUnitCreate,
  icon: AccountTreeIcon,
  recordRepresentation: 'name',
};
