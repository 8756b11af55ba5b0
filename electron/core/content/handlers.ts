import type { ContentOverview } from '../../../shared/contract/content';
import { toAdmins } from '../auth/live-sessions';
import { actorOf, type Core, type GreenSocket } from '../context';
import { updateSettings } from '../admin/settings-update';
import type { Handlers } from '../socket/handlers';
import { readSettings } from '../settings-store';
import { addQuestion, editQuestion, listQuestions, minActiveQuestions, setQuestionActive } from './quiz-bank';
import { assignmentPatch, assignments, listVideos, registerVideo, setVideoActive } from './video-library';

type ContentEvent =
  | 'content:list'
  | 'content:registerVideo'
  | 'content:setVideoActive'
  | 'content:assignVideo'
  | 'content:addQuestion'
  | 'content:editQuestion'
  | 'content:setQuestionActive';

const actor = (socket: GreenSocket) => actorOf(socket.data.principal);

export function contentOverview(core: Core): ContentOverview {
  const settings = readSettings(core.db);
  return {
    videos: listVideos(core.db),
    questions: listQuestions(core.db),
    assignments: assignments(settings),
    minActiveQuestions: minActiveQuestions(settings),
  };
}

/** After a committed change: every admin window redraws 内容 from the new state. */
function changed<T>(core: Core, reply: T): T {
  toAdmins(core, 'content:changed', contentOverview(core));
  return reply;
}

export const contentHandlers: Handlers<ContentEvent> = {
  'content:list': (_req, { core }) => contentOverview(core),
  'content:registerVideo': (req, { core, socket }) => changed(core, registerVideo(core, req, actor(socket))),
  'content:setVideoActive': (req, { core, socket }) =>
    changed(core, setVideoActive(core.db, req.videoId, req.active, actor(socket), core.clock())),
  // Through the one settings write, so the same check, audit row and settings:changed push apply.
  'content:assignVideo': (req, { core, socket }) => changed(core, updateSettings(core, assignmentPatch(req.group, req.videoId), actor(socket))),
  'content:addQuestion': (req, { core, socket }) => changed(core, addQuestion(core.db, req, actor(socket), core.clock())),
  'content:editQuestion': (req, { core, socket }) =>
    changed(core, editQuestion(core.db, req.questionId, req.draft, actor(socket), core.clock())),
  'content:setQuestionActive': (req, { core, socket }) =>
    changed(core, setQuestionActive(core.db, req.questionId, req.active, actor(socket), core.clock())),
};
