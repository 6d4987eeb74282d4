/**
 * Customer words made inert before they reach a renderer that would act on markup: raw HTML in a
 * Markdown report, `<!channel>` mentions and links in a Slack or Teams message. The words stay
 * readable; only what a renderer would execute, link or notify is neutralised.
 */

/** Zero-width space: breaks a construct (a Markdown link, an @-mention) without changing how the text reads. */
const ZWSP = '\u200b';

/**
 * For Markdown (reports, digest archives): `<` and `>` as entities, so `<script>` or
 * `<img onerror=…>` from a message shows as text instead of being passed through as HTML; `&`
 * when it would start an entity; `](` escaped as `]\(` so a customer's `[click](https://…)` or
 * `![x](…)` is no link or image (brackets alone, such as a confidence interval, are left as they are).
 */
export function inertMarkdown(s: string): string {
  return s
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\]\(/g, ']\\(');
}

/**
 * For Slack and Teams messages: Slack's three control characters escaped as its docs require
 * (`&` `<` `>`), so `<!channel>`, `<!here>`, `<@U123>` and `<https://x|label>` show as text and
 * notify no one; Markdown links (Teams) and `@channel`/`@here`/`@everyone` broken with a zero-width space.
 */
export function inertChat(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\]\(/g, `]${ZWSP}(`)
    .replace(/@(channel|here|everyone)\b/gi, `@${ZWSP}$1`);
}
