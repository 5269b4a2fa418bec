// Ink imports react-devtools-core only under DEV; the bundle aliases it here.
export default {};
export const connectToDevTools = (): void => {};
