// The library's own modules behind its graph API (analyze/fa2.ts): untyped in the package.
declare module 'graphology-layout-forceatlas2/defaults.js' {
  const defaults: Record<string, number | boolean>;
  export default defaults;
}
declare module 'graphology-layout-forceatlas2/iterate.js' {
  export default function iterate(options: object, nodes: Float32Array, edges: Float32Array): void;
}
