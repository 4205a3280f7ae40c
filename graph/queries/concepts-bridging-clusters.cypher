// Concepts that bridge clusters: mentioned by papers of two or more clusters (of both $a and $b when
// given), those spanning the most clusters first.
// Answers: "which ideas connect these two communities?"
// @param a = null
// @param b = null
MATCH (c:Cluster)<-[:IN_CLUSTER]-(p:Paper)-[:MENTIONS]->(k:Concept)
WITH k, collect(DISTINCT c.id) AS clusters, count(DISTINCT p) AS papers
WHERE size(clusters) >= 2 AND ($a IS NULL OR $a IN clusters) AND ($b IS NULL OR $b IN clusters)
RETURN k.name AS concept, clusters, size(clusters) AS clusterCount, papers
ORDER BY clusterCount DESC, papers DESC, concept
