// The benchmarks and datasets most shared within a cluster: used by at least two papers of the same
// Louvain cluster, most papers first. $cluster = null ranks them across every cluster.
// Answers: "what does this research community evaluate on?"
// @param cluster = null
MATCH (c:Cluster)<-[:IN_CLUSTER]-(p:Paper)-[:EVALUATED_ON|INTRODUCES]->(b)
WHERE (b:Benchmark OR b:Dataset) AND ($cluster IS NULL OR c.id = $cluster)
WITH c, b, count(DISTINCT p) AS papers
WHERE papers >= 2
RETURN c.id AS cluster, c.label AS clusterLabel, b.name AS benchmark, papers
ORDER BY papers DESC, cluster, benchmark
