import {
  BooleanField,
  ChipField,
  DateField,
  NumberField,
  ReferenceArrayField,
  ReferenceField,
  Show,
  SingleFieldList,
  Tab,
  TabbedShowLayout,
  TextField,
  UrlField,
} from 'react-admin';
import { EnumArrayField, EnumField, StringArrayField } from '../common/enums';
import { AccountClaimedUrls } from '../claimed-urls/account-claimed-urls';
import { AuditHistory } from '../common/history';
import { useMayAccess } from '../common/permissions';
import { FlagsField } from './account-list';
import { ChecklistTab } from './checklist-tab';
import { ReviewIntervalField } from './review-interval';
import { AccountShowActions, ApprovalReadiness } from './lifecycle-buttons';

/** Logins are only readable for administrators and auditors; others see the id, not an error icon. */
const UserRef = ({ source }: { source: string }) =>
  useMayAccess('User', 'show') ? (
    <ReferenceField source={source} reference="User" emptyText="—" />
  ) : (
    <TextField source={source} emptyText="—" />
  );

export const AccountShow = () => (
  <Show actions={<AccountShowActions />}>
    <ApprovalReadiness />
    <TabbedShowLayout>
      <Tab label="resources.SocialAccount.tabs.account">
        <ReferenceField source="platformId" reference="Platform" link={false} />
        <TextField source="handle" />
        <TextField source="normalizedHandle" />
        <UrlField source="profileUrl" target="_blank" rel="noopener noreferrer" />
        <TextField source="displayName" emptyText="—" />
        <ReferenceField source="orgUnitId" reference="OrgUnit">
          <TextField source="path" />
        </ReferenceField>
        <EnumField source="kind" enumName="AccountKind" />
        <EnumArrayField source="purposes" enumName="AccountPurpose" />
        <EnumField source="status" enumName="AccountStatus" chip />
        <BooleanField source="legacy" />
        <FlagsField label="ggsm.flags.column" />
      </Tab>
      <Tab label="resources.SocialAccount.tabs.profile" path="profile">
        <TextField source="bio" emptyText="—" sx={{ whiteSpace: 'pre-line' }} />
        <TextField source="openingHours" emptyText="—" />
        <TextField source="responseTime" emptyText="—" />
        <StringArrayField source="languages" />
        <TextField source="autoPostingSource" emptyText="—" />
        <TextField source="archivingArrangement" emptyText="—" sx={{ whiteSpace: 'pre-line' }} />
        <TextField source="notes" emptyText="—" sx={{ whiteSpace: 'pre-line' }} />
      </Tab>
      <Tab label="resources.SocialAccount.tabs.owners" path="owners">
        <ReferenceField source="primaryOwnerId" reference="Person" emptyText="—" />
        <ReferenceArrayField source="backupOwnerIds" reference="Person">
          <SingleFieldList>
            <ChipField source="name" size="small" />
          </SingleFieldList>
        </ReferenceArrayField>
      </Tab>
      <Tab label="resources.SocialAccount.tabs.governance" path="governance">
        <DateField source="lastReviewedAt" showTime emptyText="—" />
        <DateField source="nextReviewAt" showTime emptyText="—" />
        <ReviewIntervalField label="resources.SocialAccount.fields.effectiveReviewIntervalMonths" />
        <UserRef source="requestedById" />
        <DateField source="requestedAt" showTime emptyText="—" />
        <UserRef source="approvedById" />
        <DateField source="approvedAt" showTime emptyText="—" />
        <NumberField source="version" />
        <DateField source="createdAt" showTime />
        <DateField source="updatedAt" showTime />
      </Tab>
      <Tab label="ggsm.tabs.checklist" path="checklist">
        <ChecklistTab />
      </Tab>
      <Tab label="resources.ClaimedUrl.account_tab" path="urls">
        <AccountClaimedUrls label={false} />
      </Tab>
      <Tab label="ggsm.tabs.history" path="history">
        <AuditHistory entityType="SocialAccount" label={false} />
      </Tab>
    </TabbedShowLayout>
  </Show>
);
