/** Connection settings of every project file, in one place so a test can assert them. */
export const PRAGMAS = {
  journal_mode: 'wal',
  synchronous: 2, // FULL: a committed import survives power loss, not only a crash
  foreign_keys: 1,
  busy_timeout: 5000,
} as const;

/** 'SBNC' — marks an SQLite file as a Sourcebench project. */
export const APPLICATION_ID = 0x53424e43;

export const PROJECT_EXTENSION = '.sourcebench';
