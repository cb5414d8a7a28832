import RuleIcon from '@mui/icons-material/Rule';
import {
  AutocompleteArrayInput,
  BooleanField,
  BooleanInput,
  ChipField,
  Create,
  DataTable,
  Edit,
  FunctionField,
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
  type Validator,
} from 'react-admin';
import { enumChoices, EnumField, EnumListField } from '../common/enums';
import { AuditHistory } from '../common/history';
import { SaveOnlyToolbar } from '../common/toolbars';
import { useVersionConflictHandling } from '../common/version-conflict';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="type" source="type" choices={enumChoices('NamingRuleType')} />,
  <NullableBooleanInput key="active" source="active" />,
];

const mono = { fontFamily: 'monospace' };

export const NamingRuleList = () => (
  <List filters={filters} sort={{ field: 'sortOrder', order: 'ASC' }} perPage={25}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="key">
        <TextField source="key" sx={mono} />
      </DataTable.Col>
      <DataTable.Col source="type">
        <EnumField source="type" enumName="NamingRuleType" />
      </DataTable.Col>
      <DataTable.Col source="severity">
        <EnumField source="severity" enumName="NamingSeverity" chip />
      </DataTable.Col>
      <DataTable.Col source="messageNl" disableSort />
      <DataTable.Col source="active">
        <BooleanField source="active" />
      </DataTable.Col>
      <DataTable.Col source="sortOrder">
        <NumberField source="sortOrder" />
      </DataTable.Col>
    </DataTable>
  </List>
);

const Json = ({ source }: { source: string; label?: string }) => (
  <FunctionField
    source={source}
    render={(record: Record<string, unknown>) => (
      <pre style={{ margin: 0, fontFamily: 'monospace' }}>{JSON.stringify(record[source] ?? {}, null, 2)}</pre>
    )}
  />
);


export const NamingRuleShow = () => (
  <Show>
    <TabbedShowLayout>
      <Tab label="ggsm.tabs.details">
        <TextField source="key" sx={mono} />
        <EnumField source="type" enumName="NamingRuleType" />
        <EnumField source="severity" enumName="NamingSeverity" chip />
        <Json source="params" />
        <ReferenceArrayField source="scope.platforms" reference="Platform" emptyText="—">
          <SingleFieldList linkType={false}>
            <ChipField source="name" size="small" />
          </SingleFieldList>
        </ReferenceArrayField>
        <EnumListField source="scope.kinds" enumName="AccountKind" />
        <ReferenceArrayField source="scope.orgUnitIds" reference="OrgUnit" emptyText="—">
          <SingleFieldList linkType="show">
            <ChipField source="path" size="small" />
          </SingleFieldList>
        </ReferenceArrayField>
        <TextField source="messageNl" />
        <TextField source="messageEn" />
        <BooleanField source="active" />
        <NumberField source="sortOrder" />
        <NumberField source="version" />
      </Tab>
      <Tab label="ggsm.tabs.history" path="history">
        <AuditHistory entityType="NamingRule" label={false} />
      </Tab>
    </TabbedShowLayout>
  </Show>
);

/** Params are edited as JSON text: an invalid text stays a string, which the validator refuses. */
const formatJson = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value ?? {}, null, 2));
const parseJson = (text: string) => {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? value : text;
  } catch {
    return text;
  }
};
const validJson: Validator = value =>
  value && typeof value === 'object' && !Array.isArray(value) ? undefined : 'resources.NamingRule.helpers.params_invalid';

interface RuleForm {
  id?: string;
  version?: number;
  key?: string;
  type?: string;
  severity?: string;
  params?: unknown;
  scope?: { platforms?: string[]; kinds?: string[]; orgUnitIds?: string[] };
  messageNl?: string;
  messageEn?: string;
  active?: boolean;
  sortOrder?: number;
}

// Only the input fields: the scope read back carries __typename, which the API's input type refuses.
const transform = (data: RuleForm) => ({
  ...data,
  params: typeof data.params === 'object' && data.params ? data.params : {},
  scope: {
    platforms: data.scope?.platforms ?? [],
    kinds: data.scope?.kinds ?? [],
    orgUnitIds: data.scope?.orgUnitIds ?? [],
  },
});

const RuleForm = ({ create = false }: { create?: boolean }) => (
  <SimpleForm toolbar={<SaveOnlyToolbar />} defaultValues={create ? { params: {}, active: true, sortOrder: 100, severity: 'ERROR' } : undefined}>
    <TextInput source="key" validate={required()} disabled={!create} sx={mono} />
    <SelectInput source="type" choices={enumChoices('NamingRuleType')} validate={required()} />
    <SelectInput source="severity" choices={enumChoices('NamingSeverity')} validate={required()} />
    <TextInput
      source="params"
      multiline
      minRows={2}
      format={formatJson}
      parse={parseJson}
      validate={validJson}
      helperText="resources.NamingRule.helpers.params"
      sx={{ '& textarea': mono }}
    />
    <ReferenceArrayInput source="scope.platforms" reference="Platform" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
      <AutocompleteArrayInput optionText="name" helperText="resources.NamingRule.helpers.scope" />
    </ReferenceArrayInput>
    <SelectArrayInput source="scope.kinds" choices={enumChoices('AccountKind')} helperText="resources.NamingRule.helpers.scope" />
    <ReferenceArrayInput source="scope.orgUnitIds" reference="OrgUnit" sort={{ field: 'name', order: 'ASC' }} perPage={500}>
      <AutocompleteArrayInput optionText="path" helperText="resources.NamingRule.helpers.scope" />
    </ReferenceArrayInput>
    <TextInput source="messageNl" validate={required()} multiline fullWidth />
    <TextInput source="messageEn" validate={required()} multiline fullWidth />
    <BooleanInput source="active" />
    <NumberInput source="sortOrder" min={0} />
  </SimpleForm>
);

export const NamingRuleEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={transform} mutationOptions={useVersionConflictHandling()}>
    <RuleForm />
  </Edit>
);

export const NamingRuleCreate = () => (
  <Create redirect="show" transform={transform}>
    <RuleForm create />
  </Create>
);

export default {
  list: NamingRuleList,
  show: NamingRuleShow,
  edit: NamingRuleEdit,
  create: NamingRuleCreate,
  icon: RuleIcon,
  recordRepresentation: 'key',
};
