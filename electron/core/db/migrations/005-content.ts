// Content an admin manages (管理 → 内容). Videos now come from two places: the ones shipped in
// resources/videos (served at /media/) and the ones an admin uploaded into <data>/media (served at
// /uploads/). A quiz question is never edited in place: an edit adds a new version and points the old
// one at it, so a quiz already drawn for a rider (education_sessions.quiz_question_ids) is scored
// against exactly the questions shown, and quiz_attempts keeps naming what was asked.
export default /* sql */ `
ALTER TABLE videos ADD COLUMN source TEXT NOT NULL DEFAULT 'bundled' CHECK (source IN ('bundled', 'uploaded'));
ALTER TABLE quiz_questions ADD COLUMN superseded_by TEXT REFERENCES quiz_questions(id);
CREATE INDEX quiz_questions_current ON quiz_questions(superseded_by, active);
`;
