-- btree_gist lets later exclusion constraints mix equality (tour, group) with range overlap (visit times).
CREATE EXTENSION IF NOT EXISTS btree_gist;
