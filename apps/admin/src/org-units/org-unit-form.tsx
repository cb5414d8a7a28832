import {
  AutocompleteInput,
  maxLength,
  ReferenceInput,
  regex,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  type SimpleFormProps,
} from 'react-admin';
import { enumChoices } from '../common/enums';
import { SaveOnlyToolbar } from '../common/toolbars';

export const OrgUnitForm = (props: Omit<SimpleFormProps, 'children'>) => (
  <SimpleForm toolbar={<SaveOnlyToolbar />} {...props}>
    <TextInput source="name" validate={required()} />
    <TextInput source="shortCode" validate={[required(), maxLength(32)]} />
    <SelectInput source="kind" choices={enumChoices('OrgUnitKind')} validate={required()} />
    <ReferenceInput source="parentId" reference="OrgUnit" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput optionText="path" />
    </ReferenceInput>
    <TextInput
      source="handlePrefix"
      helperText="resources.OrgUnit.helpers.handlePrefix"
      validate={regex(/^[A-Za-z0-9_]*$/, 'resources.OrgUnit.helpers.handlePrefix_invalid')}
    />
  </SimpleForm>
);
