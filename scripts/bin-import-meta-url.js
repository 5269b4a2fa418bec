// Injected into the CommonJS bin (scripts/bundle.mjs): what `import.meta.url` means there.
export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;
