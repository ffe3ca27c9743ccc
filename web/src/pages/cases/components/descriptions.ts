// The look of the case's description tables (the decision, its proposal and approval): bordered,
// two columns from the tablet up, labels of one width.
import type { DescriptionsProps } from 'antd';

export const CASE_DESCRIPTIONS = {
  bordered: true,
  size: 'small',
  column: { xs: 1, md: 2 },
  styles: { label: { width: 120 } },
} as const satisfies DescriptionsProps;
