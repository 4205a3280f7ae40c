// Papers that share a benchmark or dataset with a given paper (by title or id), and which ones they share.
// Answers: "who else evaluates on what this paper evaluates on?"
// @param paper = "CorpusBrain: Pre-train a Generative Retrieval Model for Knowledge-Intensive Language Tasks"
MATCH (p:Paper)
WHERE p.title = $paper OR p.id = $paper
MATCH (p)-[:EVALUATED_ON|INTRODUCES]->(b)<-[:EVALUATED_ON|INTRODUCES]-(other:Paper)
WHERE other <> p
WITH other, collect(DISTINCT b.name) AS shared
RETURN other.title AS paper, shared, size(shared) AS sharedCount
ORDER BY sharedCount DESC, paper
