// Papers on a concept or on any narrower kind of it: every curated concept lists the names of its
// broader concepts in `ancestors` (PPO: policy gradient, reinforcement learning, machine learning).
// Answers: "which papers are about any kind of reinforcement learning?"
// @param concept = "reinforcement learning"
MATCH (c:Concept)
WHERE c.name = $concept OR $concept IN coalesce(c.ancestors, [])
MATCH (p:Paper)-[:MENTIONS]->(c)
RETURN p.title AS paper, collect(DISTINCT c.name) AS concepts
ORDER BY paper
