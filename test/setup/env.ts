// Runs before every test file. Ink decides at import time whether it is in CI (then it draws
// only the last frame, on exit); the screen tests check what a person at a terminal sees, so
// they must not inherit CI's variable. (The end-to-end tests strip it from their children too.)
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
// Commands load string-width before printing text (cli/dispatch.ts); tests that call the text
// functions directly measure as those commands do.
await (await import('../../src/core/text.js')).loadTextWidths();
