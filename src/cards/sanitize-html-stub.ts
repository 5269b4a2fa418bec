// sbd requires sanitize-html at load time but calls it only with its `sanitize` option, which
// paperdeck never sets. The bundle aliases it here, keeping postcss and htmlparser2 (about a
// third of the generator's code) out of every command's start-up.
export default function sanitizeHtml(): never {
  throw new Error('sanitize-html is not bundled: sbd must be called without `sanitize`');
}
