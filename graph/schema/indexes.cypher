// Full-text search over papers (GET /api/search, `db.index.fulltext.queryNodes('paper_text', $q)`).
CREATE FULLTEXT INDEX paper_text IF NOT EXISTS FOR (n:Paper) ON EACH [n.title, n.abstract];
// Full-text search over entity names, so a search for "coco" finds the dataset as well as the papers.
CREATE FULLTEXT INDEX entity_name IF NOT EXISTS FOR (n:Dataset|Benchmark|Task|Concept|Author|Category|Venue) ON EACH [n.name];
// The example queries look entities and papers up by name or title.
CREATE INDEX paper_title IF NOT EXISTS FOR (n:Paper) ON (n.title);
CREATE INDEX dataset_name IF NOT EXISTS FOR (n:Dataset) ON (n.name);
CREATE INDEX benchmark_name IF NOT EXISTS FOR (n:Benchmark) ON (n.name);
CREATE INDEX concept_name IF NOT EXISTS FOR (n:Concept) ON (n.name);
