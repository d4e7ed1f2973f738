export * from './calendar-date';
export * from './duration';
export * from './job-status';
export * from './percent';
export * from './progress-event';
export * from './connection-name';
