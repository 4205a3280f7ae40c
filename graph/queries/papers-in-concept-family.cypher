// Papers on a concept or on any narrower kind of it (up to three levels down), following `parent` (PPO -> policy gradient ->
// reinforcement learning), with the concept each paper names.
// Answers: "which papers are about any kind of reinforcement learning?"
// @param concept = "reinforcement learning"
MATCH (root:Concept)
WHERE root.name = $concept OR root.id = $concept
MATCH (c:Concept)
WHERE c.id = root.id OR c.parent = root.id
   OR EXISTS { MATCH (mid:Concept {id: c.parent}) WHERE mid.parent = root.id }
   OR EXISTS { MATCH (mid:Concept {id: c.parent}), (top:Concept {id: mid.parent}) WHERE top.parent = root.id }
MATCH (p:Paper)-[:MENTIONS]->(c)
RETURN p.title AS paper, collect(DISTINCT c.name) AS concepts
ORDER BY paper
