/** The loader's row plan lives in the core (src/model/load-rows.ts) so the Cypher engine can share it. */
export * from '../../model/load-rows.ts';
