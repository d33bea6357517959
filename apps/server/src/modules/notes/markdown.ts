import MarkdownIt from 'markdown-it';

/**
 * Notes are Markdown rendered on the server, safely: raw HTML is escaped (`html: false`), links
 * may only be http(s) or mailto (no `javascript:`), and images are off (they would load from
 * anywhere, telling a third party who reads the note).
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

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
