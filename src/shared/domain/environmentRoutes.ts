export interface EnvironmentPageParams {
  appId: string;
  envName: string;
  region?: string;
  status?: string;
  operation?: string;
}

/** `/apps/{appId}/environments/{envName}/jobs?region=…&status=…&operation=…`. */
export function environmentJobsPath({ appId, envName, region, status, operation }: EnvironmentPageParams): string {
  const query = new URLSearchParams();
  if (region) query.set('region', region);
  if (status) query.set('status', status);
  if (operation) query.set('operation', operation);
  const search = query.toString();
  return `/apps/${encodeURIComponent(appId)}/environments/${encodeURIComponent(envName)}/jobs${search ? `?${search}` : ''}`;
}

const ENVIRONMENT_PAGE = /^\/apps\/([^/]*)\/environments\/([^/]*)\/jobs\/?$/;

export type EnvironmentPathMatch = { ok: true; params: EnvironmentPageParams } | { ok: false; message: string };

export function matchEnvironmentJobsPath(pathname: string, search: string): EnvironmentPathMatch | undefined {
  const match = ENVIRONMENT_PAGE.exec(pathname);
  if (!match) return undefined;
  let appId: string;
  let envName: string;
  try {
    appId = decodeURIComponent(match[1] ?? '');
    envName = decodeURIComponent(match[2] ?? '');
  } catch {
    return { ok: false, message: 'The link has a broken percent-encoding (a “%” not followed by two hex digits).' };
  }
  const query = new URLSearchParams(search);
  const params: EnvironmentPageParams = { appId, envName };
  for (const key of ['region', 'status', 'operation'] as const) {
    const value = query.get(key);
    if (value) params[key] = value;
  }
  return { ok: true, params };
}
