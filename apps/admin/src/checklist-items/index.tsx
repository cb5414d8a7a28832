import ChecklistIcon from '@mui/icons-material/Checklist';
import { AUTOMATIC_CHECK_KEYS } from '@ggsm/domain';
import {
  AutocompleteArrayInput,
  BooleanField,
  BooleanInput,
  ChipField,
  Create,
  DataTable,
  Edit,
  List,
  NullableBooleanInput,
  NumberField,
  NumberInput,
  ReferenceArrayField,
  ReferenceArrayInput,
  required,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  Show,
  SimpleForm,
  SingleFieldList,
  Tab,
  TabbedShowLayout,
  TextField,
  TextInput,
  useLocaleState,
} from 'react-admin';
import { enumChoices, EnumField, EnumListField } from '../common/enums';
import { AuditHistory } from '../common/history';
import { SaveOnlyToolbar } from '../common/toolbars';
import { useVersionConflictHandling } from '../common/version-conflict';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="mode" source="mode" choices={enumChoices('ChecklistMode')} />,
  <NullableBooleanInput key="active" source="active" />,
];

const mono = { fontFamily: 'monospace' };
const checkKeys = AUTOMATIC_CHECK_KEYS.map(key => ({ id: key, name: key }));

/** The title in the reader's language. */
const TitleField = (_props: { label?: string }) => {
  const [locale] = useLocaleState();
  return <TextField source={locale === 'en' ? 'titleEn' : 'titleNl'} />;
};

export const ChecklistItemList = () => (
  <List filters={filters} sort={{ field: 'sortOrder', order: 'ASC' }} perPage={25}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="key">
        <TextField source="key" sx={mono} />
      </DataTable.Col>
      <DataTable.Col source="titleNl" disableSort>
        <TitleField />
      </DataTable.Col>
      <DataTable.Col source="mode">
        <EnumField source="mode" enumName="ChecklistMode" />
      </DataTable.Col>
      <DataTable.Col source="required">
        <BooleanField source="required" />
      </DataTable.Col>
      <DataTable.Col source="active">
        <BooleanField source="active" />
      </DataTable.Col>
      <DataTable.Col source="sortOrder">
        <NumberField source="sortOrder" />
      </DataTable.Col>
    </DataTable>
  </List>
);


export const ChecklistItemShow = () => (
  <Show>
    <TabbedShowLayout>
      <Tab label="ggsm.tabs.details">
        <TextField source="key" sx={mono} />
        <TextField source="titleNl" />
        <TextField source="titleEn" />
        <TextField source="guidanceNl" emptyText="—" sx={{ whiteSpace: 'pre-line' }} />
        <TextField source="guidanceEn" emptyText="—" sx={{ whiteSpace: 'pre-line' }} />
        <BooleanField source="required" />
        <EnumField source="mode" enumName="ChecklistMode" />
        <TextField source="checkKey" emptyText="—" sx={mono} />
        <EnumListField source="kinds" enumName="AccountKind" />
        <ReferenceArrayField source="platforms" reference="Platform" emptyText="—">
          <SingleFieldList linkType={false}>
            <ChipField source="name" size="small" />
          </SingleFieldList>
        </ReferenceArrayField>
        <EnumListField source="purposes" enumName="AccountPurpose" />
        <BooleanField source="active" />
        <NumberField source="sortOrder" />
        <NumberField source="version" />
      </Tab>
      <Tab label="ggsm.tabs.history" path="history">
        <AuditHistory entityType="ChecklistItem" label={false} />
      </Tab>
    </TabbedShowLayout>
  </Show>
);

const ItemForm = ({ create = false }: { create?: boolean }) => (
  <SimpleForm
    toolbar={<SaveOnlyToolbar />}
    defaultValues={create ? { mode: 'ATTESTATION', required: true, active: true, sortOrder: 100, kinds: [], platforms: [], purposes: [] } : undefined}
  >
    <TextInput source="key" validate={required()} disabled={!create} sx={mono} />
    <TextInput source="titleNl" validate={required()} fullWidth />
    <TextInput source="titleEn" validate={required()} fullWidth />
    <TextInput source="guidanceNl" multiline minRows={2} fullWidth />
    <TextInput source="guidanceEn" multiline minRows={2} fullWidth />
    <BooleanInput source="required" />
    <SelectInput source="mode" choices={enumChoices('ChecklistMode')} validate={required()} />
    <SelectInput source="checkKey" choices={checkKeys} emptyText="—" />
    <SelectArrayInput source="kinds" choices={enumChoices('AccountKind')} />
    <ReferenceArrayInput source="platforms" reference="Platform" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
      <AutocompleteArrayInput optionText="name" />
    </ReferenceArrayInput>
    <SelectArrayInput source="purposes" choices={enumChoices('AccountPurpose')} />
    <BooleanInput source="active" />
    <NumberInput source="sortOrder" min={0} />
  </SimpleForm>
);

export const ChecklistItemEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" mutationOptions={useVersionConflictHandling()}>
    <ItemForm />
  </Edit>
);

export const ChecklistItemCreate = () => (
  <Create redirect="show">
    <ItemForm create />
  </Create>
);

export default {
  list: ChecklistItemList,
  show: ChecklistItemShow,
  edit: ChecklistItemEdit,
  create: ChecklistItemCreate,
  icon: ChecklistIcon,
  recordRepresentation: 'titleNl',
};
