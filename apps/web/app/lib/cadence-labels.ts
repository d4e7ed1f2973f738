export const cadenceLabels = { daily: 'Every day', weekly: 'Every week', monthly: 'Every month' } as const;
