import { UsageError } from '../../core/errors.ts';
import { parseRole, ROLES } from '../../core/roles.ts';
import { checkPasswordStrength, hashPassword } from '../../runtime/accounts/credentials.ts';
import type { MemberInfo } from '../../store/account-store.ts';
import type { Command } from '../command.ts';
import { parseFlags, parseTextOrJson } from '../parse-flags.ts';
import { readNewPassword } from '../read-password.ts';

const USAGE = `Usage: ecoute user add EMAIL --role ROLE [--name NAME] [--password-stdin]
       ecoute user list [--format text|json]
       ecoute user remove EMAIL

  add EMAIL        creates a dashboard user with a role in the workspace (ECOUTE_WORKSPACE); the
                   password is typed twice (not echoed), or read from stdin with --password-stdin.
                   An existing user gets the role in this workspace instead (no password asked).
  --role ROLE      ${ROLES.join(', ')} (what each may do: README, "Accounts and roles")
  list             the workspace's users and roles
  remove EMAIL     takes the user out of the workspace and ends their sessions (deleted with their
                   last workspace)
Once any user exists, the API needs a log-in or an API token (\`ecoute token create\`).`;

function line(m: MemberInfo): string {
  return [m.email.padEnd(32), m.role.padEnd(8), (m.name ?? '').padEnd(20), m.createdAt.toISOString().slice(0, 10), m.disabled ? 'disabled' : ''].join('  ').trimEnd();
}

/** `ecoute user add|list|remove`: dashboard users and their role in the workspace. */
export const userCommand: Command = {
  name: 'user',
  summary: 'Dashboard users and their role in the workspace: add, list, remove',
  usage: USAGE,
  async run(args, ctx) {
    const { values, positionals } = parseFlags(args, {
      options: { role: { type: 'string' }, name: { type: 'string' }, 'password-stdin': { type: 'boolean' }, format: { type: 'string' } },
      allowPositionals: true,
    }, USAGE);
    const [action, email, ...rest] = positionals;
    if (action !== 'add' && action !== 'list' && action !== 'remove') throw new UsageError(`Say what to do: "add EMAIL --role ROLE", "list" or "remove EMAIL".\n${USAGE}`);
    if (action === 'list' ? email !== undefined : email === undefined || rest.length > 0) {
      throw new UsageError(action === 'list' ? `user list takes no argument.\n${USAGE}` : `user ${action} takes one e-mail address.\n${USAGE}`);
    }
    const role = values.role === undefined ? null : parseRole(values.role);
    if (action === 'add' && !role) throw new UsageError(`user add needs --role, one of ${ROLES.join(', ')}${values.role ? `, not "${values.role}"` : ''}.\n${USAGE}`);
    const format = parseTextOrJson(values.format);
    const workspace = ctx.config.workspace;
    const store = await ctx.openStore();
    try {
      if (action === 'list') {
        const members = await store.listMembers(workspace);
        if (format === 'json') ctx.stdout.write(`${JSON.stringify(members, null, 2)}\n`);
        else if (members.length === 0) ctx.stdout.write(`No users in workspace "${workspace}": the dashboard and API are open to whoever reaches them. Add an admin with \`ecoute user add you@example.com --role admin\`.\n`);
        else for (const m of members) ctx.stdout.write(`${line(m)}\n`);
        return 0;
      }
      if (action === 'remove') {
        await store.removeMember(workspace, email!);
        const left = await store.countUsers();
        ctx.stdout.write(`Removed ${email} from workspace "${workspace}" (their sessions are closed).${left === 0 ? ' No user is left: the dashboard and API are open again.' : ''}\n`);
        return 0;
      }
      if (await store.findUserByEmail(email!)) {
        const m = await store.setRole(workspace, email!, role!);
        ctx.stdout.write(`${m.email} is now ${m.role} in workspace "${workspace}" (password unchanged).\n`);
        return 0;
      }
      const password = await readNewPassword(ctx.stdin, ctx.stderr, values['password-stdin'] === true);
      checkPasswordStrength(password);
      const m = await store.addUser(workspace, { email: email!, name: values.name ?? null, passwordHash: await hashPassword(password), role: role! });
      ctx.stdout.write(`Added ${m.email} as ${m.role} in workspace "${workspace}". From now on the API needs a log-in or an API token.\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
