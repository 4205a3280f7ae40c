/** A worker thread of parallel layout: one cluster's own layout per message (analyze/layout.ts). */
import { parentPort } from 'node:worker_threads';
import { layoutCluster, type ClusterLayoutJob } from '../analyze/layout.ts';

parentPort!.on('message', (job: ClusterLayoutJob) => {
  const xy = layoutCluster(job);
  parentPort!.postMessage(xy, [xy.buffer as ArrayBuffer]);
});
