import { VALUE_KEYS, parseOverrides } from '../../learn/value/value-assumptions.ts';
import { valueText } from '../../learn/value/value-render.ts';
import { openOutput } from '../../runtime/export/write-output.ts';
import { loadValueModel } from '../../runtime/learn/load-value-model.ts';
import type { Command } from '../command.ts';
import { parseFlags, parseLang, parseTextOrJson } from '../parse-flags.ts';

const USAGE = `Usage: ecoute value [--set KEY=VALUE ...] [--format text|json] [--out FILE] [--lang fr|en]

What a customer-experience improvement is worth per year: revenue kept from customers at risk,
repeat contacts avoided, the promoter/detractor spend gap, each with its formula and figures, and an
outside benchmark (Temkin Group) beside the total. Every assumption is listed with its origin
(workspace data, documented default, or yours) and its source.
  --set K=V    change an assumption (repeat the flag, or K=V,K=V); keys:
               ${VALUE_KEYS.join(', ')}
               shares are 0..1 (saveRate=0.3), money in the workspace currency
  --format F   text (default) or json
  --out FILE   write to FILE instead of standard output
  --lang L     fr or en (default: the workspace language)`;

/** `ecoute value`: the value model with every assumption visible and editable. */
export const valueCommand: Command = {
  name: 'value',
  summary: 'What a CX improvement is worth: revenue kept, repeat contacts avoided, promoter gap; every assumption editable',
  usage: USAGE,
  async run(args, ctx) {
    const { values } = parseFlags(args, {
      options: { set: { type: 'string', multiple: true }, format: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' } },
    }, USAGE);
    const format = parseTextOrJson(values.format, USAGE);
    const overrides = parseOverrides(values.set ?? []);
    const lang = parseLang(values.lang);
    const store = await ctx.openStore();
    try {
      const language = lang ?? (await store.ensureWorkspace(ctx.config.workspace)).settings.language;
      const model = await loadValueModel(store, ctx.config.workspace, overrides);
      const out = await openOutput(values.out, ctx.stdout);
      await out.write(format === 'json' ? `${JSON.stringify(model, null, 2)}\n` : valueText(model, language));
      await out.close();
      return 0;
    } finally {
      await store.close();
    }
  },
};
