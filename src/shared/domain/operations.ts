/** AmplifyBackend operations that start a job (the values `operation` carries). */
export const JOB_OPERATIONS = [
  'CloneBackend',
  'CreateBackend',
  'CreateBackendAPI',
  'CreateBackendAuth',
  'CreateBackendConfig',
  'CreateBackendStorage',
  'DeleteBackend',
  'DeleteBackendAPI',
  'DeleteBackendAuth',
  'DeleteBackendStorage',
  'GenerateBackendAPIModels',
  'ImportBackendAuth',
  'ImportBackendStorage',
  'RemoveAllBackends',
  'UpdateBackendAPI',
  'UpdateBackendAuth',
  'UpdateBackendJob',
  'UpdateBackendStorage',
] as const;

export const LIST_STATUSES = ['RUNNING', 'COMPLETED', 'FAILED'] as const;
