// The findings the case tests record: 戴峰 (O-0001) handled and 黄俊明 (O-0002) reviewed a second fine
// for the same violation (penalty.04) at A市市场监管局.
export const duplicateFineFacts = {
  occurredOn: '2026-03-10',
  faults: ['penalty.04'],
  decision: 'approval',
  people: [
    { id: 'O-0001', role: 'handler', agency: '529900-SCJ', conduct: ['negligent_wrong_opinion'] },
    {
      id: 'O-0002',
      role: 'reviewer',
      agency: '529900-SCJ',
      conduct: ['failed_to_detect'],
      share: 'secondary',
    },
  ],
  agencies: [{ id: '529900-SCJ', triggers: [] }],
  severity: { nature: 'ordinary', harm: 'small', impact: 'small' },
};
