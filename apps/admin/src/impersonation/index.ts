import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import { ImpersonationReportList } from './report-list';
import { ImpersonationReportShow } from './report-show';

interface CaseLabel {
  reference?: string;
  suspectHandle?: string;
}

/** Impersonation cases ("fakers"): read by every role; the steps are mutations on the case page, no edit form. */
export default {
  list: ImpersonationReportList,
  show: ImpersonationReportShow,
  icon: ReportProblemIcon,
  recordRepresentation: (record: CaseLabel) => `${record.reference ?? ''}${record.suspectHandle ? ` (@${record.suspectHandle})` : ''}`,
};
