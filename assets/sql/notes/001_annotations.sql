-- A caseworker's notes, bookmarks and review states, one row per project
-- key. This file is user data: it lives apart from the cache and is never
-- rebuilt.
CREATE TABLE annotations (
    key        TEXT PRIMARY KEY,
    name       TEXT,
    note       TEXT NOT NULL DEFAULT '',
    bookmarked INTEGER NOT NULL DEFAULT 0,
    review     TEXT NOT NULL DEFAULT 'unread'
               CHECK (review IN ('unread', 'in-review', 'done')),
    updated    INTEGER NOT NULL
);
