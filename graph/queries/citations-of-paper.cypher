// The papers a given paper (by title or id) cites within the corpus, and the papers of the corpus citing it.
// Answers: "what does this paper build on here, and who builds on it?" (CITES comes from OpenAlex or Semantic Scholar references)
// @param paper = "CorpusBrain: Pre-train a Generative Retrieval Model for Knowledge-Intensive Language Tasks"
MATCH (p:Paper)
WHERE p.title = $paper OR p.id = $paper
OPTIONAL MATCH (p)-[:CITES]->(cited:Paper)
WITH p, collect(DISTINCT cited.title) AS cites
OPTIONAL MATCH (p)<-[:CITES]-(citing:Paper)
RETURN p.title AS paper, cites, collect(DISTINCT citing.title) AS citedBy, p.referencesOutside AS referencesOutside
