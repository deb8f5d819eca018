export * from './accounts';
export * from './audit';
export * from './instance';
export * from './notifications';
export * from './people';
export * from './reference';
export * from './requests';
