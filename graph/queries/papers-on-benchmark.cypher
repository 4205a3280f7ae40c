// Every paper evaluated on (or introducing) a benchmark or dataset, with the sentence that links it.
// Answers: "which papers share KILT?"
// @param benchmark = "KILT"
MATCH (b)<-[r:EVALUATED_ON|INTRODUCES]-(p:Paper)
WHERE (b:Benchmark OR b:Dataset) AND (toLower(b.name) = toLower($benchmark) OR b.id = $benchmark)
RETURN b.name AS benchmark, p.title AS paper, type(r) AS link, r.evidence AS evidence, p, r, b
ORDER BY paper
