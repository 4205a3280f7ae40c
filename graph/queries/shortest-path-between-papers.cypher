// The shortest path between two papers (by title or id) through the entities they share: datasets,
// benchmarks, tasks and concepts, never through clusters or similarity links.
// Answers: "how is this paper related to that one?"
// @param from = "CorpusBrain: Pre-train a Generative Retrieval Model for Knowledge-Intensive Language Tasks"
// @param to = "An Extendable, Efficient and Effective Transformer-based Object Detector"
MATCH (a:Paper) WHERE a.title = $from OR a.id = $from
MATCH (b:Paper) WHERE (b.title = $to OR b.id = $to) AND b <> a
MATCH path = shortestPath((a)-[:EVALUATED_ON|INTRODUCES|ADDRESSES|MENTIONS*..10]-(b))
RETURN [n IN nodes(path) | coalesce(n.title, n.name)] AS steps, length(path) AS hops, path
