export * from './auth';
export * from './people';
export * from './reference';
export * from './schedule';
export * from './tours';
