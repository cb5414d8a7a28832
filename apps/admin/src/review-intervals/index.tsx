import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import { Typography } from '@mui/material';
import {
  DataTable,
  DateField,
  Edit,
  Labeled,
  List,
  maxValue,
  minValue,
  number,
  NumberField,
  NumberInput,
  required,
  Show,
  SimpleForm,
  Tab,
  TabbedShowLayout,
  useTranslate,
} from 'react-admin';
import { EnumField } from '../common/enums';
import { AuditHistory } from '../common/history';
import { SaveOnlyToolbar } from '../common/toolbars';
import { useVersionConflictHandling } from '../common/version-conflict';

const t = (key: string) => `resources.ReviewInterval.${key}`;

/** Whole months only: the API refuses 1.5 too, this says so before saving. */
const wholeMonths = (value: unknown) => (value === null || value === undefined || value === '' || Number.isInteger(Number(value)) ? undefined : t('helpers.months_whole'));

const Intro = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ px: 2, pt: 2 }}>
      {translate(t('intro'))}
    </Typography>
  );
};

// Seven kinds, always: no create, no delete, no filters, one page.
export const ReviewIntervalList = () => (
  <List sort={{ field: 'kind', order: 'ASC' }} perPage={25} pagination={false} exporter={false}>
    <Intro />
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="kind">
        <EnumField source="kind" enumName="AccountKind" />
      </DataTable.Col>
      <DataTable.Col source="months">
        <NumberField source="months" />
      </DataTable.Col>
      <DataTable.Col source="updatedAt">
        <DateField source="updatedAt" showTime />
      </DataTable.Col>
    </DataTable>
  </List>
);

export const ReviewIntervalShow = () => (
  <Show>
    <TabbedShowLayout>
      <Tab label="ggsm.tabs.details">
        <EnumField source="kind" enumName="AccountKind" />
        <NumberField source="months" />
        <NumberField source="version" />
        <DateField source="updatedAt" showTime />
      </Tab>
      <Tab label="ggsm.tabs.history" path="history">
        <AuditHistory entityType="ReviewInterval" label={false} />
      </Tab>
    </TabbedShowLayout>
  </Show>
);

// Only the months are editable (Communications, as the API decides); the kind is the record's identity.
export const ReviewIntervalEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" mutationOptions={useVersionConflictHandling()}>
    <SimpleForm toolbar={<SaveOnlyToolbar />}>
      <Labeled source="kind">
        <EnumField source="kind" enumName="AccountKind" />
      </Labeled>
      <NumberInput
        source="months"
        min={1}
        max={60}
        step={1}
        validate={[required(), number(), minValue(1), maxValue(60), wholeMonths]}
        helperText={t('helpers.months')}
      />
    </SimpleForm>
  </Edit>
);

export default {
  list: ReviewIntervalList,
  show: ReviewIntervalShow,
  edit: ReviewIntervalEdit,
  icon: EventRepeatIcon,
  recordRepresentation: <EnumField source="kind" enumName="AccountKind" />,
};
