import { UsageError } from '../../core/errors.ts';
import { parseRole, ROLES } from '../../core/roles.ts';
import { newApiToken, secretHash } from '../../runtime/accounts/credentials.ts';
import type { ApiTokenInfo } from '../../store/account-store.ts';
import type { Command } from '../command.ts';
import { parseFlags, parseTextOrJson } from '../parse-flags.ts';

const USAGE = `Usage: ecoute token create NAME --role ROLE
       ecoute token list [--format text|json]
       ecoute token revoke NAME|ID

  create NAME    a token for scripts, for this workspace (ECOUTE_WORKSPACE) and role (${ROLES.join(', ')});
                 printed once: only its SHA-256 is kept. Send it as \`Authorization: Bearer ec_…\`.
  list           the workspace's tokens: id, name, role, created, last used, revoked
  revoke NAME|ID refused from now on (the row stays, for the audit log)`;

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace('T', ' ') : '—');

function line(t: ApiTokenInfo): string {
  return [t.id.padStart(4), t.name.padEnd(24), t.role.padEnd(8), `created ${day(t.createdAt)}`, `used ${day(t.lastUsedAt)}`, t.revokedAt ? `revoked ${day(t.revokedAt)}` : 'active'].join('  ');
}

/** `ecoute token create|list|revoke`: API tokens for scripts, scoped to the workspace. */
export const tokenCommand: Command = {
  name: 'token',
  summary: 'API tokens for scripts, scoped to the workspace: create (shown once), list, revoke',
  usage: USAGE,
  async run(args, ctx) {
    const { values, positionals } = parseFlags(args, { options: { role: { type: 'string' }, format: { type: 'string' } }, allowPositionals: true }, USAGE);
    const [action, name, ...rest] = positionals;
    if (action !== 'create' && action !== 'list' && action !== 'revoke') throw new UsageError(`Say what to do: "create NAME --role ROLE", "list" or "revoke NAME|ID".\n${USAGE}`);
    if (action === 'list' ? name !== undefined : name === undefined || rest.length > 0) {
      throw new UsageError(action === 'list' ? `token list takes no argument.\n${USAGE}` : `token ${action} takes one name${action === 'revoke' ? ' or id' : ''}.\n${USAGE}`);
    }
    const role = values.role === undefined ? null : parseRole(values.role);
    if (action === 'create' && !role) throw new UsageError(`token create needs --role, one of ${ROLES.join(', ')}${values.role ? `, not "${values.role}"` : ''}.\n${USAGE}`);
    const format = parseTextOrJson(values.format);
    const workspace = ctx.config.workspace;
    const store = await ctx.openStore();
    try {
      if (action === 'list') {
        const tokens = await store.listApiTokens(workspace);
        if (format === 'json') ctx.stdout.write(`${JSON.stringify(tokens, null, 2)}\n`);
        else if (tokens.length === 0) ctx.stdout.write(`No API tokens in workspace "${workspace}". Create one with \`ecoute token create NAME --role ROLE\`.\n`);
        else for (const t of tokens) ctx.stdout.write(`${line(t)}\n`);
        return 0;
      }
      if (action === 'revoke') {
        const t = await store.revokeApiToken(workspace, name!);
        ctx.stdout.write(`Revoked token ${t.id} "${t.name}" (${t.role}) of workspace "${workspace}": it is refused from now on.\n`);
        return 0;
      }
      const secret = newApiToken();
      const t = await store.createApiToken(workspace, { name: name!, role: role!, tokenHash: secretHash(secret) });
      // The token alone on stdout (scripts capture it); the explanation on stderr.
      ctx.stdout.write(`${secret}\n`);
      ctx.stderr.write(`Token ${t.id} "${t.name}" (${t.role}, workspace "${workspace}"): copy it now, it is not shown again. Send it as "Authorization: Bearer <token>".${(await store.countUsers()) === 0 ? ' No user exists yet, so the API is still open: add one with `ecoute user add you@example.com --role admin`.' : ''}\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
