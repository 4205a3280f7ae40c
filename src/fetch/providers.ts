/** The providers `papergraph fetch` knows, by the name its first argument gives. */
import { arxiv } from './arxiv.ts';
import { openAlex } from './openalex.ts';
import type { FetchQuery, Provider } from './provider.ts';
import { semanticScholar } from './s2.ts';

export const PROVIDERS: Record<string, Provider<never>> = {
  openalex: openAlex as Provider<never>,
  arxiv: arxiv as Provider<never>,
  s2: semanticScholar as Provider<never>,
};

/** Credentials from the environment: OPENALEX_API_KEY / OPENALEX_MAILTO, S2_API_KEY. */
export function credentialsFromEnv(provider: string, env: NodeJS.ProcessEnv): FetchQuery['credentials'] {
  if (provider === 'openalex') return { ...(env.OPENALEX_API_KEY ? { apiKey: env.OPENALEX_API_KEY } : {}), ...(env.OPENALEX_MAILTO ? { mailto: env.OPENALEX_MAILTO } : {}) };
  if (provider === 's2') return env.S2_API_KEY ? { apiKey: env.S2_API_KEY } : {};
  return {};
}
