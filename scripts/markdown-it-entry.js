// markdown-it alone, built as dist/markdown-it.js for generate's own build (scripts/bundle.mjs, markdownItApart).
export { default } from 'markdown-it';
