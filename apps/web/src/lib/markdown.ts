import MarkdownIt from 'markdown-it';

/**
 * The note preview: Markdown rendered exactly as the server renders a saved note
 * (apps/server/src/modules/notes/markdown.ts), so what the preview shows is what the note becomes.
 * Raw HTML is escaped, images are off, and links may only be http(s) or mailto.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true });
markdown.disable('image');
markdown.validateLink = (url) => /^(https?:|mailto:)/i.test(url.trim());

const defaultLinkOpen = markdown.renderer.rules.link_open ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  tokens[index]!.attrSet('rel', 'noopener noreferrer nofollow');
  tokens[index]!.attrSet('target', '_blank');
  return defaultLinkOpen(tokens, index, options, env, self);
};

/** Safe HTML for `dangerouslySetInnerHTML`: no raw HTML survives, no script link. */
export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
