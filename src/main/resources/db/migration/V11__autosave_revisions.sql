-- Autosaves are grouped into one revision per author and window (RevisionProperties.autosaveWindow): the
-- revision an autosave started records when its group began; NULL for every revision made any other way
-- (an explicit save, a publication, ...), which also ends the group.
ALTER TABLE post_revisions ADD autosave_since ${timestamp} NULL;
