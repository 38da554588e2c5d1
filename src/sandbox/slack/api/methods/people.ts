import { SlackApiError } from '../../model/slack-api-error.js';
import { optionalString, requireString } from '../args.js';
import type { MethodTable } from './method-context.js';

export const peopleMethods: MethodTable = {
  'auth.test': ({ ws }) => ({
    url: `https://${ws.teamDomain}.slack.com/`,
    team: ws.teamName,
    user: ws.users.get(ws.botUserId)?.name ?? 'bot',
    team_id: ws.teamId,
    user_id: ws.botUserId,
    bot_id: ws.botId,
    is_enterprise_install: false,
  }),

  'users.info': ({ ws }, args) => {
    const user = ws.user(requireString(args, 'user', 'user_not_found'));
    return {
      user: {
        id: user.id,
        team_id: ws.teamId,
        name: user.name,
        real_name: user.name,
        is_bot: user.isBot,
        deleted: false,
        tz: 'UTC',
        profile: { display_name: user.name, real_name: user.name },
      },
    };
  },

  'usergroups.users.list': ({ ws }, args) => {
    const id = optionalString(args, 'usergroup');
    const users = id === undefined ? undefined : ws.usergroups.get(id);
    if (!users) throw new SlackApiError('no_such_subteam');
    return { users: [...users] };
  },
};
