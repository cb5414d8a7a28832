import {
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanInput,
  CheckboxGroupInput,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextArrayInput,
  TextInput,
  useTranslate,
  type SimpleFormProps,
} from 'react-admin';
import { enumChoices } from '../common/enums';
import { SectionTitle } from '../common/section-title';
import { SaveOnlyToolbar } from '../common/toolbars';
import { HandleInput, NamingFeedback } from './handle-input';
import { ReviewIntervalInput } from './review-interval';

const kinds = enumChoices('AccountKind');
const purposes = enumChoices('AccountPurpose');

const h = (key: string) => `resources.SocialAccount.helpers.${key}`;

/** Shared by create and edit. `version` stays in the edited record and goes back for optimistic locking. */
export const AccountForm = (props: Omit<SimpleFormProps, 'children'>) => {
  const translate = useTranslate();
  // A closed platform (Hyves) stays choosable for accounts from before the policy; the API refuses new ones.
  const platformName = (p: { name: string; status: string }) => (p.status === 'DEFUNCT' ? `${p.name} (${translate(h('platform_defunct'))})` : p.name);
  return (
    <SimpleForm mode="onChange" reValidateMode="onChange" toolbar={<SaveOnlyToolbar />} {...props}>
      <SectionTitle label="resources.SocialAccount.tabs.account" />
      <ReferenceInput source="platformId" reference="Platform" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
        <SelectInput optionText={platformName} validate={required()} />
      </ReferenceInput>
      <HandleInput />
      <NamingFeedback />
      <TextInput source="displayName" />
      <ReferenceInput source="orgUnitId" reference="OrgUnit" sort={{ field: 'name', order: 'ASC' }} perPage={50}>
        <AutocompleteInput optionText="path" validate={required()} />
      </ReferenceInput>
      <SelectInput source="kind" choices={kinds} validate={required()} />
      <CheckboxGroupInput source="purposes" choices={purposes} />
      <BooleanInput source="legacy" helperText={h('legacy')} />

      <SectionTitle label="resources.SocialAccount.tabs.profile" />
      <TextInput source="bio" multiline minRows={2} />
      <TextInput source="openingHours" />
      <TextInput source="responseTime" />
      <TextArrayInput source="languages" helperText={h('languages')} />
      <TextInput source="autoPostingSource" helperText={h('autoPostingSource')} />
      <TextInput source="archivingArrangement" multiline helperText={h('archivingArrangement')} />
      <TextInput source="notes" multiline minRows={2} />

      <SectionTitle label="resources.SocialAccount.tabs.owners" />
      <ReferenceInput source="primaryOwnerId" reference="Person" sort={{ field: 'name', order: 'ASC' }} filter={{ active: true }}>
        <AutocompleteInput optionText="name" />
      </ReferenceInput>
      <ReferenceArrayInput source="backupOwnerIds" reference="Person" sort={{ field: 'name', order: 'ASC' }} filter={{ active: true }}>
        <AutocompleteArrayInput optionText="name" />
      </ReferenceArrayInput>

      <SectionTitle label="resources.SocialAccount.tabs.governance" />
      <ReviewIntervalInput />
    </SimpleForm>
  );
};
