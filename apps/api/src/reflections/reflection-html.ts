import sanitizeHtml from 'sanitize-html';

/**
 * The reflection editor writes a small set of tags; the server keeps exactly those and no
 * attribute at all, whatever a client sends (scripts, styles, links, images, event handlers and
 * comments are dropped, their text kept where it is text).
 */
const ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 'u', 's', 'ul', 'ol', 'li', 'blockquote', 'h2', 'h3'];

export function sanitizeReflectionHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {},
    disallowedTagsMode: 'discard',
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object'],
  }).trim();
}
