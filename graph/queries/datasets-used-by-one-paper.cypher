// Datasets that only one paper of the corpus evaluates on or introduces: the long tail, and the
// candidates for a missed alias.
// Answers: "which datasets does nobody else use?"
MATCH (d:Dataset)<-[:EVALUATED_ON|INTRODUCES]-(p:Paper)
WITH d, collect(DISTINCT p) AS papers
WHERE size(papers) = 1
RETURN d.name AS dataset, papers[0].title AS paper
ORDER BY dataset
